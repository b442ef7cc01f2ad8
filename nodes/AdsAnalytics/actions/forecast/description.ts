/** Forecast's parameters: what the user sets, read once per run and checked before any computation. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { showFor } from '../types';

export const OPERATION = 'forecast';

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
