/**
 * Reallocate Budget's output: one `setBudget` action per entity whose budget
 * changes enough, each with its evidence, then a summary item (allocations,
 * skips, the shrinkage and a ready-to-post message).
 */
import type { IDataObject } from 'n8n-workflow';

import { dateOf, round } from '../../../shared/analysis';
import type { Evidence } from '../../../shared/contracts/action';
import { makeAction } from '../../../shared/n8n/decisionNode';
import type { AnalyticsResult } from '../types';
import type { Candidate, Reallocation, ReallocationInput } from './compute';
import { OPERATION, type ReallocateOptions } from './description';
import { reallocationMessage, type MessageAllocation } from './message';

const basisLabel = (o: ReallocateOptions) => (o.basis === 'roas' ? 'ROAS' : 'conversions per spend (1 / CPA)');

/** Nothing could be allocated: the same summary shape, so a template's message step still has its fields. */
export function emptySummary(input: ReallocationInput, o: ReallocateOptions, items: number[]): AnalyticsResult {
	const problem = 'no entity could be allocated';
	const message = `Budget reallocation: nothing to allocate. ${input.skipped.length} ${o.level === 'campaign' ? 'campaigns' : 'ad sets / ad groups'} skipped, none with a daily budget of its own (${input.skipped[0]?.reason ?? 'no rows'}).`;
	return { json: { operation: OPERATION, summary: true, message, currency: input.currency, totalBudget: o.totalBudget, totalSource: o.totalBudget > 0 ? 'fixed' : 'current', allocated: 0, feasible: false, problem, actions: 0, allocations: [], skipped: input.skipped }, items };
}

/** Candidate `i`'s line in the summary. */
function allocationEntry(r: Reallocation, o: ReallocateOptions, c: Candidate, i: number): IDataObject {
	const amount = r.allocation.amounts[i] / r.factor;
	const shrunk = r.shrink.shrunk[i];
	return {
		entityId: c.group.entityId,
		entityName: c.group.entityName,
		currentAmount: c.current,
		amount,
		changePercent: round(((amount - c.current) / c.current) * 100, 2),
		target: round(r.allocation.targets[i] / r.factor, 2),
		atBound: r.allocation.amounts[i] === r.allocation.upper[i] || r.allocation.amounts[i] === r.allocation.lower[i],
		floorOverridesCap: r.allocation.floorOverridesCap[i],
		spend: round(c.spend, 2),
		observed: round(r.shrink.observed[i], 6),
		shrunk: round(shrunk, 6),
		...(o.basis === 'cpa' ? { shrunkCpa: shrunk > 0 ? round(1 / shrunk, 2) : null } : {}),
	};
}

/** The compared values behind candidate `i`'s new budget. */
function evidenceOf(r: Reallocation, o: ReallocateOptions, c: Candidate, i: number, changePct: number): Evidence[] {
	const label = basisLabel(o);
	const shrunk = r.shrink.shrunk[i];
	const observed = r.shrink.observed[i];
	const pooled = r.shrink.pooled;
	const better = shrunk > pooled;
	return [
		{ label: `shrunk ${label} over ${r.window}`, left: round(shrunk, 6), operator: better ? '>' : '≤', right: round(pooled, 6), result: better },
		{ label: `observed ${label} over ${r.window}`, left: round(observed, 6), operator: 'vs pooled', right: round(pooled, 6), result: observed !== null && observed > pooled },
		{ label: 'spend over the window', left: round(c.spend, 2), operator: 'vs prior strength', right: Number.isFinite(r.shrink.priorSpend) ? round(r.shrink.priorSpend, 2) : 'infinite', result: c.spend >= r.shrink.priorSpend },
		{ label: 'change within cap (%)', left: round(Math.abs(changePct), 2), operator: '≤', right: o.maxChangePercent, result: Math.abs(changePct) <= o.maxChangePercent + 1e-9 },
	];
}

