/**
 * Forecast's computation, pure: a trend (or mean) fitted to each metric's
 * trailing window, the N-day sum with its standard error, and month-end
 * spend pacing against a monthly budget.
 */
import { metricFromTotals, type DailySeries, type EntityGroup } from '../../../shared/analysis';
import { linearRegression, meanModel, sumPrediction, type LinearFit } from '../../stats/regression';
import { studentTCdf } from '../../stats/studentT';
import { AnalyticsInputError } from '../types';
import type { ForecastMetric, ForecastOptions } from './description';

/** A forecast N-day sum: mean, standard error and degrees of freedom of its t distribution. */
export interface SumForecast {
	mean: number;
	stdError: number;
	df: number;
}

/** Pacing all entities together adds their spend: rows of several levels would count the same money twice. */
export function checkPacingLevels(groups: EntityGroup[], o: ForecastOptions): void {
	if (!(o.monthlyBudget > 0 && o.pacingScope === 'total')) return;
	const levels = new Set(groups.map((g) => g.level));
	if (levels.size <= 1) return;
	const other = groups.find((g) => g.level !== groups[0].level) ?? groups[0];
	throw new AnalyticsInputError(
		`Item ${other.itemIndexes[0]}: pacing all entities together needs rows of one level, got ${[...levels].join(', ')} (they would double count). Filter to one level or pace each entity.`,
		other.itemIndexes[0],
	);
}

export function fitWindow(values: Float64Array, model: ForecastOptions['model']): LinearFit {
	if (model === 'average') return meanModel(values);
	const xs = new Float64Array(values.length);
	for (let i = 0; i < xs.length; i++) xs[i] = i;
	return linearRegression(xs, values);
}

export function range(from: number, count: number): number[] {
	const out = new Array<number>(count);
	for (let i = 0; i < count; i++) out[i] = from + i;
	return out;
}

export function daysInMonth(day: number): { monthStart: number; monthEnd: number } {
	const d = new Date(day * 86_400_000);
	const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
	const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
	return { monthStart: start, monthEnd: end };
}

export function windowValues(series: DailySeries, start: number, length: number, metric: ForecastMetric): Float64Array {
	const values = new Float64Array(length);
	for (let i = 0; i < length; i++) values[i] = metricFromTotals(metric, series.totals[start + i]) as number;
	return values;
}

/** One entity's month so far and the forecast for the rest of it. */
export interface MonthSpend {
	monthStart: number;
	spent: number;
	remaining: number;
	/** The rest of the month's spend, clamped at 0. */
	rest: SumForecast;
}

export function monthSpend(series: DailySeries, lastDay: number, spendFit: LinearFit, trailingDays: number): MonthSpend {
	const { monthStart, monthEnd } = daysInMonth(lastDay);
	let spent = 0;
	for (let d = Math.max(monthStart, series.firstDay); d <= lastDay; d++) spent += series.totals[d - series.firstDay].spend;
	const remaining = monthEnd - lastDay;
	const rest = remaining > 0 ? sumPrediction(spendFit, range(trailingDays, remaining)) : { mean: 0, stdError: 0 };
	return { monthStart, spent, remaining, rest: { mean: Math.max(0, rest.mean), stdError: rest.stdError, df: spendFit.df } };
}

/** Month-end spend against the budget. */
export interface Pace {
	budget: number;
	spentSoFar: number;
	remainingDays: number;
	/** Month-end spend: spent so far + the forecast rest. */
	total: SumForecast;
	ratio: number;
	status: 'over' | 'under' | 'on';
	/** P(month-end spend > budget) under the forecast's t distribution. */
	pOver: number;
}

export function pace(projected: SumForecast, spentSoFar: number, budget: number, tolerancePct: number, remainingDays: number): Pace {
	const mean = spentSoFar + projected.mean;
	const ratio = mean / budget;
	const tol = tolerancePct / 100;
	const status = ratio > 1 + tol ? 'over' : ratio < 1 - tol ? 'under' : 'on';
	const pOver = projected.stdError > 0 ? 1 - studentTCdf((budget - mean) / projected.stdError, projected.df) : mean > budget ? 1 : 0;
	return { budget, spentSoFar, remainingDays, total: { mean, stdError: projected.stdError, df: projected.df }, ratio, status, pOver };
}

/** Every entity's month-end spend summed (errors assumed independent: variances add). */
export interface PacingTotal {
	mean: number;
	variance: number;
	spent: number;
	df: number;
	remaining: number;
	lastDay: number;
	items: number[];
	count: number;
}

export const emptyPacingTotal = (): PacingTotal => ({ mean: 0, variance: 0, spent: 0, df: Infinity, remaining: -1, lastDay: -Infinity, items: [], count: 0 });

export function addToPacingTotal(total: PacingTotal, month: MonthSpend, lastDay: number, items: number[]): void {
	total.mean += month.rest.mean;
	total.variance += month.rest.stdError ** 2;
	total.spent += month.spent;
	total.df = Math.min(total.df, month.rest.df);
	total.remaining = Math.max(total.remaining, month.remaining);
	total.lastDay = Math.max(total.lastDay, lastDay);
	total.items.push(...items);
	total.count++;
}

/** One entity's fitted window: each requested metric's fit and N-day sum, and the spend fit pacing needs. */
export interface EntityFits {
	lastDay: number;
	/** Index of the window's first day in the series. */
	start: number;
	/** x of each forecast day (the window is x = 0 … trailingDays − 1). */
	futureXs: number[];
	metrics: Array<{ metric: ForecastMetric; fit: LinearFit; sum: SumForecast }>;
	spendFit: LinearFit | null;
}

/** Fits the trailing window of each metric (spend too when pacing needs it); n = days used (the last day left out if asked). */
export function fitEntity(series: DailySeries, n: number, o: ForecastOptions, pacingMetrics: Set<ForecastMetric>): EntityFits {
	const lastDay = series.firstDay + n - 1;
	const start = n - o.trailingDays;
	const futureXs = range(o.trailingDays, o.horizonDays);
	const metrics: EntityFits['metrics'] = [];
	let spendFit: LinearFit | null = null;
	for (const metric of pacingMetrics) {
		const fit = fitWindow(windowValues(series, start, o.trailingDays, metric), o.model);
		if (metric === 'spend') spendFit = fit;
		if (!o.metrics.includes(metric)) continue;
		const sum = sumPrediction(fit, futureXs);
		metrics.push({ metric, fit, sum: { mean: sum.mean, stdError: sum.stdError, df: fit.df } });
	}
	return { lastDay, start, futureXs, metrics, spendFit };
}
