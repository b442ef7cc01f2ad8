/**
 * Reallocate Budget: split a total daily budget across campaigns or ad sets
 * in proportion to their shrunk ROAS (or shrunk conversions per spend =
 * 1 / CPA), with an exploration share split equally, a per-step change cap
 * and a floor per entity. Amounts are whole minor units (cents) that sum
 * exactly to the total whenever the cap and floors allow; otherwise the
 * summary explains why. Emits one `setBudget` AdAction per changed entity and
 * a summary item.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Evidence } from '../../../shared/contracts/action';
import { makeAction } from '../../../shared/contracts/makeAction';
import { minorDigits } from '../../../shared/money';
import { dateOf, dayNumber, groupByEntity, round, type EntityGroup } from '../../../shared/analysis';
import { type InputRow } from '../../../shared/n8n/decisionNode';
import { allocateBudget } from '../../stats/allocation';
import { shrinkYields, type YieldEntity } from '../../stats/shrinkage';
import { reallocationMessage, type MessageAllocation } from './message';
import { AnalyticsInputError, showFor, type AnalyticsOperation, type AnalyticsResult } from '../types';

const OPERATION = 'reallocateBudget';

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

interface Candidate {
	group: EntityGroup;
	current: number;
	spend: number;
	yieldTotal: number;
	value: number;
	conversions: number;
	daily: Array<{ spend: number; yield: number }>;
}

export function reallocateBudget(rows: readonly InputRow[], o: ReallocateOptions, decidedAt = new Date().toISOString()): AnalyticsResult[] {
	const groups = groupByEntity(rows, o.level);
	if (groups.length === 0) throw new AnalyticsInputError(`No rows at level "${o.level}" in the input; choose the level your rows have`, rows[0]?.itemIndex ?? 0);
	let lastDay = -Infinity;
	for (const g of groups) for (const r of g.rows) lastDay = Math.max(lastDay, dayNumber(r.row.date));
	const fromDay = o.windowDays > 0 ? lastDay - o.windowDays + 1 : -Infinity;

	let currency = o.currency;
	for (const g of groups) {
		for (const r of g.rows) {
			if (currency === '') currency = r.row.currency;
			else if (r.row.currency !== currency) {
				throw new AnalyticsInputError(`Item ${r.itemIndex}: currency ${r.row.currency} differs from ${currency}; reallocate one currency at a time`, r.itemIndex);
			}
		}
	}

	const skippedList: IDataObject[] = [];
	const candidates: Candidate[] = [];
	for (const g of groups) {
		const skip = (reason: string) => skippedList.push({ entityId: g.entityId, entityName: g.entityName, platform: g.platform, skipped: true, reason });
		if (g.platform !== 'meta' && g.platform !== 'google') {
			skip(`platform "${g.platform}" cannot receive a budget action (meta or google only)`);
			continue;
		}
		let current: number | null = typeof o.currentBudgets[g.entityId] === 'number' ? o.currentBudgets[g.entityId] : null;
		if (current === null) {
			// The latest row that carries a daily budget.
			let at = -Infinity;
			for (const r of g.rows) {
				const b = r.row.attributes?.dailyBudget;
				const d = dayNumber(r.row.date);
				if (typeof b === 'number' && Number.isFinite(b) && d >= at) {
					current = b;
					at = d;
				}
			}
		}
		if (current === null || !(current > 0)) {
			skip(current === null ? 'no current daily budget (attributes.dailyBudget or Current Budgets JSON)' : `current daily budget is ${current}; it may use a shared or campaign budget`);
			continue;
		}
		const byDay = new Map<number, { spend: number; yield: number }>();
		let spend = 0;
		let value = 0;
		let conversions = 0;
		for (const { row } of g.rows) {
			const d = dayNumber(row.date);
			if (d < fromDay) continue;
			spend += row.spend;
			value += row.value;
			conversions += row.conversions;
			const day = byDay.get(d) ?? { spend: 0, yield: 0 };
			day.spend += row.spend;
			day.yield += o.basis === 'roas' ? row.value : row.conversions;
			byDay.set(d, day);
		}
		candidates.push({ group: g, current, spend, value, conversions, yieldTotal: o.basis === 'roas' ? value : conversions, daily: [...byDay.values()] });
	}
	const allItems = rows.map((r) => r.itemIndex);
	if (candidates.length === 0) {
		// Same shape as a normal summary, so a template's message step still has its fields.
		const problem = 'no entity could be allocated';
		const message = `Budget reallocation: nothing to allocate. ${skippedList.length} ${o.level === 'campaign' ? 'campaigns' : 'ad sets / ad groups'} skipped, none with a daily budget of its own (${skippedList[0]?.reason ?? 'no rows'}).`;
		return [{ json: { operation: OPERATION, summary: true, message, currency, totalBudget: o.totalBudget, totalSource: o.totalBudget > 0 ? 'fixed' : 'current', allocated: 0, feasible: false, problem, actions: 0, allocations: [], skipped: skippedList }, items: allItems }];
	}

	const shrink = shrinkYields(
		candidates.map((c): YieldEntity => ({ spend: c.spend, yield: c.yieldTotal, daily: c.daily })),
		o.priorSpend,
	);
	const factor = 10 ** minorDigits(currency);
	const toMinor = (x: number) => Math.round(x * factor);
	// 0 = rebalance the money already budgeted, the usual ask ("same spend, better split").
	const totalSource = o.totalBudget > 0 ? 'fixed' : 'current';
	const totalBudget = o.totalBudget > 0 ? o.totalBudget : candidates.reduce((sum, c) => sum + toMinor(c.current), 0) / factor;
	const allocation = allocateBudget(
		candidates.map((c, i) => ({ current: c.current * factor, score: shrink.shrunk[i] })),
		{ total: toMinor(totalBudget), cap: o.maxChangePercent / 100, floor: o.floor * factor, exploration: o.explorationShare },
	);

	const label = o.basis === 'roas' ? 'ROAS' : 'conversions per spend (1 / CPA)';
	const windowLabel = o.windowDays > 0 ? `last ${o.windowDays} days to ${dateOf(lastDay)}` : `all rows to ${dateOf(lastDay)}`;
	const out: AnalyticsResult[] = [];
	const allocations: IDataObject[] = [];
	candidates.forEach((c, i) => {
		const amount = allocation.amounts[i] / factor;
		const changePct = ((amount - c.current) / c.current) * 100;
		const shrunk = shrink.shrunk[i];
		const observed = shrink.observed[i];
		const capped = allocation.amounts[i] === allocation.upper[i] || allocation.amounts[i] === allocation.lower[i];
		const entry: IDataObject = {
			entityId: c.group.entityId,
			entityName: c.group.entityName,
			currentAmount: c.current,
			amount,
			changePercent: round(changePct, 2),
			target: round(allocation.targets[i] / factor, 2),
			atBound: capped,
			floorOverridesCap: allocation.floorOverridesCap[i],
			spend: round(c.spend, 2),
			observed: round(observed, 6),
			shrunk: round(shrunk, 6),
			...(o.basis === 'cpa' ? { shrunkCpa: shrunk > 0 ? round(1 / shrunk, 2) : null } : {}),
		};
		allocations.push(entry);
		const cents = Math.abs(allocation.amounts[i] - Math.round(c.current * factor));
		if (cents === 0 || Math.abs(changePct) < o.minChangePercent || amount <= 0) {
			entry.action = cents === 0 ? 'unchanged' : 'below minimum change';
			return;
		}
		entry.action = 'setBudget';
		const better = shrunk > shrink.pooled;
		const evidence: Evidence[] = [
			{ label: `shrunk ${label} over ${windowLabel}`, left: round(shrunk, 6), operator: better ? '>' : '≤', right: round(shrink.pooled, 6), result: better },
			{ label: `observed ${label} over ${windowLabel}`, left: round(observed, 6), operator: 'vs pooled', right: round(shrink.pooled, 6), result: observed !== null && observed > shrink.pooled },
			{ label: 'spend over the window', left: round(c.spend, 2), operator: 'vs prior strength', right: Number.isFinite(shrink.priorSpend) ? round(shrink.priorSpend, 2) : 'infinite', result: c.spend >= shrink.priorSpend },
			{ label: 'change within cap (%)', left: round(Math.abs(changePct), 2), operator: '≤', right: o.maxChangePercent, result: Math.abs(changePct) <= o.maxChangePercent + 1e-9 },
		];
		const action = makeAction({
			kind: 'setBudget',
			platform: c.group.platform,
			accountId: c.group.accountId,
			level: c.group.level,
			entityId: c.group.entityId,
			entityName: c.group.entityName,
			params: { budgetType: 'daily', amount, currency, currentAmount: c.current },
			reason:
				`${changePct > 0 ? 'Raise' : 'Lower'} daily budget ${c.current.toFixed(2)} → ${amount.toFixed(2)} ${currency} (${changePct > 0 ? '+' : ''}${round(changePct, 1)} %): ` +
				`shrunk ${label} ${round(shrunk, 4)} vs pooled ${round(shrink.pooled, 4)}` +
				(capped ? (allocation.floorOverridesCap[i] ? ' (held at the floor)' : ` (limited by the ±${o.maxChangePercent} % cap or the floor)`) : ''),
			evidence,
			source: { type: 'analytics', operation: OPERATION },
			identity: { kind: 'setBudget', platform: c.group.platform, accountId: c.group.accountId, level: c.group.level, entityId: c.group.entityId, amount, currency, day: dateOf(lastDay), source: OPERATION },
			decidedAt,
		});
		out.push({ json: action as unknown as IDataObject, items: c.group.itemIndexes });
	});
	const allocatedMinor = allocation.amounts.reduce((a, b) => a + b, 0);
	const problem = allocation.problem === null ? null : `${allocation.problem} (minor units of ${currency}); allocated ${allocatedMinor / factor} instead of ${totalBudget}`;
	out.push({
		json: {
			operation: OPERATION,
			summary: true,
			message: reallocationMessage({
				currency,
				totalBudget,
				totalSource,
				basisLabel: label,
				window: windowLabel,
				feasible: allocation.feasible,
				problem,
				allocations: allocations as unknown as MessageAllocation[],
				skipped: skippedList.length,
			}),
			currency,
			totalBudget,
			totalSource,
			allocated: allocatedMinor / factor,
			feasible: allocation.feasible,
			problem,
			basis: o.basis,
			window: windowLabel,
			shrinkage: {
				method: shrink.method,
				pooled: round(shrink.pooled, 6),
				priorSpend: Number.isFinite(shrink.priorSpend) ? round(shrink.priorSpend, 2) : null,
				...(Number.isFinite(shrink.priorSpend) ? {} : { note: 'no detectable difference between entities beyond noise: every entity is scored at the pooled value' }),
				sigma2: round(shrink.sigma2, 6),
				tau2: round(shrink.tau2, 6),
			},
			maxChangePercent: o.maxChangePercent,
			floor: o.floor,
			explorationShare: o.explorationShare,
			actions: out.length,
			allocations,
			skipped: skippedList,
		},
		items: allItems,
	});
	return out;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return reallocateBudget(rows, readOptions(ctx));
	},
};
