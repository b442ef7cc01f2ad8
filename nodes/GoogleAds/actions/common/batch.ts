import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOutcome } from '../../../shared/n8n/operation';
import {
	getGoogleAdsErrors,
	mutate,
	type GoogleAdsErrorDetail,
	type MutateOutcome,
	type MutateRequest,
	type MutateResource,
} from '../../transport';
import { operationError, toItemError } from './errors';
import { readMutateOptions, type MutateOptions } from './options';

/** What one input item wants mutated, and how to report it. */
export interface ItemMutation {
	customerId: string;
	resource: MutateResource;
	operations: IDataObject[];
	/** The output item, from this item's results (all null under Validate Only). */
	output: (results: Array<IDataObject | null>, validateOnly: boolean) => IDataObject;
	/**
	 * A second try after Google rejected this item (e.g. with policy exemption
	 * keys added). Returns undefined when the errors cannot be fixed that way.
	 */
	retry?: (errors: GoogleAdsErrorDetail[]) => { operations: IDataObject[]; note: IDataObject } | undefined;
}

interface Entry {
	itemIndex: number;
	mutation: ItemMutation;
	operations: IDataObject[];
	note?: IDataObject;
	retried: boolean;
}

type Outcomes = Map<number, ItemOutcome>;

/** The call that carries a group; `mutate` unless an endpoint has its own verb (recommendations:apply). */
export type Sender = (ctx: IExecuteFunctions, customerId: string, req: MutateRequest) => Promise<MutateOutcome>;

export interface BatchSettings {
	send?: Sender;
}

function errorsIn(details: GoogleAdsErrorDetail[], start: number, end: number): GoogleAdsErrorDetail[] {
	return details.filter((d) => d.operationIndex !== undefined && d.operationIndex >= start && d.operationIndex < end);
}

/** Offsets of each entry's operations in the combined request. */
function ranges(entries: Entry[]): Array<[number, number]> {
	let offset = 0;
	return entries.map((e) => {
		const range: [number, number] = [offset, offset + e.operations.length];
		offset += e.operations.length;
		return range;
	});
}

/** Replaces an entry's operations with its retry, if it has one and has not retried yet. */
function prepareRetry(entry: Entry, errors: GoogleAdsErrorDetail[]): boolean {
	if (entry.retried || !entry.mutation.retry) return false;
	const next = entry.mutation.retry(errors);
	if (!next) return false;
	entry.operations = next.operations;
	entry.note = next.note;
	entry.retried = true;
	return true;
}

function success(entry: Entry, results: Array<IDataObject | null>, validateOnly: boolean): ItemOutcome {
	return { itemIndex: entry.itemIndex, result: { ...entry.mutation.output(results, validateOnly), ...(entry.note ?? {}) } };
}

/** One mutate call for entries that share customer, resource and options. */
async function sendGroup(
	ctx: IExecuteFunctions,
	entries: Entry[],
	options: MutateOptions,
	outcomes: Outcomes,
	send: Sender,
): Promise<void> {
	const { customerId, resource } = entries[0].mutation;
	const spans = ranges(entries);
	let answer;
	try {
		answer = await send(ctx, customerId, {
			resource,
			operations: entries.flatMap((e) => e.operations),
			validateOnly: options.validateOnly,
			partialFailure: options.partialFailure,
			itemIndex: entries[0].itemIndex,
		});
	} catch (error) {
		await handleAtomicFailure(ctx, entries, spans, options, error, outcomes, send);
		return;
	}
	const retry: Entry[] = [];
	entries.forEach((entry, i) => {
		const [start, end] = spans[i];
		const errors = answer.operationErrors.filter((e) => e.operationIndex >= start && e.operationIndex < end).map((e) => e.error);
		if (errors.length === 0) {
			outcomes.set(entry.itemIndex, success(entry, answer.results.slice(start, end), options.validateOnly));
		} else if (prepareRetry(entry, errors)) {
			retry.push(entry);
		} else {
			outcomes.set(entry.itemIndex, { itemIndex: entry.itemIndex, error: operationError(ctx, errors, entry.itemIndex) });
		}
	});
	if (retry.length) await sendGroup(ctx, retry, options, outcomes, send);
}

