/**
 * Reallocate Budget: split a total daily budget across campaigns or ad sets
 * in proportion to their shrunk ROAS (or shrunk conversions per spend =
 * 1 / CPA), with an exploration share split equally, a per-step change cap
 * and a floor per entity. Amounts are whole minor units (cents) that sum
 * exactly to the total whenever the cap and floors allow; otherwise the
 * summary explains why. Emits one `setBudget` AdAction per changed entity and
 * a summary item.
 */
import type { InputRow } from '../../../shared/n8n/decisionNode';
import type { AnalyticsOperation, AnalyticsResult } from '../types';
import { allocate, reallocationInput } from './compute';
import { description, readOptions, type ReallocateOptions } from './description';
import { emptySummary, reallocationItems } from './output';

export { description, optionsProblem, readOptions, type ReallocateOptions } from './description';

export function reallocateBudget(rows: readonly InputRow[], o: ReallocateOptions, decidedAt = new Date().toISOString()): AnalyticsResult[] {
	const input = reallocationInput(rows, o);
	const items = rows.map((r) => r.itemIndex);
	if (input.candidates.length === 0) return [emptySummary(input, o, items)];
	return reallocationItems(allocate(input, o), o, decidedAt, items);
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return reallocateBudget(rows, readOptions(ctx));
	},
};
