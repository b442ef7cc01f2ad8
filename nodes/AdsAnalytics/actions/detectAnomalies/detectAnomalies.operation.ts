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
import { dailySeries, dayNumber, groupByEntity } from '../../../shared/analysis';
import type { InputRow } from '../../../shared/n8n/decisionNode';
import { skipped, type AnalyticsOperation, type AnalyticsResult } from '../types';
import { buffersFor, scanMetric } from './compute';
import { description, OPERATION, readOptions, type AnomalyOptions } from './description';
import { anomalyItem, scanSkips, windowTooLong } from './output';

export { robustZ } from './compute';
export { description, METRIC_OPTIONS, optionsProblem, readOptions, type AnomalyOptions } from './description';

export function detectAnomalies(rows: readonly InputRow[], o: AnomalyOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	const buffers = buffersFor(o);
	for (const group of groupByEntity(rows)) {
		const series = dailySeries(group);
		if (typeof series === 'string') {
			out.push(skipped(OPERATION, group, series));
			continue;
		}
		const n = series.totals.length;
		if (n < o.windowDays + 1) {
			out.push(windowTooLong(group, n, o));
			continue;
		}
		// Item indexes per day, to pair each anomaly with the rows of its date.
		const itemsByDay: number[][] = Array.from({ length: n }, () => []);
		for (const r of group.rows) itemsByDay[dayNumber(r.row.date) - series.firstDay].push(r.itemIndex);
		for (const metric of o.metrics) {
			const scan = scanMetric(series, metric, o, buffers);
			// A gap-filled day has no rows of its own: pair with the entity's rows.
			for (const a of scan.anomalies) out.push(anomalyItem(group, series, metric, a, o, itemsByDay[a.t].length > 0 ? itemsByDay[a.t] : group.itemIndexes));
			for (const skip of scanSkips(group, metric, scan, o)) out.push(skip);
		}
	}
	return out;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return detectAnomalies(rows, readOptions(ctx));
	},
};
