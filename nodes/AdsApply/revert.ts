/** Revert: audit items in, inverse actions out (first output), a count on the second. */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { revertAction } from './engine/revert';

export function runRevert(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const decidedAt = new Date().toISOString();
	const actions: INodeExecutionData[] = [];
	let skipped = 0;
	items.forEach((item, itemIndex) => {
		const result = revertAction(item.json, decidedAt);
		if (result.ok) {
			actions.push({ json: result.action as never, pairedItem: { item: itemIndex } });
			return;
		}
		if ('skip' in result) {
			skipped++;
			return;
		}
		const message = `Item ${itemIndex} is not an applied Ads Apply audit item: ${result.field}: ${result.message}`;
		if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
		actions.push({ json: { error: message, field: result.field, itemIndex }, pairedItem: { item: itemIndex } });
	});
	const summary = { schema: 'adpilot.revertSummary/v1', actions: actions.filter((a) => !('error' in a.json)).length, skipped, message: `Revert: ${actions.length} inverse action(s), ${skipped} item(s) not applied and skipped. Run them through Ads Apply (Plan, then Apply).` };
	return [actions, [{ json: summary, pairedItem: items.map((_, item) => ({ item })) }]];
}
