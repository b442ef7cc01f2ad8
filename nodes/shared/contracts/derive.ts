import type { BaseMetrics, DerivedMetrics } from './metricRow';

/** The counts every ratio is computed from. */
export type RatioInputs = Pick<BaseMetrics, 'impressions' | 'clicks' | 'spend' | 'conversions' | 'value'>;

export type RatioMetric = keyof DerivedMetrics;

function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null;
}

/**
 * The one definition of each derived metric, from totals; null on a 0
 * denominator. A switch rather than an object so hot loops (a metric per
 * entity, day and window) allocate nothing.
 */
export function ratioMetric(metric: RatioMetric, totals: RatioInputs): number | null {
	switch (metric) {
		case 'ctr':
			return ratio(totals.clicks, totals.impressions);
		case 'cpc':
			return ratio(totals.spend, totals.clicks);
		case 'cpm': {
			const perImpression = ratio(totals.spend, totals.impressions);
			return perImpression === null ? null : perImpression * 1000;
		}
		case 'cpa':
			return ratio(totals.spend, totals.conversions);
		case 'roas':
			return ratio(totals.value, totals.spend);
	}
}

/**
 * Derives ctr/cpc/cpm/cpa/roas from totals. Always use this on summed
 * totals: averaging daily ratios gives wrong answers over a window.
 */
export function deriveMetrics(totals: RatioInputs): DerivedMetrics {
	return {
		ctr: ratioMetric('ctr', totals),
		cpc: ratioMetric('cpc', totals),
		cpm: ratioMetric('cpm', totals),
		cpa: ratioMetric('cpa', totals),
		roas: ratioMetric('roas', totals),
	};
}

/** Conversions per click: not a metric-row field; Ads Analytics ranks and compares by it. */
export function conversionRate(totals: Pick<RatioInputs, 'conversions' | 'clicks'>): number | null {
	return ratio(totals.conversions, totals.clicks);
}

/** Frequency from impressions and reach, `null` when reach is unknown or 0. */
export function deriveFrequency(impressions: number, reach: number | null): number | null {
	return reach === null ? null : ratio(impressions, reach);
}
