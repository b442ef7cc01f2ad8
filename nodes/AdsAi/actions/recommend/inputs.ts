/** Reading Recommend Changes' inputs: metric rows, analytics annotations, recent actions. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { parseMetricRow, type MetricRow } from '../../../shared/contracts';
import { getJsonParameter } from '../../../shared/n8n/parameters';
import { isAnalyticsItem } from '../../prompt/aggregates';
import { untrustedText } from '../../prompt/untrusted';

export interface ReadRows {
	rows: Array<{ row: MetricRow; itemIndex: number }>;
	analytics: IDataObject[];
	errors: INodeExecutionData[];
}

/** Metric rows and analytics items; a bad item stops the node or, under Continue On Fail, becomes an error item. */
export function readRows(ctx: IExecuteFunctions, items: readonly INodeExecutionData[]): ReadRows {
	const out: ReadRows = { rows: [], analytics: [], errors: [] };
	items.forEach((item, itemIndex) => {
		if (isAnalyticsItem(item.json)) {
			out.analytics.push(item.json);
			return;
		}
		const parsed = parseMetricRow(item.json);
		if (parsed.ok) {
			out.rows.push({ row: parsed.value, itemIndex });
			return;
		}
		const error = new NodeOperationError(ctx.getNode(), `Item ${itemIndex} is not a valid metric row: ${parsed.problems.join('; ')}`, {
			itemIndex,
			description: 'Each input item must be an AdPilot metric row (adpilot.metricRow/v1) or an Ads Analytics score/anomaly item.',
		});
		if (!ctx.continueOnFail()) throw error;
		out.errors.push({ json: { error: error.message, problems: parsed.problems }, pairedItem: { item: itemIndex } });
	});
	return out;
}

export interface RecentActions {
	forPrompt: Record<string, unknown>[];
	keys: Set<string>;
}

const MAX_RECENT = 40;

/** Recent actions or audit rows: compact for the prompt, keyed for the repeat check. */
export function readRecentActions(ctx: IExecuteFunctions): RecentActions {
	const raw = getJsonParameter<unknown>(ctx, 'recentActions', 0, 'Recent Actions (JSON)');
	const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Object.keys(raw).length > 0 ? [raw] : [];
	const out: RecentActions = { forPrompt: [], keys: new Set() };
	for (const entry of list.slice(-MAX_RECENT)) {
		if (typeof entry !== 'object' || entry === null) continue;
		const e = entry as IDataObject;
		const entityId = e.entityId === undefined ? null : String(e.entityId);
		const kind = typeof e.kind === 'string' ? e.kind : null;
		if (entityId === null || kind === null) continue;
		out.keys.add(`${entityId}|${kind}`);
		const params = (typeof e.params === 'object' && e.params !== null ? e.params : {}) as IDataObject;
		out.forPrompt.push({
			entityId,
			kind,
			when: untrustedText(e.appliedAt ?? e.decidedAt ?? e.date ?? '', 30) || null,
			percent: typeof params.percent === 'number' ? params.percent : null,
			amount: typeof params.amount === 'number' ? params.amount : null,
			status: typeof e.status === 'string' ? untrustedText(e.status, 20) : null,
		});
	}
	return out;
}
