/** Reallocate Budget's parameters: what the user sets, read once per run and checked before any computation. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { showFor } from '../types';

export const OPERATION = 'reallocateBudget';

export interface ReallocateOptions {
	level: 'campaign' | 'adSet';
	totalBudget: number;
	/** ISO 4217; empty = the rows' currency. */
	currency: string;
	basis: 'roas' | 'cpa';
	/** Max change per step, percent of the current budget. */
	maxChangePercent: number;
	/** Minimum daily budget per entity, major units. */
	floor: number;
	/** Share of the total split equally (0–1). */
	explorationShare: number;
	/** Overrides `attributes.dailyBudget`, keyed by entity ID, major units. */
	currentBudgets: Record<string, number>;
	windowDays: number;
	/** 0 = estimate (empirical Bayes). */
	priorSpend: number;
	/** Emit an action only when the change is at least this percent. */
	minChangePercent: number;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Level',
		name: 'budgetLevel',
		type: 'options',
		options: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Ad Set / Ad Group', value: 'adSet' },
		],
		default: 'campaign',
		description: 'Which rows hold the budgets; rows of other levels are ignored',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Total Daily Budget',
		name: 'totalBudget',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The total to split, in major units of the currency (e.g. 500 = 500.00 EUR). 0 keeps the current total: the sum of the budgets found, moved between entities.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'EUR',
		description: 'ISO 4217 code; empty = the currency of the rows (they must all share one)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Allocate By',
		name: 'basis',
		type: 'options',
		options: [
			{ name: 'Shrunk ROAS', value: 'roas', description: 'Conversion value per spend, shrunk toward the pooled ROAS' },
			{ name: 'Inverse Shrunk CPA', value: 'cpa', description: 'Conversions per spend (1 / CPA), shrunk toward the pooled rate' },
		],
		default: 'roas',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Max Change per Step (%)',
		name: 'maxChangePercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1000 },
		default: 20,
		description: 'No budget moves by more than this percent of its current value in one run',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Floor per Entity',
		name: 'floor',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 1,
		description: 'Minimum daily budget of every entity, in major units. Wins over the change cap when they conflict.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Exploration Share',
		name: 'explorationShare',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.1,
		description: 'Fraction of the total split equally across entities regardless of performance (0.1 = 10 %)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Options',
		name: 'reallocateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(OPERATION),
		options: [
			{
				displayName: 'Current Budgets (JSON)',
				name: 'currentBudgets',
				type: 'json',
				default: '{}',
				description: 'Current daily budgets by entity ID, e.g. {"123": 50}. Overrides attributes.dailyBudget from the rows.',
			},
			{ displayName: 'Window (Days)', name: 'windowDays', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Judge performance over the last N days of the input (0 = all rows)' },
			{
				displayName: 'Prior Strength (Spend)',
				name: 'priorSpend',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How much spend an entity needs before its own ROAS outweighs the pooled one. 0 = estimate from the data (empirical Bayes).',
			},
			{ displayName: 'Minimum Change to Act (%)', name: 'minChangePercent', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Skip actions for budgets changing by less than this percent' },
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): ReallocateOptions {
	const x = ctx.getNodeParameter('reallocateOptions', 0, {}) as IDataObject;
	let currentBudgets: unknown = x.currentBudgets ?? {};
	if (typeof currentBudgets === 'string') {
		try {
			currentBudgets = currentBudgets.trim() === '' ? {} : JSON.parse(currentBudgets);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Current Budgets (JSON) is not valid JSON: ${(error as Error).message}`, { itemIndex: 0 });
		}
	}
	const o: ReallocateOptions = {
		level: ctx.getNodeParameter('budgetLevel', 0) as ReallocateOptions['level'],
		totalBudget: Number(ctx.getNodeParameter('totalBudget', 0)),
		currency: String(ctx.getNodeParameter('currency', 0, '') ?? '').trim().toUpperCase(),
		basis: ctx.getNodeParameter('basis', 0) as ReallocateOptions['basis'],
		maxChangePercent: Number(ctx.getNodeParameter('maxChangePercent', 0)),
		floor: Number(ctx.getNodeParameter('floor', 0)),
		explorationShare: Number(ctx.getNodeParameter('explorationShare', 0)),
		currentBudgets: currentBudgets as Record<string, number>,
		windowDays: Number(x.windowDays ?? 0),
		priorSpend: Number(x.priorSpend ?? 0),
		minChangePercent: Number(x.minChangePercent ?? 0),
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: ReallocateOptions): string | null {
	if (o.level !== 'campaign' && o.level !== 'adSet') return `Level must be campaign or adSet, got "${o.level}"`;
	if (!(o.totalBudget >= 0)) return `Total Daily Budget must be 0 (keep the current total) or more, got ${o.totalBudget}`;
	if (o.currency !== '' && !/^[A-Z]{3}$/.test(o.currency)) return `Currency must be an ISO 4217 code such as EUR, got "${o.currency}"`;
	if (o.basis !== 'roas' && o.basis !== 'cpa') return `Allocate By must be roas or cpa, got "${o.basis}"`;
	if (!(o.maxChangePercent >= 0)) return `Max Change per Step must be ≥ 0, got ${o.maxChangePercent}`;
	if (!(o.floor > 0)) return `Floor per Entity must be greater than 0, got ${o.floor}`;
	if (!(o.explorationShare >= 0 && o.explorationShare <= 1)) return `Exploration Share must be between 0 and 1, got ${o.explorationShare}`;
	if (typeof o.currentBudgets !== 'object' || o.currentBudgets === null || Array.isArray(o.currentBudgets)) return 'Current Budgets (JSON) must be an object of entity ID → amount';
	for (const [id, v] of Object.entries(o.currentBudgets)) if (!(typeof v === 'number' && v >= 0)) return `Current Budgets (JSON): "${id}" must be a number ≥ 0, got ${JSON.stringify(v)}`;
	if (!(Number.isInteger(o.windowDays) && o.windowDays >= 0)) return `Window (Days) must be an integer ≥ 0, got ${o.windowDays}`;
	if (!(o.priorSpend >= 0)) return `Prior Strength must be ≥ 0, got ${o.priorSpend}`;
	if (!(o.minChangePercent >= 0)) return `Minimum Change to Act must be ≥ 0, got ${o.minChangePercent}`;
	return null;
}
