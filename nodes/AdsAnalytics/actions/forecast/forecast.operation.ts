/**
 * Forecast: next-N-days totals per entity from the trailing trend (ordinary
 * least squares on the last W days, or a flat trailing mean), with 80 % and
 * 95 % prediction intervals for the N-day sum from the residual standard
 * error (Student t, since windows are short). Optional pacing against a
 * monthly budget: month-to-date spend + forecast for the rest of the month.
 * Counts cannot be negative, so point forecasts and lower bounds are clamped
 * at 0 (noted on the output when it happens).
 */
import { dailySeries, groupByEntity } from '../../../shared/analysis';
import type { InputRow } from '../../../shared/n8n/decisionNode';
import { skipped, type AnalyticsOperation, type AnalyticsResult } from '../types';
import { addToPacingTotal, checkPacingLevels, emptyPacingTotal, fitEntity, monthSpend } from './compute';
import { description, OPERATION, readOptions, type ForecastMetric, type ForecastOptions } from './description';
import { entityItem, pacingSummary } from './output';

export { description, optionsProblem, readOptions, type ForecastMetric, type ForecastOptions } from './description';

export function forecast(rows: readonly InputRow[], o: ForecastOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	const groups = groupByEntity(rows);
	checkPacingLevels(groups, o);
	const pacing = o.monthlyBudget > 0;
	const pacingMetrics = new Set<ForecastMetric>(o.metrics);
	if (pacing) pacingMetrics.add('spend');
	const total = emptyPacingTotal();
	for (const group of groups) {
		const series = dailySeries(group);
		if (typeof series === 'string') {
			out.push(skipped(OPERATION, group, series));
			continue;
		}
		const n = series.totals.length - (o.excludeLastDay ? 1 : 0);
		if (n < o.trailingDays) {
			out.push(skipped(OPERATION, group, `trailing window is longer than the data: needs ${o.trailingDays} days, the entity has ${n}`, { availableDays: n, trailingDays: o.trailingDays }));
			continue;
		}
		const fits = fitEntity(series, n, o, pacingMetrics);
		const month = pacing && fits.spendFit ? monthSpend(series, fits.lastDay, fits.spendFit, o.trailingDays) : null;
		if (month && o.pacingScope !== 'each') addToPacingTotal(total, month, fits.lastDay, group.itemIndexes);
		out.push(entityItem(group, series, o, fits, month));
	}
	if (pacing && o.pacingScope === 'total' && total.count > 0) out.push(pacingSummary(total, o));
	return out;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return forecast(rows, readOptions(ctx));
	},
};
