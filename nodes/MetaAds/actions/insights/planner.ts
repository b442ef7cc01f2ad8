/**
 * Pure decisions about how to run an insights query: sync or async, the
 * Graph parameters, and how to split a job that keeps failing.
 */
import { halveRange, presetDays, rangeDays } from './dates';
import type { InsightsLevel, InsightsMode, InsightsQuery } from './types';

/** Daily ranges longer than this go async in Auto mode. */
export const SYNC_MAX_DAILY_DAYS = 31;

const DEPTH: Record<InsightsLevel, number> = { account: 0, campaign: 1, adset: 2, ad: 3 };
const CHILD: Record<InsightsLevel, InsightsLevel | undefined> = { account: 'campaign', campaign: 'adset', adset: 'ad', ad: undefined };

export function queryDays(query: InsightsQuery): number {
	return query.timeRange ? rangeDays(query.timeRange) : presetDays(query.datePreset ?? 'last_30d');
}

/**
 * Auto runs async when Meta is likely to time out a sync call: ad level,
 * any breakdown, or a long daily range. Sync timeouts still fall back to
 * async at run time.
 */
export function chooseMode(query: InsightsQuery, mode: InsightsMode): 'sync' | 'async' {
	if (mode !== 'auto') return mode;
	if (query.level === 'ad' || query.breakdowns.length > 0) return 'async';
	if (query.timeIncrement === 'daily' && queryDays(query) > SYNC_MAX_DAILY_DAYS) return 'async';
	return 'sync';
}

/**
 * Every effective status an object of a level can have. Graph leaves DELETED
 * and ARCHIVED objects out of insights unless the query filters on the level's
 * effective_status, so naming them all is how their spend is included.
 */
export const EFFECTIVE_STATUSES_BY_LEVEL: Record<Exclude<InsightsLevel, 'account'>, string[]> = {
	campaign: ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED', 'IN_PROCESS', 'WITH_ISSUES'],
	adset: ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED', 'IN_PROCESS', 'WITH_ISSUES', 'CAMPAIGN_PAUSED'],
	ad: [
		'ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED', 'IN_PROCESS', 'WITH_ISSUES', 'PENDING_REVIEW', 'DISAPPROVED',
		'PREAPPROVED', 'PENDING_BILLING_INFO', 'CAMPAIGN_PAUSED', 'ADSET_PAUSED',
	],
};

/** Graph query parameters for `/{object}/insights` (sync GET or async POST alike). */
export function insightsParams(query: InsightsQuery): Record<string, string> {
	const params: Record<string, string> = {
		level: query.level,
		fields: query.fields.join(','),
		time_increment: query.timeIncrement === 'daily' ? '1' : 'all_days',
	};
	if (query.timeRange) params.time_range = JSON.stringify({ since: query.timeRange.since, until: query.timeRange.until });
	else if (query.datePreset) params.date_preset = query.datePreset;
	if (query.breakdowns.length > 0) params.breakdowns = query.breakdowns.join(',');
	if (query.attributionWindows.length > 0) params.action_attribution_windows = JSON.stringify(query.attributionWindows);
	if (query.actionReportTime) params.action_report_time = query.actionReportTime;
	// Account rows already count everything; below it, deleted and archived objects are rows of their own.
	if (query.includeDeletedArchived && query.level !== 'account') {
		const field = `${query.level}.effective_status`;
		params.filtering = JSON.stringify([{ field, operator: 'IN', value: EFFECTIVE_STATUSES_BY_LEVEL[query.level] }]);
	}
	return params;
}

/**
 * Halves a daily query's explicit range. Whole-range (all_days) rows cannot
 * be rebuilt from halves (reach is not additive) and a preset has no known
 * days, so those are not split by time.
 */
export function splitByTime(query: InsightsQuery): [InsightsQuery, InsightsQuery] | undefined {
	if (query.timeIncrement !== 'daily' || !query.timeRange) return undefined;
	const halves = halveRange(query.timeRange);
	if (!halves) return undefined;
	return [
		{ ...query, timeRange: halves[0] },
		{ ...query, timeRange: halves[1] },
	];
}

/**
 * The object type one step below the query's object, when rows at the
 * query's level can be fetched per child and simply unioned (the child must
 * not be finer than the level: account-level rows cannot be rebuilt from
 * campaigns).
 */
export function childType(query: InsightsQuery): InsightsLevel | undefined {
	const child = CHILD[query.objectType];
	return child !== undefined && DEPTH[child] <= DEPTH[query.level] ? child : undefined;
}

/** The same query once per child object. */
export function splitByChildren(query: InsightsQuery, childIds: readonly string[]): InsightsQuery[] {
	const child = childType(query);
	if (!child) return [];
	return childIds.map((id) => ({ ...query, objectId: id, objectType: child }));
}
