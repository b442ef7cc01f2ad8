/** Score Performance's parameters: what the user sets, read once per run and checked before any computation. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { showFor } from '../types';

export const OPERATION = 'scorePerformance';

export type ScoreMetric = 'ctr' | 'cvr' | 'cpc' | 'cpa' | 'roas';

export const LOWER_IS_BETTER: Record<ScoreMetric, boolean> = { ctr: false, cvr: false, cpc: true, cpa: true, roas: false };

export interface ScoreOptions {
	weights: Record<ScoreMetric, number>;
	targetCpa: number | null;
	targetRoas: number | null;
	targetWeight: number;
	/** 0 = all rows; otherwise only the last N days (relative to the latest date in the input). */
	windowDays: number;
	minImpressions: number;
	minSpend: number;
	minConversions: number;
	/** Fewest eligible entities at a level for percentile ranks to mean anything. */
	minEntities: number;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Window (Days)',
		name: 'scoreWindowDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Score over the last N days of the input (0 = all rows). Ratios come from the window totals.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Target CPA',
		name: 'targetCpa',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Optional target cost per conversion in the account currency (0 = no target)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Target ROAS',
		name: 'targetRoas',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Optional target return on ad spend as a ratio, e.g. 3 for 300 % (0 = no target)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Weights',
		name: 'scoreWeights',
		type: 'collection',
		placeholder: 'Change Weight',
		default: {},
		description: 'Relative weight of each component (0 leaves it out). Defaults: CTR 1, CVR 1, CPC 1, CPA 2, ROAS 2, targets 2.',
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'CPA', name: 'cpa', type: 'number', typeOptions: { minValue: 0 }, default: 2 },
			{ displayName: 'CPC', name: 'cpc', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'CTR', name: 'ctr', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'CVR (Conversions / Clicks)', name: 'cvr', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'ROAS', name: 'roas', type: 'number', typeOptions: { minValue: 0 }, default: 2 },
			{ displayName: 'Targets', name: 'targets', type: 'number', typeOptions: { minValue: 0 }, default: 2, description: 'Weight of each target component (CPA and ROAS)' },
		],
	},
	{
		displayName: 'Minimum Data',
		name: 'scoreMinimums',
		type: 'collection',
		placeholder: 'Change Minimum',
		default: {},
		description: 'Entities below these are skipped with a reason instead of scored on noise',
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'Minimum Impressions', name: 'minImpressions', type: 'number', typeOptions: { minValue: 0 }, default: 1000 },
			{ displayName: 'Minimum Spend', name: 'minSpend', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{ displayName: 'Minimum Conversions', name: 'minConversions', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{
				displayName: 'Minimum Entities per Level',
				name: 'minEntities',
				type: 'number',
				typeOptions: { minValue: 2 },
				default: 3,
				description: 'Fewest eligible entities of one level needed for percentile components',
			},
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): ScoreOptions {
	const w = ctx.getNodeParameter('scoreWeights', 0, {}) as IDataObject;
	const m = ctx.getNodeParameter('scoreMinimums', 0, {}) as IDataObject;
	const num = (v: unknown, d: number) => (v === undefined || v === null || v === '' ? d : Number(v));
	const targetCpa = num(ctx.getNodeParameter('targetCpa', 0, 0), 0);
	const targetRoas = num(ctx.getNodeParameter('targetRoas', 0, 0), 0);
	const o: ScoreOptions = {
		weights: { ctr: num(w.ctr, 1), cvr: num(w.cvr, 1), cpc: num(w.cpc, 1), cpa: num(w.cpa, 2), roas: num(w.roas, 2) },
		targetWeight: num(w.targets, 2),
		targetCpa: targetCpa > 0 ? targetCpa : null,
		targetRoas: targetRoas > 0 ? targetRoas : null,
		windowDays: num(ctx.getNodeParameter('scoreWindowDays', 0, 0), 0),
		minImpressions: num(m.minImpressions, 1000),
		minSpend: num(m.minSpend, 0),
		minConversions: num(m.minConversions, 0),
		minEntities: num(m.minEntities, 3),
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: ScoreOptions): string | null {
	for (const [k, v] of Object.entries(o.weights)) if (!(v >= 0)) return `Weights: ${k} must be a number ≥ 0, got ${v}`;
	if (!(o.targetWeight >= 0)) return `Weights: targets must be a number ≥ 0, got ${o.targetWeight}`;
	const anyWeight = Object.values(o.weights).some((v) => v > 0) || (o.targetWeight > 0 && (o.targetCpa !== null || o.targetRoas !== null));
	if (!anyWeight) return 'Weights: every component has weight 0, nothing to score';
	if (!Number.isInteger(o.windowDays) || o.windowDays < 0) return `Window (Days) must be an integer ≥ 0, got ${o.windowDays}`;
	for (const k of ['minImpressions', 'minSpend', 'minConversions'] as const) if (!(o[k] >= 0)) return `Minimum Data: ${k} must be ≥ 0, got ${o[k]}`;
	if (!(Number.isInteger(o.minEntities) && o.minEntities >= 2)) return `Minimum Entities per Level must be an integer ≥ 2, got ${o.minEntities}`;
	return null;
}