/** Candidate `i`'s setBudget action. */
function budgetAction(r: Reallocation, o: ReallocateOptions, c: Candidate, i: number, changePct: number, decidedAt: string): IDataObject {
	const amount = r.allocation.amounts[i] / r.factor;
	const { currency } = r;
	const capped = r.allocation.amounts[i] === r.allocation.upper[i] || r.allocation.amounts[i] === r.allocation.lower[i];
	const g = c.group;
	const action = makeAction({
		kind: 'setBudget',
		platform: g.platform,
		accountId: g.accountId,
		level: g.level,
		entityId: g.entityId,
		entityName: g.entityName,
		params: { budgetType: 'daily', amount, currency, currentAmount: c.current },
		reason:
			`${changePct > 0 ? 'Raise' : 'Lower'} daily budget ${c.current.toFixed(2)} → ${amount.toFixed(2)} ${currency} (${changePct > 0 ? '+' : ''}${round(changePct, 1)} %): ` +
			`shrunk ${basisLabel(o)} ${round(r.shrink.shrunk[i], 4)} vs pooled ${round(r.shrink.pooled, 4)}` +
			(capped ? (r.allocation.floorOverridesCap[i] ? ' (held at the floor)' : ` (limited by the ±${o.maxChangePercent} % cap or the floor)`) : ''),
		evidence: evidenceOf(r, o, c, i, changePct),
		source: { type: 'analytics', operation: OPERATION },
		identity: { kind: 'setBudget', platform: g.platform, accountId: g.accountId, level: g.level, entityId: g.entityId, amount, currency, day: dateOf(r.lastDay), source: OPERATION },
		decidedAt,
	});
	return action as unknown as IDataObject;
}

/** The summary item: totals, feasibility, shrinkage, every allocation and skip, and the message. */
function summary(r: Reallocation, o: ReallocateOptions, allocations: IDataObject[], actions: number, items: number[]): AnalyticsResult {
	const { currency, shrink } = r;
	const allocatedMinor = r.allocation.amounts.reduce((a, b) => a + b, 0);
	const problem = r.allocation.problem === null ? null : `${r.allocation.problem} (minor units of ${currency}); allocated ${allocatedMinor / r.factor} instead of ${r.totalBudget}`;
	const message = reallocationMessage({
		currency,
		totalBudget: r.totalBudget,
		totalSource: r.totalSource,
		basisLabel: basisLabel(o),
		window: r.window,
		feasible: r.allocation.feasible,
		problem,
		allocations: allocations as unknown as MessageAllocation[],
		skipped: r.skipped.length,
	});
	const json: IDataObject = {
		operation: OPERATION,
		summary: true,
		message,
		currency,
		totalBudget: r.totalBudget,
		totalSource: r.totalSource,
		allocated: allocatedMinor / r.factor,
		feasible: r.allocation.feasible,
		problem,
		basis: o.basis,
		window: r.window,
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
		actions,
		allocations,
		skipped: r.skipped,
	};
	return { json, items };
}

/** Actions for the budgets that change (by at least Minimum Change to Act), then the summary. */
export function reallocationItems(r: Reallocation, o: ReallocateOptions, decidedAt: string, items: number[]): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	const allocations: IDataObject[] = [];
	r.candidates.forEach((c, i) => {
		const entry = allocationEntry(r, o, c, i);
		allocations.push(entry);
		const amount = r.allocation.amounts[i] / r.factor;
		const changePct = ((amount - c.current) / c.current) * 100;
		const cents = Math.abs(r.allocation.amounts[i] - Math.round(c.current * r.factor));
		if (cents === 0 || Math.abs(changePct) < o.minChangePercent || amount <= 0) {
			entry.action = cents === 0 ? 'unchanged' : 'below minimum change';
			return;
		}
		entry.action = 'setBudget';
		out.push({ json: budgetAction(r, o, c, i, changePct, decidedAt), items: c.group.itemIndexes });
	});
	out.push(summary(r, o, allocations, out.length, items));
	return out;
}
