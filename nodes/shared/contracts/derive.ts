import type { BaseMetrics, DerivedMetrics } from './metricRow';

function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null;
}

/**
 * Derives ctr/cpc/cpm/cpa/roas from totals. Always use this on summed
 * totals: averaging daily ratios gives wrong answers over a window.
 */
export function deriveMetrics(totals: Pick<BaseMetrics, 'impressions' | 'clicks' | 'spend' | 'conversions' | 'value'>): DerivedMetrics {
	const cpm = ratio(totals.spend, totals.impressions);
	return {
		ctr: ratio(totals.clicks, totals.impressions),
		cpc: ratio(totals.spend, totals.clicks),
		cpm: cpm === null ? null : cpm * 1000,
		cpa: ratio(totals.spend, totals.conversions),
		roas: ratio(totals.value, totals.spend),
	};
}

/** Frequency from impressions and reach, `null` when reach is unknown or 0. */
export function deriveFrequency(impressions: number, reach: number | null): number | null {
	return reach === null ? null : ratio(impressions, reach);
}
