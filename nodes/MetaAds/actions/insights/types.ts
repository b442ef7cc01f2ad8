/** Shapes shared by the Insights logic. Wire names follow the Graph API. */

/** Graph's `level` values (note `adset`, not `adSet`). */
export type InsightsLevel = 'account' | 'campaign' | 'adset' | 'ad';

export const INSIGHTS_LEVELS: readonly InsightsLevel[] = ['account', 'campaign', 'adset', 'ad'];

/** One entry of `actions` / `action_values`: `value` plus one key per requested attribution window. */
export interface MetaActionStat {
	action_type: string;
	value?: string;
	[window: string]: string | undefined;
}

/** An insights row as Graph returns it: numbers arrive as strings. */
export interface MetaInsightRow {
	account_id?: string;
	account_name?: string;
	account_currency?: string;
	campaign_id?: string;
	campaign_name?: string;
	adset_id?: string;
	adset_name?: string;
	ad_id?: string;
	ad_name?: string;
	date_start: string;
	date_stop: string;
	impressions?: string;
	clicks?: string;
	spend?: string;
	reach?: string;
	frequency?: string;
	actions?: MetaActionStat[];
	action_values?: MetaActionStat[];
	[field: string]: unknown;
}

export interface DateRange {
	/** `YYYY-MM-DD`, inclusive. */
	since: string;
	/** `YYYY-MM-DD`, inclusive. */
	until: string;
}

/** `daily` = time_increment 1; `all_days` = one row per entity for the whole period. */
export type TimeIncrement = 'daily' | 'all_days';

/** Everything one insights request (sync call or async job) needs. */
export interface InsightsQuery {
	/** `act_123` or a campaign / ad set / ad id. */
	objectId: string;
	/** What `objectId` is; decides how a failing job can be split by children. */
	objectType: InsightsLevel;
	level: InsightsLevel;
	fields: string[];
	/** Exactly one of timeRange / datePreset. */
	timeRange?: DateRange;
	datePreset?: string;
	timeIncrement: TimeIncrement;
	breakdowns: string[];
	attributionWindows: string[];
	actionReportTime?: string;
	/** Also report DELETED and ARCHIVED objects of the query's level, which Graph leaves out unless asked. */
	includeDeletedArchived?: boolean;
}

export type InsightsMode = 'auto' | 'sync' | 'async';
