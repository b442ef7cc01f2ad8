/** Compare A/B Test's parameters: what the user sets, read once per run and checked before any computation. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Totals } from '../../../shared/analysis';
import { showFor } from '../types';

export const OPERATION = 'compareAbTest';

export type AbMetric = 'ctr' | 'cvr' | 'conversionsPerImpression';

export interface AbOptions {
	variantSource: 'entity' | 'field';
	/** Dot path into each item, e.g. `breakdowns.variant` or `adName`. */
	variantField: string;
	metric: AbMetric;
	/** Variant label (or entity id) of the control; empty = the first variant in the input. */
	control: string;
	alpha: number;
	power: number;
	probabilityThreshold: number;
	/** Relative lift the test should be able to detect before calling "no difference" (0.1 = 10 %). */
	minimumDetectableEffect: number;
	minTrials: number;
}

export const METRIC_PARTS: Record<AbMetric, { successes: keyof Totals; trials: keyof Totals; label: string }> = {
	ctr: { successes: 'clicks', trials: 'impressions', label: 'CTR (clicks / impressions)' },
	cvr: { successes: 'conversions', trials: 'clicks', label: 'conversion rate (conversions / clicks)' },
	conversionsPerImpression: { successes: 'conversions', trials: 'impressions', label: 'conversions / impressions' },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Variants From',
		name: 'variantSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Entities', value: 'entity', description: 'Each entity (platform + level + ID) is a variant' },
			{ name: 'A Field', value: 'field', description: 'Rows are grouped by the value of a field' },
		],
		default: 'entity',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Variant Field',
		name: 'variantField',
		type: 'string',
		default: 'breakdowns.variant',
		placeholder: 'e.g. breakdowns.variant or adName',
		description: 'Dot path of the field holding the variant label in each item',
		displayOptions: { show: { operation: [OPERATION], variantSource: ['field'] } },
	},
	{
		displayName: 'Metric',
		name: 'abMetric',
		type: 'options',
		options: [
			{ name: 'CTR (Clicks / Impressions)', value: 'ctr' },
			{ name: 'Conversion Rate (Conversions / Clicks)', value: 'cvr' },
			{ name: 'Conversions / Impressions', value: 'conversionsPerImpression' },
		],
		default: 'ctr',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Control Variant',
		name: 'control',
		type: 'string',
		default: '',
		description: 'Variant label or entity ID of the control; empty = the first variant in the input',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Options',
		name: 'abOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'Significance Level (α)', name: 'alpha', type: 'number', typeOptions: { minValue: 0.0001, maxValue: 0.5, numberPrecision: 4 }, default: 0.05 },
			{ displayName: 'Power', name: 'power', type: 'number', typeOptions: { minValue: 0.5, maxValue: 0.999, numberPrecision: 3 }, default: 0.8 },
			{
				displayName: 'Probability to Be Best Threshold',
				name: 'probabilityThreshold',
				type: 'number',
				typeOptions: { minValue: 0.5, maxValue: 0.9999, numberPrecision: 4 },
				default: 0.95,
			},
			{
				displayName: 'Minimum Detectable Effect (Relative)',
				name: 'minimumDetectableEffect',
				type: 'number',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 0.1,
				description: 'Relative lift (0.1 = 10 %) the test must be able to detect before it may conclude "no difference"',
			},
			{ displayName: 'Minimum Trials per Variant', name: 'minTrials', type: 'number', typeOptions: { minValue: 1 }, default: 100, description: 'Impressions (CTR) or clicks (CVR) each variant needs before any verdict' },
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): AbOptions {
	const x = ctx.getNodeParameter('abOptions', 0, {}) as IDataObject;
	const source = ctx.getNodeParameter('variantSource', 0) as AbOptions['variantSource'];
	const o: AbOptions = {
		variantSource: source,
		variantField: source === 'field' ? String(ctx.getNodeParameter('variantField', 0, '')).trim() : '',
		metric: ctx.getNodeParameter('abMetric', 0) as AbMetric,
		control: String(ctx.getNodeParameter('control', 0, '') ?? '').trim(),
		alpha: (x.alpha as number | undefined) ?? 0.05,
		power: (x.power as number | undefined) ?? 0.8,
		probabilityThreshold: (x.probabilityThreshold as number | undefined) ?? 0.95,
		minimumDetectableEffect: (x.minimumDetectableEffect as number | undefined) ?? 0.1,
		minTrials: (x.minTrials as number | undefined) ?? 100,
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: AbOptions): string | null {
	if (o.variantSource !== 'entity' && o.variantSource !== 'field') return `Variants From: unknown value "${o.variantSource}"`;
	if (o.variantSource === 'field' && o.variantField === '') return 'Variant Field is empty';
	if (!(o.metric in METRIC_PARTS)) return `Metric: unknown value "${o.metric}"`;
	if (!(o.alpha > 0 && o.alpha < 1)) return `Significance Level must be between 0 and 1, got ${o.alpha}`;
	if (!(o.power > 0 && o.power < 1)) return `Power must be between 0 and 1, got ${o.power}`;
	if (!(o.probabilityThreshold > 0.5 && o.probabilityThreshold < 1)) return `Probability to Be Best Threshold must be between 0.5 and 1, got ${o.probabilityThreshold}`;
	if (!(o.minimumDetectableEffect > 0)) return `Minimum Detectable Effect must be greater than 0, got ${o.minimumDetectableEffect}`;
	if (!(o.minTrials >= 1)) return `Minimum Trials per Variant must be at least 1, got ${o.minTrials}`;
	return null;
}
