/** Detect Anomalies' parameters: what the user sets, read once per run and checked before any computation. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { SeriesMetric } from '../../../shared/analysis';
import { showFor } from '../types';

export const OPERATION = 'detectAnomalies';

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
