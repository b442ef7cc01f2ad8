/**
 * The planner: every action judged alone, then the run-wide limits, then the
 * totals and the digest. Pure: same inputs, same plan.
 */
import { entityKey } from '../../shared/platforms/platform';
import { planDigest, planTargets, type PlanTarget } from './digest';
import { judgeEntry } from './entry';
import { applyAccountIncreaseCap, applyDuplicates, applyMaxActions } from './runLimits';
import type { PlanContext, PlanEntry, PlanInput } from './types';

export interface AccountTotals {
	platform: string;
	accountId: string;
	currency: string | null;
	changes: number;
	/** Sum of daily budget increases (major units). */
	dailyIncrease: number;
	/** Sum of daily budget decreases, as a positive number. */
	dailyDecrease: number;
	/** Sum of |Δ| over every budget and bid change. */
	moneyMoved: number;
}

export interface Plan {
	entries: PlanEntry[];
	targets: PlanTarget[];
	digest: string;
	totals: { actions: number; apply: number; clamp: number; reject: number; noop: number; accounts: AccountTotals[] };
}

export function inputKey(input: PlanInput): string {
	return entityKey(input.action.platform, { accountId: input.action.accountId, level: input.action.level, entityId: input.action.entityId });
}

const round = (n: number) => Math.round(n * 1_000_000) / 1_000_000;

function accountTotals(entries: PlanEntry[]): AccountTotals[] {
	const byAccount = new Map<string, AccountTotals>();
	for (const e of entries) {
		if (e.decision !== 'apply' && e.decision !== 'clamp') continue;
		const key = `${e.action.platform}:${e.action.accountId}`;
		const totals = byAccount.get(key) ?? { platform: e.action.platform, accountId: e.action.accountId, currency: e.currency, changes: 0, dailyIncrease: 0, dailyDecrease: 0, moneyMoved: 0 };
		totals.changes++;
		if (typeof e.before === 'number' && typeof e.after === 'number') {
			const delta = e.after - e.before;
			totals.moneyMoved = round(totals.moneyMoved + Math.abs(delta));
			if (e.property === 'budget.daily') {
				if (delta > 0) totals.dailyIncrease = round(totals.dailyIncrease + delta);
				else totals.dailyDecrease = round(totals.dailyDecrease - delta);
			}
		}
		byAccount.set(key, totals);
	}
	return [...byAccount.values()].sort((a, b) => (`${a.platform}:${a.accountId}` < `${b.platform}:${b.accountId}` ? -1 : 1));
}

/** Judges every action; `preJudged` are entries decided elsewhere (bad input, missing credentials, creates). */
export function buildPlan(inputs: PlanInput[], ctx: PlanContext, preJudged: PlanEntry[] = []): Plan {
	const judged = inputs.map((input) => {
		const key = inputKey(input);
		return judgeEntry(input, key, ctx.states.get(key), ctx);
	});
	const all = [...judged, ...preJudged].sort((a, b) => a.itemIndex - b.itemIndex);
	const entries = applyAccountIncreaseCap(applyMaxActions(applyDuplicates(all), ctx.settings), ctx.settings);
	const targets = planTargets(entries);
	return { entries, targets, digest: planDigest(targets), totals: planTotals(entries) };
}

/** Decisions and money per account; also recounted after the platforms' validation turns entries into rejects. */
export function planTotals(entries: PlanEntry[]): Plan['totals'] {
	const count = (d: PlanEntry['decision']) => entries.filter((e) => e.decision === d).length;
	return { actions: entries.length, apply: count('apply'), clamp: count('clamp'), reject: count('reject'), noop: count('noop'), accounts: accountTotals(entries) };
}
