/**
 * The normalized metric row: what every metric source in AdPilot emits
 * (Meta Insights, Google Ads reports, a sheet, a database) and what every
 * decision node reads.
 *
 * Units:
 * - Every money field (`spend`, `value`, `cpc`, `cpm`, `cpa`, budgets) is in
 *   MAJOR units of `currency` (12.34 means 12.34 EUR). Platform units
 *   (Meta minor units, Google micros) never leave the platform transports.
 * - `ctr` is a ratio (0.015 = 1.5 %), never a percentage.
 * - `roas` is a ratio of conversion value to spend (3 = 300 %).
 * - Derived ratios are computed from the row's own totals and are `null`
 *   when their denominator is 0, so "no data" is never confused with 0.
 */

export const METRIC_ROW_SCHEMA = 'adpilot.metricRow/v1' as const;

export type AdPlatform = 'meta' | 'google' | 'other';

/** `adSet` is a Meta ad set or a Google ad group. */
export type EntityLevel = 'account' | 'campaign' | 'adSet' | 'ad' | 'keyword';

export const ENTITY_LEVELS: readonly EntityLevel[] = ['account', 'campaign', 'adSet', 'ad', 'keyword'];

/** Counted facts as the platform reported them. */
export interface BaseMetrics {
	impressions: number;
	clicks: number;
	/** Money spent, major units of `currency`. */
	spend: number;
	/** Conversions from the configured conversion action types (may be fractional on Google). */
	conversions: number;
	/** Conversion value, major units of `currency`. */
	value: number;
	/** Unique people reached; `null` where the platform does not report it (most Google levels). */
	reach: number | null;
	/** Average impressions per person; `null` when reach is unknown. */
	frequency: number | null;
}

/** Ratios derived from BaseMetrics totals; `null` when the denominator is 0. */
export interface DerivedMetrics {
	/** clicks / impressions, ratio. */
	ctr: number | null;
	/** spend / clicks, major units. */
	cpc: number | null;
	/** spend / impressions × 1000, major units. */
	cpm: number | null;
	/** spend / conversions, major units. */
	cpa: number | null;
	/** value / spend, ratio. */
	roas: number | null;
}

export interface MetricRow extends BaseMetrics, DerivedMetrics {
	schema: typeof METRIC_ROW_SCHEMA;
	platform: AdPlatform;
	level: EntityLevel;
	/** Id of the entity at `level` (the row's key together with `date`). */
	entityId: string;
	entityName: string | null;
	/** Meta: numeric id without `act_`; Google: customer id without dashes. */
	accountId: string;
	accountName: string | null;
	campaignId: string | null;
	campaignName: string | null;
	/** Meta ad set / Google ad group. */
	adSetId: string | null;
	adSetName: string | null;
	adId: string | null;
	adName: string | null;
	keywordId: string | null;
	keywordText: string | null;
	/** First day of the period, `YYYY-MM-DD` in the account's time zone. */
	date: string;
	/** Last day of the period (inclusive); equals `date` for daily rows. */
	dateStop: string;
	/** ISO 4217 code of the account currency. */
	currency: string;
	/** Breakdown values (age, gender, device, ...) when the source was broken down. */
	breakdowns?: Record<string, string>;
	/** Entity attributes some rules use, when the source provides them. */
	attributes?: EntityAttributes;
	/** The platform's raw values, only when the user asked to keep them. */
	raw?: Record<string, unknown>;
}

export interface EntityAttributes {
	status?: string | null;
	/** ISO timestamp the entity was created. */
	createdTime?: string | null;
	/** Daily budget, major units of `currency`. */
	dailyBudget?: number | null;
	/** Lifetime budget, major units of `currency`. */
	lifetimeBudget?: number | null;
}

/** Metric names a rule or analysis may refer to. */
export const BASE_METRIC_NAMES = ['impressions', 'clicks', 'spend', 'conversions', 'value', 'reach', 'frequency'] as const;
export const DERIVED_METRIC_NAMES = ['ctr', 'cpc', 'cpm', 'cpa', 'roas'] as const;
export type MetricName = (typeof BASE_METRIC_NAMES)[number] | (typeof DERIVED_METRIC_NAMES)[number];
export const METRIC_NAMES: readonly MetricName[] = [...BASE_METRIC_NAMES, ...DERIVED_METRIC_NAMES];
