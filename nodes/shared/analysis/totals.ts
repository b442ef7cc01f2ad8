/**
 * Totals of metric rows and the metrics read from them. Ratios always come
 * from summed totals through the contract's one definition (`ratioMetric`),
 * never from averaging daily ratios.
 */
import { deriveFrequency, ratioMetric, type RatioMetric } from '../contracts/derive';
import type { MetricName } from '../contracts/metricRow';

/** Summed counts and money of one entity over some days. */
export interface Totals {
	impressions: number;
	clicks: number;
	spend: number;
	conversions: number;
	value: number;
}

/** Totals over a window, with reach and how many days had data. */
export interface WindowTotals extends Totals {
	/** Summed daily reach; null when no row in the window reported reach. */
	reach: number | null;
	/** Days with data in the window. */
	days: number;
}

export const zeroTotals = (): Totals => ({ impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 });

export function addTotals(into: Totals, row: Totals): void {
	into.impressions += row.impressions;
	into.clicks += row.clicks;
	into.spend += row.spend;
	into.conversions += row.conversions;
	into.value += row.value;
}

/** The metrics Ads Analytics models day by day. */
export type SeriesMetric = Exclude<MetricName, 'reach' | 'frequency'>;

/**
 * A metric (a MetricName) from totals: counts as summed, ratios from the same
 * totals, null on a 0 denominator or unknown reach. Any other name (an
 * entity attribute such as dailyBudget) is not in totals: null.
 */
export function metricFromTotals(metric: string, t: Totals & { reach?: number | null }): number | null {
	switch (metric) {
		case 'impressions':
		case 'clicks':
		case 'spend':
		case 'conversions':
		case 'value':
			return t[metric as keyof Totals];
		case 'reach':
			return t.reach ?? null;
		// Summed daily reach over-counts people reached on several days, so over
		// multi-day windows this frequency is a lower bound (see README).
		case 'frequency':
			return deriveFrequency(t.impressions, t.reach ?? null);
		case 'ctr':
		case 'cpc':
		case 'cpm':
		case 'cpa':
		case 'roas':
			return ratioMetric(metric as RatioMetric, t);
		default:
			return null;
	}
}

/** Rounds to `digits` decimals (for output only, never before computing). */
export function roundTo(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** `roundTo` for output fields: null stays null, and so does a non-finite value. */
export function round(value: number | null, digits = 6): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	return roundTo(value, digits);
}
