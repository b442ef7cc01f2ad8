import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, withItemIndex } from '../../shared/n8n/router';

/** Runs `fn` for every input item: a failing item stops the node, or under Continue On Fail becomes an error item. */
export async function eachItem(ctx: IExecuteFunctions, fn: (itemIndex: number) => Promise<INodeExecutionData[]>): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			for (const item of await fn(itemIndex)) output.push({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } });
		} catch (error) {
			const itemError = withItemIndex(ctx, error as Error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	}
	return output;
}

export function splitWords(raw: unknown): string[] {
	return String(raw ?? '')
		.split(/[,\n]/)
		.map((w) => w.trim())
		.filter(Boolean);
}
