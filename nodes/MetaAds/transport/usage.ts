import type { UsageInfo } from './types';

// Meta reports usage in these headers; each value is a JSON string.
const USAGE_HEADERS = ['x-app-usage', 'x-ad-account-usage', 'x-business-use-case-usage', 'x-fb-ads-insights-throttle'];

const PCT_KEYS = ['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct', 'app_id_util_pct'];

/** Usage above this slows us down; from here to 100% the pause grows linearly. */
export const SLOWDOWN_FROM_PCT = 75;
const MAX_SLOWDOWN_MS = 60_000;

/** Header lookup that ignores case and accepts arrays (Node joins duplicates differently per client). */
export function getHeader(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.map(String).join(',');
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}

function parseJson(raw: string | undefined): unknown {
	if (!raw) return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return undefined; // a malformed usage header must never fail a request
	}
}

function num(value: unknown): number {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function scan(entry: unknown, info: UsageInfo): void {
	if (typeof entry !== 'object' || entry === null) return;
	const record = entry as Record<string, unknown>;
	for (const key of PCT_KEYS) info.maxUsagePct = Math.max(info.maxUsagePct, num(record[key]));
	// Business use case: minutes; ad account: seconds until the window resets.
	info.regainSeconds = Math.max(info.regainSeconds, num(record.estimated_time_to_regain_access) * 60);
	if (num(record.acc_id_util_pct) >= 100) {
		info.regainSeconds = Math.max(info.regainSeconds, num(record.reset_time_duration));
	}
}

/** Reads every usage header of one response into the worst percentage and the longest regain time. */
export function parseUsageHeaders(headers: Record<string, unknown> | undefined): UsageInfo {
	const info: UsageInfo = { maxUsagePct: 0, regainSeconds: 0 };
	for (const name of USAGE_HEADERS) {
		const parsed = parseJson(getHeader(headers, name));
		if (name === 'x-business-use-case-usage' && parsed && typeof parsed === 'object') {
			for (const perBusiness of Object.values(parsed as Record<string, unknown>)) {
				for (const entry of Array.isArray(perBusiness) ? perBusiness : [perBusiness]) scan(entry, info);
			}
		} else {
			scan(parsed, info);
		}
	}
	return info;
}

/**
 * How long to pause after a successful response, decided from that response
 * alone (no shared state, so several n8n workers behave the same). Nothing
 * below 75%; up to a minute as usage nears 100%; at 100% the announced
 * regain time. Never more than `maxWaitMs`: a success is not worth failing.
 */
export function slowdownMs(usage: UsageInfo, maxWaitMs: number): number {
	if (usage.maxUsagePct < SLOWDOWN_FROM_PCT) return 0;
	const share = Math.min(1, (usage.maxUsagePct - SLOWDOWN_FROM_PCT) / (100 - SLOWDOWN_FROM_PCT));
	let wait = Math.round(share * MAX_SLOWDOWN_MS);
	if (usage.maxUsagePct >= 100) wait = Math.max(wait, usage.regainSeconds * 1000);
	return Math.min(wait, maxWaitMs);
}
