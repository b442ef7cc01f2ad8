import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { toItemError } from './errors';
import type { ItemOutcome, OperationModule, OperationResult, ResourceOperations } from './operation';

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value;
}

/** Turns an operation's result into output items paired with their input item. */
export function toPairedItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/**
 * An error as an n8n item, for Continue On Fail. Only the keys n8n recognises
 * (error, message, details) so that "On Error → Continue (using error output)"
 * routes the item to the error branch. Never includes request options (they may hold tokens).
 */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: string }).description;
	return {
		json: { error: error.message, ...(description ? { details: description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** Makes sure an error knows its item, so n8n shows which input failed (the kits' one idiom: see errors.ts). */
export function withItemIndex(ctx: IExecuteFunctions, error: Error, itemIndex: number): Error {
	return toItemError(ctx, error, itemIndex);
}

/**
 * Runs the selected operation over every input item. A failing item either
 * stops the node (naming the item) or, under Continue On Fail, becomes an
 * error item while the others go on.
 */
export async function routeOperation(
	ctx: IExecuteFunctions,
	resources: Record<string, ResourceOperations>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const module: OperationModule | undefined = resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const outcomes: ItemOutcome[] = module.executeBatch
		? await module.executeBatch.call(ctx, items.map((_, i) => i))
		: await runEachItem(ctx, module, items.length);

	const output: INodeExecutionData[] = [];
	for (const outcome of outcomes) {
		if ('error' in outcome) {
			const error = withItemIndex(ctx, outcome.error, outcome.itemIndex);
			if (!ctx.continueOnFail()) throw error;
			output.push(errorItem(error, outcome.itemIndex));
		} else {
			// A loop, not push(...spread): one insights item can yield 100,000s of rows.
			for (const item of toPairedItems(outcome.result, outcome.itemIndex)) output.push(item);
		}
	}
	return [output];
}

async function runEachItem(ctx: IExecuteFunctions, module: OperationModule, count: number): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			outcomes.push({ itemIndex, result: await module.execute!.call(ctx, itemIndex) });
		} catch (error) {
			const itemError = withItemIndex(ctx, error as Error, itemIndex);
			// Stop at the first failure unless the user wants the rest to go on.
			if (!ctx.continueOnFail()) throw itemError;
			outcomes.push({ itemIndex, error: itemError });
		}
	}
	return outcomes;
}
