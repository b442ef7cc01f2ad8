/** Forecast's output: one item per entity (forecasts, notes, its own pacing) and, when pacing all together, a summary. */
import type { IDataObject } from 'n8n-workflow';

import { dateOf, round, type DailySeries, type EntityGroup } from '../../../shared/analysis';
import { studentTQuantile } from '../../stats/studentT';
import { entityFields, type AnalyticsResult } from '../types';
import { daysInMonth, pace, type EntityFits, type MonthSpend, type Pace, type PacingTotal, type SumForecast } from './compute';
import { OPERATION, type ForecastOptions } from './description';

function interval(f: SumForecast, level: number): { lower: number; upper: number } {
	const t = studentTQuantile(0.5 + level / 2, f.df);
	return { lower: round(Math.max(0, f.mean - t * f.stdError), 4) as number, upper: round(Math.max(0, f.mean + t * f.stdError), 4) as number };
}

function paceFields(p: Pace): IDataObject {
	return {
		monthlyBudget: p.budget,
		monthToDateSpend: round(p.spentSoFar, 2),
		remainingDays: p.remainingDays,
		projectedMonthEndSpend: round(p.total.mean, 2),
		interval80: interval(p.total, 0.8),
		interval95: interval(p.total, 0.95),
		pacePercent: round(p.ratio * 100, 1),
		status: p.status,
		probabilityOverBudget: round(p.pOver, 4),
		dailySpendToHitBudget: p.remainingDays > 0 ? round(Math.max(0, p.budget - p.spentSoFar) / p.remainingDays, 2) : null,
	};
}

/** Each metric's N-day total with intervals, trend and the daily path; notes where the trend had to be clamped at 0. */
function forecastFields(fits: EntityFits, notes: string[]): IDataObject {
	const forecasts: IDataObject = {};
	for (const { metric, fit, sum } of fits.metrics) {
		if (sum.mean < 0) notes.push(`${metric}: the trend points below 0; forecast clamped at 0`);
		forecasts[metric] = {
			total: round(Math.max(0, sum.mean), 4),
			interval80: interval(sum, 0.8),
			interval95: interval(sum, 0.95),
			trendPerDay: round(fit.slope, 6),
			residualStdError: round(fit.residualStdError, 6),
			daily: fits.futureXs.map((x, i) => ({ date: dateOf(fits.lastDay + 1 + i), value: round(Math.max(0, fit.intercept + fit.slope * x), 4) })),
		};
	}
	return forecasts;
}

/** The entity's item; `month` when pacing applies (its own pacing only with scope "each"). */
export function entityItem(group: EntityGroup, series: DailySeries, o: ForecastOptions, fits: EntityFits, month: MonthSpend | null): AnalyticsResult {
	const notes: string[] = [];
	const { lastDay } = fits;
	const json: IDataObject = {
		operation: OPERATION,
		...entityFields(group),
		model: o.model,
		horizonDays: o.horizonDays,
		from: dateOf(lastDay + 1),
		to: dateOf(lastDay + o.horizonDays),
		window: { from: dateOf(series.firstDay + fits.start), to: dateOf(lastDay), days: o.trailingDays },
		forecasts: forecastFields(fits, notes),
		...(notes.length ? { notes } : {}),
	};
	if (month) {
		if (series.firstDay > month.monthStart) notes.push(`data starts ${dateOf(series.firstDay)}, after the month start: month-to-date spend may be understated`);
		if (o.pacingScope === 'each') {
			json.pacing = { month: dateOf(month.monthStart).slice(0, 7), ...paceFields(pace(month.rest, month.spent, o.monthlyBudget, o.paceTolerancePercent, month.remaining)) };
		}
		if (notes.length) json.notes = notes;
	}
	return { json, items: group.itemIndexes };
}

/** Pacing of every entity together. */
export function pacingSummary(total: PacingTotal, o: ForecastOptions): AnalyticsResult {
	const { monthStart } = daysInMonth(total.lastDay);
	return {
		json: {
			operation: OPERATION,
			summary: true,
			entities: total.count,
			month: dateOf(monthStart).slice(0, 7),
			// Entity errors assumed independent: variances add.
			pacing: paceFields(pace({ mean: total.mean, stdError: Math.sqrt(total.variance), df: total.df }, total.spent, o.monthlyBudget, o.paceTolerancePercent, total.remaining)),
		},
		items: total.items,
	};
}
