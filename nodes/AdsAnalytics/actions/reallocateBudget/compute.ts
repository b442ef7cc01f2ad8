/**
 * Reallocate Budget's computation, pure: which entities can move money, how
 * they performed over the window (shrunk toward the pool), and the new split
 * in whole minor units.
 */
import type { IDataObject } from 'n8n-workflow';

import { dateOf, dayNumber, groupByEntity, type EntityGroup } from '../../../shared/analysis';
import { minorDigits } from '../../../shared/money';
import type { InputRow } from '../../../shared/n8n/decisionNode';
import { allocateBudget, type Allocation } from '../../stats/allocation';
import { shrinkYields, type ShrinkageResult, type YieldEntity } from '../../stats/shrinkage';
import { AnalyticsInputError } from '../types';
import type { ReallocateOptions } from './description';

export interface Candidate {
	group: EntityGroup;
	current: number;
	spend: number;
	yieldTotal: number;
	value: number;
	conversions: number;
	daily: Array<{ spend: number; yield: number }>;
}

/** What the entities are and did: everything the output needs before any allocation. */
export interface ReallocationInput {
	currency: string;
	lastDay: number;
	/** e.g. "last 7 days to 2025-03-10". */
	window: string;
	candidates: Candidate[];
	skipped: IDataObject[];
}

export interface Reallocation extends ReallocationInput {
	/** Minor units per major unit of `currency`. */
	factor: number;
	totalBudget: number;
	totalSource: 'fixed' | 'current';
	shrink: ShrinkageResult;
	allocation: Allocation;
}

/** The rows' currency (or the chosen one); rows in another currency stop the run, naming the item. */
function commonCurrency(groups: EntityGroup[], chosen: string): string {
	let currency = chosen;
	for (const g of groups) {
		for (const r of g.rows) {
			if (currency === '') currency = r.row.currency;
			else if (r.row.currency !== currency) {
				throw new AnalyticsInputError(`Item ${r.itemIndex}: currency ${r.row.currency} differs from ${currency}; reallocate one currency at a time`, r.itemIndex);
			}
		}
	}
	return currency;
}

/** The entity's current daily budget: Current Budgets (JSON), else the latest row that carries one. */
function currentBudget(g: EntityGroup, o: ReallocateOptions): number | null {
	let current: number | null = typeof o.currentBudgets[g.entityId] === 'number' ? o.currentBudgets[g.entityId] : null;
	if (current !== null) return current;
	let at = -Infinity;
	for (const r of g.rows) {
		const b = r.row.attributes?.dailyBudget;
		const d = dayNumber(r.row.date);
		if (typeof b === 'number' && Number.isFinite(b) && d >= at) {
			current = b;
			at = d;
		}
	}
	return current;
}

/** Spend and yield over the window, in total and per day (for the shrinkage's noise estimate). */
function candidateOf(g: EntityGroup, current: number, o: ReallocateOptions, fromDay: number): Candidate {
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
	return { group: g, current, spend, value, conversions, yieldTotal: o.basis === 'roas' ? value : conversions, daily: [...byDay.values()] };
}

/** Groups the rows of the chosen level and sorts entities into candidates and named skips. */
export function reallocationInput(rows: readonly InputRow[], o: ReallocateOptions): ReallocationInput {
	const groups = groupByEntity(rows, o.level);
	if (groups.length === 0) throw new AnalyticsInputError(`No rows at level "${o.level}" in the input; choose the level your rows have`, rows[0]?.itemIndex ?? 0);
	let lastDay = -Infinity;
	for (const g of groups) for (const r of g.rows) lastDay = Math.max(lastDay, dayNumber(r.row.date));
	const fromDay = o.windowDays > 0 ? lastDay - o.windowDays + 1 : -Infinity;
	const currency = commonCurrency(groups, o.currency);

	const skipped: IDataObject[] = [];
	const candidates: Candidate[] = [];
	for (const g of groups) {
		const skip = (reason: string) => skipped.push({ entityId: g.entityId, entityName: g.entityName, platform: g.platform, skipped: true, reason });
		if (g.platform !== 'meta' && g.platform !== 'google') {
			skip(`platform "${g.platform}" cannot receive a budget action (meta or google only)`);
			continue;
		}
		const current = currentBudget(g, o);
		if (current === null || !(current > 0)) {
			skip(current === null ? 'no current daily budget (attributes.dailyBudget or Current Budgets JSON)' : `current daily budget is ${current}; it may use a shared or campaign budget`);
			continue;
		}
		candidates.push(candidateOf(g, current, o, fromDay));
	}
	const window = o.windowDays > 0 ? `last ${o.windowDays} days to ${dateOf(lastDay)}` : `all rows to ${dateOf(lastDay)}`;
	return { currency, lastDay, window, candidates, skipped };
}

/** Shrinks each candidate's yield and splits the total (fixed, or 0 = the current total) in minor units. */
export function allocate(input: ReallocationInput, o: ReallocateOptions): Reallocation {
	const { candidates } = input;
	const shrink = shrinkYields(
		candidates.map((c): YieldEntity => ({ spend: c.spend, yield: c.yieldTotal, daily: c.daily })),
		o.priorSpend,
	);
	const factor = 10 ** minorDigits(input.currency);
	const toMinor = (x: number) => Math.round(x * factor);
	// 0 = rebalance the money already budgeted, the usual ask ("same spend, better split").
	const totalSource = o.totalBudget > 0 ? 'fixed' : 'current';
	const totalBudget = o.totalBudget > 0 ? o.totalBudget : candidates.reduce((sum, c) => sum + toMinor(c.current), 0) / factor;
	const allocation = allocateBudget(
		candidates.map((c, i) => ({ current: c.current * factor, score: shrink.shrunk[i] })),
		{ total: toMinor(totalBudget), cap: o.maxChangePercent / 100, floor: o.floor * factor, exploration: o.explorationShare },
	);
	return { ...input, factor, totalBudget, totalSource, shrink, allocation };
}
