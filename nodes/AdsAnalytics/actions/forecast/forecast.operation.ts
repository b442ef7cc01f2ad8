/**
 * Forecast: next-N-days totals per entity from the trailing trend (ordinary
 * least squares on the last W days, or a flat trailing mean), with 80 % and
 * 95 % prediction intervals for the N-day sum from the residual standard
 * error (Student t, since windows are short). Optional pacing against a
 * monthly budget: month-to-date spend + forecast for the rest of the month.
 * Counts cannot be negative, so point forecasts and lower bounds are clamped
 * at 0 (noted on the output when it happens).
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { dailySeries, dateOf, groupByEntity, metricFromTotals, round, type DailySeries } from '../../../shared/analysis';
import { type InputRow } from '../../../shared/n8n/decisionNode';
import { linearRegression, meanModel, sumPrediction, type LinearFit } from '../../stats/regression';
import { studentTCdf, studentTQuantile } from '../../stats/studentT';
import { AnalyticsInputError, entityFields, showFor, skipped, type AnalyticsOperation, type AnalyticsResult } from '../types';

const OPERATION = 'forecast';

export type ForecastMetric = 'spend' | 'conversions' | 'value' | 'clicks' | 'impressions';

export interface ForecastOptions {
	metrics: ForecastMetric[];
	horizonDays: number;
	trailingDays: number;
	model: 'linear' | 'average';
	/** 0 = no pacing. */
	monthlyBudget: number;
	pacingScope: 'each' | 'total';
	/** ± percent around the budget that counts as on pace. */
	paceTolerancePercent: number;
	/** Drop the latest day (often incomplete: late conversions, today so far). */
	excludeLastDay: boolean;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Metrics',
		name: 'forecastMetrics',
		type: 'multiOptions',
		options: [
			{ name: 'Clicks', value: 'clicks' },
			{ name: 'Conversion Value', value: 'value' },
			{ name: 'Conversions', value: 'conversions' },
			{ name: 'Impressions', value: 'impressions' },
			{ name: 'Spend', value: 'spend' },
		],
		default: ['spend', 'conversions'],
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Horizon (Days)',
		name: 'horizonDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description: 'How many days after the last date to forecast',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Trailing Window (Days)',
		name: 'trailingDays',
		type: 'number',
		typeOptions: { minValue: 3 },
		default: 28,
		description: 'Days of history the trend is fitted on. Entities with less history are skipped with a reason.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{ name: 'Linear Trend', value: 'linear', description: 'Least-squares line over the trailing window' },
			{ name: 'Trailing Average', value: 'average', description: 'Flat at the trailing mean (no trend)' },
		],
		default: 'linear',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Monthly Budget',
		name: 'monthlyBudget',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Optional budget for the calendar month of the last date, in major units; adds a pacing block (0 = no pacing)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Options',
		name: 'forecastOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(OPERATION),
		options: [
			{
				displayName: 'Budget Applies To',
				name: 'pacingScope',
				type: 'options',
				options: [
					{ name: 'All Entities Together', value: 'total' },
					{ name: 'Each Entity', value: 'each' },
				],
				default: 'total',
			},
			{ displayName: 'Pace Tolerance (%)', name: 'paceTolerancePercent', type: 'number', typeOptions: { minValue: 0 }, default: 5, description: 'Projected month-end spend within ± this percent of the budget is "on" pace' },
			{ displayName: 'Exclude Last Day', name: 'excludeLastDay', type: 'boolean', default: false, description: 'Whether to ignore the latest day (often incomplete)' },
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): ForecastOptions {
	const x = ctx.getNodeParameter('forecastOptions', 0, {}) as IDataObject;
	const o: ForecastOptions = {
		metrics: ctx.getNodeParameter('forecastMetrics', 0) as ForecastMetric[],
		horizonDays: Number(ctx.getNodeParameter('horizonDays', 0)),
		trailingDays: Number(ctx.getNodeParameter('trailingDays', 0)),
		model: ctx.getNodeParameter('model', 0) as ForecastOptions['model'],
		monthlyBudget: Number(ctx.getNodeParameter('monthlyBudget', 0, 0)),
		pacingScope: (x.pacingScope as ForecastOptions['pacingScope'] | undefined) ?? 'total',
		paceTolerancePercent: Number(x.paceTolerancePercent ?? 5),
		excludeLastDay: x.excludeLastDay === true,
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: ForecastOptions): string | null {
	if (!Array.isArray(o.metrics) || o.metrics.length === 0) return 'Metrics: choose at least one metric';
	if (!(Number.isInteger(o.horizonDays) && o.horizonDays >= 1)) return `Horizon (Days) must be an integer ≥ 1, got ${o.horizonDays}`;
	if (!(Number.isInteger(o.trailingDays) && o.trailingDays >= 3)) return `Trailing Window (Days) must be an integer ≥ 3, got ${o.trailingDays}`;
	if (o.model !== 'linear' && o.model !== 'average') return `Model must be linear or average, got "${o.model}"`;
	if (!(o.monthlyBudget >= 0)) return `Monthly Budget must be ≥ 0, got ${o.monthlyBudget}`;
	if (o.pacingScope !== 'each' && o.pacingScope !== 'total') return `Budget Applies To must be each or total, got "${o.pacingScope}"`;
	if (!(o.paceTolerancePercent >= 0)) return `Pace Tolerance must be ≥ 0, got ${o.paceTolerancePercent}`;
	return null;
}

interface SumForecast {
	mean: number;
	stdError: number;
	df: number;
}

function interval(f: SumForecast, level: number): { lower: number; upper: number } {
	const t = studentTQuantile(0.5 + level / 2, f.df);
	return { lower: round(Math.max(0, f.mean - t * f.stdError), 4) as number, upper: round(Math.max(0, f.mean + t * f.stdError), 4) as number };
}

function fitWindow(values: Float64Array, model: ForecastOptions['model']): LinearFit {
	if (model === 'average') return meanModel(values);
	const xs = new Float64Array(values.length);
	for (let i = 0; i < xs.length; i++) xs[i] = i;
	return linearRegression(xs, values);
}

function range(from: number, count: number): number[] {
	const out = new Array<number>(count);
	for (let i = 0; i < count; i++) out[i] = from + i;
	return out;
}

function daysInMonth(day: number): { monthStart: number; monthEnd: number } {
	const d = new Date(day * 86_400_000);
	const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
	const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
	return { monthStart: start, monthEnd: end };
}

function pace(projected: SumForecast, spentSoFar: number, budget: number, tolerancePct: number, remainingDays: number): IDataObject {
	const mean = spentSoFar + projected.mean;
	const ratio = mean / budget;
	const tol = tolerancePct / 100;
	const status = ratio > 1 + tol ? 'over' : ratio < 1 - tol ? 'under' : 'on';
	const total: SumForecast = { mean, stdError: projected.stdError, df: projected.df };
	// P(month-end spend > budget) under the forecast's t distribution.
	const pOver = projected.stdError > 0 ? 1 - studentTCdf((budget - mean) / projected.stdError, projected.df) : mean > budget ? 1 : 0;
	return {
		monthlyBudget: budget,
		monthToDateSpend: round(spentSoFar, 2),
		remainingDays,
		projectedMonthEndSpend: round(mean, 2),
		interval80: interval(total, 0.8),
		interval95: interval(total, 0.95),
		pacePercent: round(ratio * 100, 1),
		status,
		probabilityOverBudget: round(pOver, 4),
		dailySpendToHitBudget: remainingDays > 0 ? round(Math.max(0, budget - spentSoFar) / remainingDays, 2) : null,
	};
}

export function forecast(rows: readonly InputRow[], o: ForecastOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	const groups = groupByEntity(rows);
	if (o.monthlyBudget > 0 && o.pacingScope === 'total') {
		const levels = new Set(groups.map((g) => g.level));
		if (levels.size > 1) {
			const other = groups.find((g) => g.level !== groups[0].level) ?? groups[0];
			throw new AnalyticsInputError(
				`Item ${other.itemIndexes[0]}: pacing all entities together needs rows of one level, got ${[...levels].join(', ')} (they would double count). Filter to one level or pace each entity.`,
				other.itemIndexes[0],
			);
		}
	}
	const pacingMetrics = new Set<ForecastMetric>(o.metrics);
	if (o.monthlyBudget > 0) pacingMetrics.add('spend');
	const totalPacing: { mean: number; variance: number; spent: number; df: number; remaining: number; lastDay: number; items: number[]; count: number } = {
		mean: 0,
		variance: 0,
		spent: 0,
		df: Infinity,
		remaining: -1,
		lastDay: -Infinity,
		items: [],
		count: 0,
	};
	for (const group of groups) {
		const series = dailySeries(group);
		if (typeof series === 'string') {
			out.push(skipped(OPERATION, group, series));
			continue;
		}
		const n = series.totals.length - (o.excludeLastDay ? 1 : 0);
		if (n < o.trailingDays) {
			out.push(
				skipped(OPERATION, group, `trailing window is longer than the data: needs ${o.trailingDays} days, the entity has ${n}`, { availableDays: n, trailingDays: o.trailingDays }),
			);
			continue;
		}
		const lastDay = series.firstDay + n - 1;
		const start = n - o.trailingDays;
		const futureXs = range(o.trailingDays, o.horizonDays);
		const forecasts: IDataObject = {};
		const notes: string[] = [];
		let spendFit: LinearFit | null = null;
		for (const metric of pacingMetrics) {
			const values = windowValues(series, start, o.trailingDays, metric);
			const fit = fitWindow(values, o.model);
			if (metric === 'spend') spendFit = fit;
			if (!o.metrics.includes(metric)) continue;
			const sum = sumPrediction(fit, futureXs);
			const f: SumForecast = { mean: sum.mean, stdError: sum.stdError, df: fit.df };
			if (sum.mean < 0) notes.push(`${metric}: the trend points below 0; forecast clamped at 0`);
			forecasts[metric] = {
				total: round(Math.max(0, sum.mean), 4),
				interval80: interval(f, 0.8),
				interval95: interval(f, 0.95),
				trendPerDay: round(fit.slope, 6),
				residualStdError: round(fit.residualStdError, 6),
				daily: futureXs.map((x, i) => ({ date: dateOf(lastDay + 1 + i), value: round(Math.max(0, fit.intercept + fit.slope * x), 4) })),
			};
		}
		const json: IDataObject = {
			operation: OPERATION,
			...entityFields(group),
			model: o.model,
			horizonDays: o.horizonDays,
			from: dateOf(lastDay + 1),
			to: dateOf(lastDay + o.horizonDays),
			window: { from: dateOf(series.firstDay + start), to: dateOf(lastDay), days: o.trailingDays },
			forecasts,
			...(notes.length ? { notes } : {}),
		};
		if (o.monthlyBudget > 0 && spendFit) {
			const { monthStart, monthEnd } = daysInMonth(lastDay);
			let spent = 0;
			for (let d = Math.max(monthStart, series.firstDay); d <= lastDay; d++) spent += series.totals[d - series.firstDay].spend;
			const remaining = monthEnd - lastDay;
			const rest = remaining > 0 ? sumPrediction(spendFit, range(o.trailingDays, remaining)) : { mean: 0, stdError: 0 };
			const restClamped: SumForecast = { mean: Math.max(0, rest.mean), stdError: rest.stdError, df: spendFit.df };
			if (series.firstDay > monthStart) notes.push(`data starts ${dateOf(series.firstDay)}, after the month start: month-to-date spend may be understated`);
			if (o.pacingScope === 'each') json.pacing = { month: dateOf(monthStart).slice(0, 7), ...pace(restClamped, spent, o.monthlyBudget, o.paceTolerancePercent, remaining) };
			else {
				totalPacing.mean += restClamped.mean;
				totalPacing.variance += restClamped.stdError ** 2;
				totalPacing.spent += spent;
				totalPacing.df = Math.min(totalPacing.df, spendFit.df);
				totalPacing.remaining = Math.max(totalPacing.remaining, remaining);
				totalPacing.lastDay = Math.max(totalPacing.lastDay, lastDay);
				totalPacing.items.push(...group.itemIndexes);
				totalPacing.count++;
			}
			if (notes.length) json.notes = notes;
		}
		out.push({ json, items: group.itemIndexes });
	}
	if (o.monthlyBudget > 0 && o.pacingScope === 'total' && totalPacing.count > 0) {
		const { monthStart } = daysInMonth(totalPacing.lastDay);
		out.push({
			json: {
				operation: OPERATION,
				summary: true,
				entities: totalPacing.count,
				month: dateOf(monthStart).slice(0, 7),
				// Entity errors assumed independent: variances add.
				pacing: pace({ mean: totalPacing.mean, stdError: Math.sqrt(totalPacing.variance), df: totalPacing.df }, totalPacing.spent, o.monthlyBudget, o.paceTolerancePercent, totalPacing.remaining),
			},
			items: totalPacing.items,
		});
	}
	return out;
}

function windowValues(series: DailySeries, start: number, length: number, metric: ForecastMetric): Float64Array {
	const values = new Float64Array(length);
	for (let i = 0; i < length; i++) values[i] = metricFromTotals(metric, series.totals[start + i]) as number;
	return values;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return forecast(rows, readOptions(ctx));
	},
};
