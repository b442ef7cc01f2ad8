import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOutcome } from '../../../shared/n8n/operation';
import { graphBatch, type BatchResult, type BatchSubRequest } from '../../transport';

export type BatchRequest = Omit<BatchSubRequest, 'itemIndex'>;

/** One item's request and how to turn Meta's answer into its output. */
export interface PreparedItem {
	request: BatchRequest;
	toResult: (body: IDataObject) => IDataObject;
}

function parseBody(body: unknown): IDataObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return { body };
		}
	}
	return (body ?? {}) as IDataObject;
}

/**
 * Runs one write per item through Graph batch calls (up to 50 items per HTTP call)
 * and maps every answer back to its item. Bad input is caught per item before
 * anything is sent; without Continue On Fail the first bad item stops the run
 * before any write happens.
 */
export async function runBatched(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	prepare: (itemIndex: number) => PreparedItem,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	const ready: Array<{ itemIndex: number; prepared: PreparedItem }> = [];
	for (const itemIndex of itemIndexes) {
		let failure: Error | undefined;
		try {
			ready.push({ itemIndex, prepared: prepare(itemIndex) });
		} catch (error) {
			failure = error as Error;
		}
		if (!failure) continue;
		if (!ctx.continueOnFail()) throw failure;
		outcomes.push({ itemIndex, error: failure });
	}

	if (ready.length === 0) return outcomes;
	let answers: BatchResult[] = [];
	let failure: Error | undefined;
	try {
		// graphBatch splits into calls of 50 and retries transient sub-failures alone.
		answers = await graphBatch(
			ctx,
			ready.map((entry) => ({ ...entry.prepared.request, itemIndex: entry.itemIndex })),
			{ itemIndex: ready[0].itemIndex },
		);
	} catch (error) {
		failure = error as Error;
	}
	if (failure) {
		// The whole call failed (e.g. expired token): every item in it failed the same way.
		if (!ctx.continueOnFail()) throw failure;
		for (const entry of ready) outcomes.push({ itemIndex: entry.itemIndex, error: failure });
		return outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
	}
	ready.forEach((entry, position) => {
		const answer = answers[position];
		if (!answer) {
			outcomes.push({ itemIndex: entry.itemIndex, error: new Error(`Meta returned no answer for item ${entry.itemIndex} in the batch`) });
		} else if (answer.ok) {
			outcomes.push({ itemIndex: entry.itemIndex, result: entry.prepared.toResult(parseBody(answer.body)) });
		} else {
			outcomes.push({ itemIndex: entry.itemIndex, error: answer.error });
		}
	});
	return outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
}
