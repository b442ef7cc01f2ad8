/**
 * The frame every decision node (Ads Rules, Ads Analytics, Ads AI) shares:
 * read the input items as metric rows, turn invalid ones into a stop naming
 * the item or (Continue On Fail) an error item, pair outputs with the rows
 * they came from, and build actions with `makeAction`.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type IPairedItemData } from 'n8n-workflow';

import type { IndexedRow } from '../analysis/entities';
import { parseMetricRow } from '../contracts/validate';

export { makeAction, type ActionDraft } from '../contracts/makeAction';

/** A valid metric row, its item index and the item as received (for fields the contract does not carry, e.g. a variant label). */
export interface InputRow extends IndexedRow {
	json: IDataObject;
}

export interface RowProblem {
	itemIndex: number;
	problems: string[];
}

/** Parses every item; bad items are returned with their problems instead of being dropped silently. */
export function parseRows(jsons: readonly IDataObject[]): { rows: InputRow[]; invalid: RowProblem[] } {
	const rows: InputRow[] = [];
	const invalid: RowProblem[] = [];
	for (let i = 0; i < jsons.length; i++) {
		const parsed = parseMetricRow(jsons[i]);
		if (parsed.ok) rows.push({ row: parsed.value, itemIndex: i, json: jsons[i] });
		else invalid.push({ itemIndex: i, problems: parsed.problems });
	}
	return { rows, invalid };
}

export interface MetricRowsRead {
	rows: InputRow[];
	/** Under Continue On Fail: one error item per invalid row, paired with it. */
	errorItems: INodeExecutionData[];
	invalid: RowProblem[];
}

/**
 * Reads the node's input as metric rows. An invalid row stops the node with an
 * error naming the item and the field, or under Continue On Fail becomes an
 * error item (`{ error, details: { itemIndex, problems } }`) while the rest go on.
 * `description` tells the user where valid rows come from.
 */
export function readMetricRows(ctx: IExecuteFunctions, description: string): MetricRowsRead {
	const { rows, invalid } = parseRows(ctx.getInputData().map((item) => item.json));
	const errorItems: INodeExecutionData[] = [];
	for (const bad of invalid) {
		const message = `Item ${bad.itemIndex} is not a valid metric row: ${bad.problems.join('; ')}`;
		if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex: bad.itemIndex, description });
		errorItems.push({ json: { error: message, details: { itemIndex: bad.itemIndex, problems: bad.problems } }, pairedItem: { item: bad.itemIndex } });
	}
	return { rows, errorItems, invalid };
}

/** pairedItem for an output made from these input items: one item as `{ item }`, several as a list. */
export function pairedWith(itemIndexes: readonly number[]): IPairedItemData | IPairedItemData[] {
	return itemIndexes.length === 1 ? { item: itemIndexes[0] } : itemIndexes.map((item) => ({ item }));
}
