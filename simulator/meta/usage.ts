/**
 * Meta's usage headers. Usage grows with calls in the last minute (so a
 * client can watch it climb) and reads ~100 % with a regain time while the
 * core's throttle window is open.
 */
import type { SimContext } from '../types';
import type { MetaKnobs } from './knobs';

const WINDOW_MS = 60_000;

export class UsageTracker {
	private app: number[] = [];
	private accounts = new Map<string, number[]>();

	constructor(private readonly knobs: MetaKnobs) {}

	record(nowMs: number, accountId?: string): void {
		this.app.push(nowMs);
		if (accountId) {
			const list = this.accounts.get(accountId) ?? [];
			list.push(nowMs);
			this.accounts.set(accountId, list);
		}
	}

	private pct(calls: number[], nowMs: number): number {
		while (calls.length > 0 && calls[0] <= nowMs - WINDOW_MS) calls.shift();
		return Math.min(100, Math.round((calls.length / Math.max(1, this.knobs.usageCallsPerMinute)) * 100));
	}

	headers(ctx: SimContext, account?: { id: string; businessId: string }, kind: 'ads_management' | 'ads_insights' = 'ads_management'): Record<string, string> {
		const now = ctx.now();
		const throttle = ctx.faults.throttle && now < ctx.faults.throttle.untilMs ? ctx.faults.throttle : null;
		const appPct = throttle ? 100 : this.pct(this.app, now);
		const accPct = throttle ? 100 : account ? this.pct(this.accounts.get(account.id) ?? [], now) : 0;
		const regain = throttle ? throttle.regainMinutes : 0;
		const headers: Record<string, string> = {
			'x-app-usage': JSON.stringify({ call_count: appPct, total_cputime: Math.round(appPct * 0.6), total_time: Math.round(appPct * 0.7) }),
		};
		if (account) {
			headers['x-ad-account-usage'] = JSON.stringify({
				acc_id_util_pct: accPct,
				reset_time_duration: throttle ? regain * 60 : 0,
				ads_api_access_tier: 'standard_access',
			});
			headers['x-fb-ads-insights-throttle'] = JSON.stringify({ app_id_util_pct: appPct, acc_id_util_pct: accPct, ads_api_access_tier: 'standard_access' });
		}
		// A throttled answer always says when access returns, as Meta's do, even when it
		// names no account (the fault path); clients decide how long to wait from it.
		if (account || throttle) {
			headers['x-business-use-case-usage'] = JSON.stringify({
				[account?.businessId ?? 'app']: [
					{ type: kind, call_count: accPct || appPct, total_cputime: Math.round((accPct || appPct) * 0.5), total_time: Math.round((accPct || appPct) * 0.6), estimated_time_to_regain_access: regain, ads_api_access_tier: 'standard_access' },
				],
			});
		}
		return headers;
	}

	reset(): void {
		this.app = [];
		this.accounts = new Map();
	}
}
