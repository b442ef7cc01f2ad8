/**
 * Sorts the node's items: metric rows (first input) and context items —
 * forecast, anomalies, Apply audit items — on the second input, or mixed into
 * the first. An empty item (what "Always Output Data" sends when the metric
 * source found nothing) is skipped, so the report says "no data" instead of
 * failing. Anything else is a problem naming its input and item.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseRows, type InputRow } from '../../shared/n8n/decisionNode';
import { parseContextItem, type ContextItem } from '../report/context';

export interface InputProblem {
	/** 0 = metric rows input, 1 = context input. */
	input: number;
	itemIndex: number;
	message: string;
}

export interface SortedInputs {
	rows: InputRow[];
	context: ContextItem[];
	problems: InputProblem[];
	/** Every item that went into the report, for pairedItem. */
	used: Array<{ item: number; input: number }>;
}

const isEmpty = (json: IDataObject) => Object.keys(json).length === 0;

export function sortInputs(rowItems: INodeExecutionData[], contextItems: INodeExecutionData[]): SortedInputs {
	const out: SortedInputs = { rows: [], context: [], problems: [], used: [] };
	const { rows, invalid } = parseRows(rowItems.map((item) => item.json));
	out.rows = rows;
	for (const row of rows) out.used.push({ item: row.itemIndex, input: 0 });
	for (const bad of invalid) {
		const json = rowItems[bad.itemIndex].json;
		if (isEmpty(json)) continue;
		const context = json.schema === 'adpilot.metricRow/v1' ? null : parseContextItem(json);
		if (context !== null && typeof context !== 'string') {
			out.context.push(context);
			out.used.push({ item: bad.itemIndex, input: 0 });
			continue;
		}
		out.problems.push({ input: 0, itemIndex: bad.itemIndex, message: `Item ${bad.itemIndex} is not a valid metric row: ${bad.problems.join('; ')}` });
	}
	contextItems.forEach((item, itemIndex) => {
		if (isEmpty(item.json)) return;
		const context = parseContextItem(item.json);
		if (typeof context === 'string') {
			const hint = item.json.schema === 'adpilot.metricRow/v1' ? ' (metric rows go on the first input)' : '';
			out.problems.push({ input: 1, itemIndex, message: `Item ${itemIndex} of the second input: ${context}${hint}` });
			return;
		}
		out.context.push(context);
		out.used.push({ item: itemIndex, input: 1 });
	});
	out.used.sort((a, b) => a.input - b.input || a.item - b.item);
	return out;
}
