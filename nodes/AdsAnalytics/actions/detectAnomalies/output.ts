/** Detect Anomalies' output: one item per anomalous day (paired with that day's rows) and named skips. */
import { dateOf, round, weekdayOf, type DailySeries, type EntityGroup, type SeriesMetric } from '../../../shared/analysis';
import { entityFields, skipped, type AnalyticsResult } from '../types';
import type { Anomaly, MetricScan } from './compute';
import { OPERATION, type AnomalyOptions } from './description';

export function anomalyItem(group: EntityGroup, series: DailySeries, metric: SeriesMetric, a: Anomaly, o: AnomalyOptions, items: number[]): AnalyticsResult {
	const { x, med, z } = a;
	const absZ = z === null ? null : Math.abs(z);
	const severity = absZ !== null && absZ >= o.criticalThreshold ? 'critical' : 'warning';
	const pctTrailing = med !== 0 ? (x - med) / Math.abs(med) : null;
	const pctSeasonal = a.seasonalMedian !== null && a.seasonalMedian !== 0 ? (x - a.seasonalMedian) / Math.abs(a.seasonalMedian) : null;
	const date = dateOf(series.firstDay + a.t);
	return {
		json: {
			operation: OPERATION,
			...entityFields(group),
			metric,
			date,
			weekday: weekdayOf(series.firstDay + a.t),
			value: round(x),
			direction: a.direction,
			severity,
			zScore: round(z, 3),
			threshold: o.threshold,
			method: a.method,
			pctVsTrailing: round(pctTrailing, 4),
			pctVsSeasonal: round(pctSeasonal, 4),
			baseline: {
				trailing: { median: round(med), mad: round(a.mad), days: o.windowDays, points: a.points },
				seasonal: { median: round(a.seasonalMedian), weeks: a.seasonalWeeks },
			},
			message: `${metric} ${a.direction} on ${date}: ${round(x, 4)} vs trailing median ${round(med, 4)}${
				z === null ? ' (flat baseline)' : ` (z ${round(z, 2)})`
			}${a.seasonalMedian !== null ? `, same-weekday median ${round(a.seasonalMedian, 4)}` : ''}`,
		},
		items,
	};
}

/** The days a metric could not be judged on, as named skips. */
export function scanSkips(group: EntityGroup, metric: SeriesMetric, scan: MetricScan, o: AnomalyOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	if (scan.noValueDays > 0) {
		out.push(
			skipped(OPERATION, group, `${metric}: no value on ${scan.noValueDays} evaluated day(s) because its denominator was 0 (e.g. CPA without conversions, CTR without impressions)`, {
				metric,
			}),
		);
	}
	if (scan.thinDays > 0) {
		out.push(
			skipped(OPERATION, group, `${metric}: fewer than ${o.minPoints} days with a value in the ${o.windowDays}-day window on ${scan.thinDays} evaluated day(s)`, {
				metric,
			}),
		);
	}
	return out;
}

export function windowTooLong(group: EntityGroup, days: number, o: AnomalyOptions): AnalyticsResult {
	return skipped(OPERATION, group, `window is longer than the data: needs ${o.windowDays} days before the evaluated day, the entity has ${days} day(s) in total`, {
		availableDays: days,
		windowDays: o.windowDays,
	});
}
