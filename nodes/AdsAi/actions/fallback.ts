/**
 * The fallback when the model fails: the actions that arrived on the second
 * input (typically Ads Rules), passed through only if they satisfy the
 * action contract, or no action. Either way the whole AI answer is discarded.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parseAction } from '../../shared/contracts';

export type FallbackMode = 'rulesInput' | 'none';

export interface FallbackResult {
	items: INodeExecutionData[];
	invalid: Array<{ itemIndex: number; problems: string[] }>;
}

/** Items of the second input (empty when nothing is connected there). */
function secondInput(ctx: IExecuteFunctions): INodeExecutionData[] {
	try {
		return ctx.getInputData(1) ?? [];
	} catch {
		return [];
	}
}

export function fallbackActions(ctx: IExecuteFunctions, mode: FallbackMode): FallbackResult {
	const result: FallbackResult = { items: [], invalid: [] };
	if (mode === 'none') return result;
	secondInput(ctx).forEach((item, itemIndex) => {
		if (item.json.summary === true) return; // a decision node's own summary item
		const parsed = parseAction(item.json);
		if (parsed.ok) result.items.push({ json: { ...item.json }, pairedItem: { item: itemIndex, input: 1 } });
		else result.invalid.push({ itemIndex, problems: parsed.problems });
	});
	return result;
}