/**
 * Without Partial Failure the whole request fails and nothing is applied.
 * Errors that name an operation go to their item; the other items are told
 * they were not applied because of them. If every failing item can retry
 * (exemptions), the whole group is sent once more.
 */
async function handleAtomicFailure(
	ctx: IExecuteFunctions,
	entries: Entry[],
	spans: Array<[number, number]>,
	options: MutateOptions,
	error: unknown,
	outcomes: Outcomes,
	send: Sender,
): Promise<void> {
	const details = getGoogleAdsErrors(error);
	const perEntry = entries.map((_, i) => errorsIn(details, spans[i][0], spans[i][1]));
	const failing = entries.filter((_, i) => perEntry[i].length > 0);
	if (failing.length === 0) {
		// Not tied to an operation (auth, quota, network): every item shares the error.
		for (const entry of entries) {
			const itemError = details.length
				? operationError(ctx, details, entry.itemIndex)
				: toItemError(ctx, new NodeOperationError(ctx.getNode(), (error as Error).message, {
					description: (error as { description?: string }).description ?? undefined,
				}), entry.itemIndex);
			outcomes.set(entry.itemIndex, { itemIndex: entry.itemIndex, error: itemError });
		}
		return;
	}
	const canRetry = entries.every((entry, i) => perEntry[i].length === 0 || (!entry.retried && !!entry.mutation.retry?.(perEntry[i])));
	if (canRetry) {
		entries.forEach((entry, i) => {
			if (perEntry[i].length) prepareRetry(entry, perEntry[i]);
		});
		await sendGroup(ctx, entries, options, outcomes, send);
		return;
	}
	const failed = failing.map((e) => e.itemIndex).join(', ');
	entries.forEach((entry, i) => {
		const itemError = perEntry[i].length
			? operationError(ctx, perEntry[i], entry.itemIndex)
			: new NodeOperationError(ctx.getNode(), `Item ${entry.itemIndex} was not applied: item(s) ${failed} failed and Partial Failure is off`, {
				itemIndex: entry.itemIndex,
				description: 'Without Partial Failure a batch is all-or-nothing. Fix the failing items or turn Partial Failure on.',
			});
		outcomes.set(entry.itemIndex, { itemIndex: entry.itemIndex, error: itemError });
	});
}

/**
 * Runs a mutation operation over many items with as few calls as possible:
 * items are grouped by customer, resource and options, and each group is ONE
 * mutate request. Bad input fails only its own item; Google's per-operation
 * errors go back to the item that sent the operation.
 */
export async function runMutateBatch(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	plan: (itemIndex: number) => ItemMutation | Promise<ItemMutation>,
	{ send = mutate }: BatchSettings = {},
): Promise<ItemOutcome[]> {
	const outcomes: Outcomes = new Map();
	const groups = new Map<string, { options: MutateOptions; entries: Entry[] }>();
	for (const itemIndex of itemIndexes) {
		try {
			const mutation = await plan(itemIndex);
			const options = readMutateOptions(ctx, itemIndex);
			if (mutation.operations.length === 0) {
				outcomes.set(itemIndex, { itemIndex, result: mutation.output([], options.validateOnly) });
				continue;
			}
			const key = JSON.stringify([mutation.customerId, mutation.resource, options.validateOnly, options.partialFailure]);
			const group = groups.get(key) ?? { options, entries: [] };
			group.entries.push({ itemIndex, mutation, operations: mutation.operations, retried: false });
			groups.set(key, group);
		} catch (error) {
			outcomes.set(itemIndex, { itemIndex, error: toItemError(ctx, error, itemIndex) });
		}
	}
	for (const { options, entries } of groups.values()) await sendGroup(ctx, entries, options, outcomes, send);
	return itemIndexes.map((i) => outcomes.get(i)).filter((o): o is ItemOutcome => o !== undefined);
}

/** Runs a per-item planner and collects outcomes, for operations that need one call per item. */
export async function runPerItem(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.push({ itemIndex, result: await run(itemIndex) });
		} catch (error) {
			outcomes.push({ itemIndex, error: toItemError(ctx, error, itemIndex) });
		}
	}
	return outcomes;
}
