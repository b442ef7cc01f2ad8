/**
 * Detect Anomalies: per entity and metric, a robust z-score of each
 * evaluated day against the trailing window (median and MAD), plus a
 * same-weekday seasonal baseline (median of the same weekday over the last
 * 4 weeks) reported beside it.
 *
 *   modified z = 0.6745 (x − median) / MAD              (Iglewicz & Hoaglin)
 *   MAD = 0 → z = (x − median) / (1.2533 · meanAbsDev)  (1.2533 = √(π/2))
 *   both 0  → the window is constant: no anomaly when x equals it,
 *             otherwise an anomaly with zScore null and method
 *             'constantBaseline' (severity warning: any change from a flat
 *             line is news, but its size cannot be scored)
 *
 * Ratio metrics are derived per day from that day's totals; a day whose
 * denominator is 0 has no value and is left out of windows and not scored.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { dailySeries, dateOf, dayNumber, groupByEntity, metricFromTotals, round, weekdayOf, type SeriesMetric } from '../../../shared/analysis';
import { type InputRow } from '../../../shared/n8n/decisionNode';
import { medianOfPrefix, sortPrefix } from '../../stats/robust';
import { entityFields, showFor, skipped, type AnalyticsOperation, type AnalyticsResult } from '../types';

const OPERATION = 'detectAnomalies';

export interface AnomalyOptions {
	metrics: SeriesMetric[];
	/** Trailing days before the evaluated day that form the baseline. */
	windowDays: number;
	/** How many of the most recent days to evaluate (1 = only the last day). */
	evaluateDays: number;
	/** |z| at or above this is an anomaly (warning). */
	threshold: number;
	/** |z| at or above this is critical. */
	criticalThreshold: number;
	/** Fewest valued days in the window to score a day at all. */
	minPoints: number;
	/** Keep an anomaly only if it also deviates from the same-weekday baseline in the same direction. */
	requireSeasonalAgreement: boolean;
}

export const METRIC_OPTIONS: Array<{ name: string; value: SeriesMetric }> = [
	{ name: 'Clicks', value: 'clicks' },
	{ name: 'Conversion Value', value: 'value' },
	{ name: 'Conversions', value: 'conversions' },
	{ name: 'CPA', value: 'cpa' },
	{ name: 'CPC', value: 'cpc' },
	{ name: 'CPM', value: 'cpm' },
	{ name: 'CTR', value: 'ctr' },
	{ name: 'Impressions', value: 'impressions' },
	{ name: 'ROAS', value: 'roas' },
	{ name: 'Spend', value: 'spend' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		options: METRIC_OPTIONS,
		default: ['spend', 'conversions', 'cpa', 'ctr'],
		description: 'Metrics to watch. Ratios are computed per day from that day\'s totals.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Window (Days)',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 3 },
		default: 28,
		description: 'Trailing days before each evaluated day that form the baseline. Entities with less history are skipped with a reason.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Evaluate Last N Days',
		name: 'evaluateDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many of the most recent days to check (1 = only the latest day)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Threshold (|Modified Z|)',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 3.5,
		description: 'A day is an anomaly (warning) when its modified z-score reaches this size; 3.5 is the Iglewicz–Hoaglin recommendation',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Critical Threshold',
		name: 'criticalThreshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 5,
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Options',
		name: 'anomalyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(OPERATION),
		options: [
			{
				displayName: 'Minimum Points in Window',
				name: 'minPoints',
				type: 'number',
				typeOptions: { minValue: 3 },
				default: 7,
				description: 'Fewest days with a value (ratio days with a zero denominator have none) needed to score a day',
			},
			{
				displayName: 'Require Seasonal Agreement',
				name: 'requireSeasonalAgreement',
				type: 'boolean',
				default: false,
				description: 'Whether to report an anomaly only when the value is also above (spike) or below (drop) the median of the same weekday over the last 4 weeks',
			},
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): AnomalyOptions {
	const extra = ctx.getNodeParameter('anomalyOptions', 0, {}) as IDataObject;
	const o: AnomalyOptions = {
		metrics: ctx.getNodeParameter('metrics', 0) as SeriesMetric[],
		windowDays: ctx.getNodeParameter('windowDays', 0) as number,
		evaluateDays: ctx.getNodeParameter('evaluateDays', 0) as number,
		threshold: ctx.getNodeParameter('threshold', 0) as number,
		criticalThreshold: ctx.getNodeParameter('criticalThreshold', 0) as number,
		minPoints: (extra.minPoints as number | undefined) ?? 7,
		requireSeasonalAgreement: extra.requireSeasonalAgreement === true,
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: AnomalyOptions): string | null {
	if (!Array.isArray(o.metrics) || o.metrics.length === 0) return 'Metrics: choose at least one metric';
	for (const m of o.metrics) if (!METRIC_OPTIONS.some((opt) => opt.value === m)) return `Metrics: unknown metric "${m}"`;
	if (!Number.isInteger(o.windowDays) || o.windowDays < 3) return `Window (Days) must be an integer ≥ 3, got ${o.windowDays}`;
	if (!Number.isInteger(o.evaluateDays) || o.evaluateDays < 1) return `Evaluate Last N Days must be an integer ≥ 1, got ${o.evaluateDays}`;
	if (!(o.threshold > 0)) return `Threshold must be greater than 0, got ${o.threshold}`;
	if (!(o.criticalThreshold >= o.threshold)) return `Critical Threshold (${o.criticalThreshold}) must be at least the Threshold (${o.threshold})`;
	if (!Number.isInteger(o.minPoints) || o.minPoints < 3) return `Minimum Points in Window must be an integer ≥ 3, got ${o.minPoints}`;
	if (o.minPoints > o.windowDays) return `Minimum Points in Window (${o.minPoints}) cannot exceed Window (Days) (${o.windowDays})`;
	return null;
}

const SEASONAL_WEEKS = 4;

export function detectAnomalies(rows: readonly InputRow[], o: AnomalyOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	// Scratch buffers reused for every window: no allocation per evaluated day.
	const window = new Float64Array(o.windowDays);
	const scratch = new Float64Array(o.windowDays);
	const seasonal = new Float64Array(SEASONAL_WEEKS);
	for (const group of groupByEntity(rows)) {
		const series = dailySeries(group);
		if (typeof series === 'string') {
			out.push(skipped(OPERATION, group, series));
			continue;
		}
		const n = series.totals.length;
		if (n < o.windowDays + 1) {
			out.push(
				skipped(OPERATION, group, `window is longer than the data: needs ${o.windowDays} days before the evaluated day, the entity has ${n} day(s) in total`, {
					availableDays: n,
					windowDays: o.windowDays,
				}),
			);
			continue;
		}
		// Item indexes per day, to pair each anomaly with the rows of its date.
		const itemsByDay: number[][] = Array.from({ length: n }, () => []);
		for (const r of group.rows) {
			const d = dayNumber(r.row.date) - series.firstDay;
			itemsByDay[d].push(r.itemIndex);
		}
		const firstEval = Math.max(o.windowDays, n - o.evaluateDays);
		for (const metric of o.metrics) {
			// Only the days a window or a same-weekday baseline can reach.
			const values = new Float64Array(n).fill(NaN);
			const firstNeeded = Math.max(0, firstEval - Math.max(o.windowDays, 7 * SEASONAL_WEEKS));
			for (let d = firstNeeded; d < n; d++) values[d] = metricFromTotals(metric, series.totals[d]) ?? NaN;
			let thinDays = 0;
			let noValueDays = 0;
			for (let t = firstEval; t < n; t++) {
				const x = values[t];
				if (Number.isNaN(x)) {
					noValueDays++; // a ratio with a 0 denominator that day (e.g. CPA without conversions)
					continue;
				}
				let count = 0;
				for (let d = t - o.windowDays; d < t; d++) if (!Number.isNaN(values[d])) window[count++] = values[d];
				if (count < o.minPoints) {
					thinDays++;
					continue;
				}
				sortPrefix(window, count);
				const med = medianOfPrefix(window, count);
				const scored = robustZ(x, window, count, med, scratch);
				if (scored.z !== null && Math.abs(scored.z) < o.threshold) continue;
				if (scored.z === null && x === med) continue;

				let sCount = 0;
				for (let w = 1; w <= SEASONAL_WEEKS; w++) {
					const d = t - 7 * w;
					if (d >= 0 && !Number.isNaN(values[d])) seasonal[sCount++] = values[d];
				}
				sortPrefix(seasonal, sCount);
				const seasonalMedian = sCount > 0 ? medianOfPrefix(seasonal, sCount) : null;
				const direction = x > med ? 'spike' : 'drop';
				if (o.requireSeasonalAgreement && seasonalMedian !== null && (direction === 'spike' ? x <= seasonalMedian : x >= seasonalMedian)) continue;

				const absZ = scored.z === null ? null : Math.abs(scored.z);
				const severity = absZ !== null && absZ >= o.criticalThreshold ? 'critical' : 'warning';
				const pctTrailing = med !== 0 ? (x - med) / Math.abs(med) : null;
				const pctSeasonal = seasonalMedian !== null && seasonalMedian !== 0 ? (x - seasonalMedian) / Math.abs(seasonalMedian) : null;
				const date = dateOf(series.firstDay + t);
				out.push({
					json: {
						operation: OPERATION,
						...entityFields(group),
						metric,
						date,
						weekday: weekdayOf(series.firstDay + t),
						value: round(x),
						direction,
						severity,
						zScore: round(scored.z, 3),
						threshold: o.threshold,
						method: scored.method,
						pctVsTrailing: round(pctTrailing, 4),
						pctVsSeasonal: round(pctSeasonal, 4),
						baseline: {
							trailing: { median: round(med), mad: round(scored.mad), days: o.windowDays, points: count },
							seasonal: { median: round(seasonalMedian), weeks: sCount },
						},
						message: `${metric} ${direction} on ${date}: ${round(x, 4)} vs trailing median ${round(med, 4)}${
							scored.z === null ? ' (flat baseline)' : ` (z ${round(scored.z, 2)})`
						}${seasonalMedian !== null ? `, same-weekday median ${round(seasonalMedian, 4)}` : ''}`,
					},
					// A gap-filled day has no rows of its own: pair with the entity's rows.
					items: itemsByDay[t].length > 0 ? itemsByDay[t] : group.itemIndexes,
				});
			}
			if (noValueDays > 0) {
				out.push(
					skipped(OPERATION, group, `${metric}: no value on ${noValueDays} evaluated day(s) because its denominator was 0 (e.g. CPA without conversions, CTR without impressions)`, {
						metric,
					}),
				);
			}
			if (thinDays > 0) {
				out.push(
					skipped(OPERATION, group, `${metric}: fewer than ${o.minPoints} days with a value in the ${o.windowDays}-day window on ${thinDays} evaluated day(s)`, {
						metric,
					}),
				);
			}
		}
	}
	return out;
}

/**
 * Modified z-score of x against window[0..n) (median `med`), with the
 * documented fallbacks; z is null when the window is constant. `scratch`
 * (length ≥ n) holds the absolute deviations.
 */
export function robustZ(x: number, window: Float64Array, n: number, med: number, scratch: Float64Array): { z: number | null; mad: number; method: string } {
	let sumAbs = 0;
	for (let i = 0; i < n; i++) {
		const d = Math.abs(window[i] - med);
		scratch[i] = d;
		sumAbs += d;
	}
	sortPrefix(scratch, n);
	const mad = medianOfPrefix(scratch, n);
	if (mad > 0) return { z: (0.6745 * (x - med)) / mad, mad, method: 'mad' };
	const meanAd = sumAbs / n;
	if (meanAd > 0) return { z: (x - med) / (1.2533 * meanAd), mad, method: 'meanAbsoluteDeviation' };
	return { z: x === med ? 0 : null, mad, method: 'constantBaseline' };
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return detectAnomalies(rows, readOptions(ctx));
	},
};
