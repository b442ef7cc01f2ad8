import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { AsyncJobFailedError, AsyncJobTimeoutError, InsightsSplitError, isAsyncRequiredError } from './errors';
import { attachDetails, fetchEntityDetails } from './entityDetails';
import { fetchInsights } from './fetch';
import { createNormalizer } from './normalize';
import type { MetaInsightRow } from './types';
import type { MetricRow } from '../../../shared/contracts';
import { graphMajorVersion } from '../../transport';
import { detailsClient, transportClient } from './client';
import { getProperties } from './properties';
import { readInsightsRequest } from './readRequest';
import { insightsRuntime } from './runtime';

export const description: INodeProperties[] = getProperties;

/** Insight → Get: one normalized metric row per entity and period. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const request = readInsightsRequest(this, itemIndex, insightsRuntime.sleep);
	const client = transportClient(this, itemIndex, insightsRuntime.transport, await graphMajorVersion(this));
	// Normalized page by page as rows arrive, so raw Graph rows never pile up.
	const normalize = createNormalizer(request.normalize) as unknown as (row: MetaInsightRow) => IDataObject;
	let rows: IDataObject[];
	try {
		rows = (await fetchInsights(client, request.query, request.fetch, normalize)).rows;
	} catch (error) {
		throw explain(this, error as Error, itemIndex, request.fetch.mode);
	}
	const { level, objectId, objectType } = request.query;
	if (request.entityDetails && level !== 'account') {
		const metricRows = rows as unknown as MetricRow[];
		const details = await fetchEntityDetails(detailsClient(this, itemIndex, insightsRuntime.transport), {
			level,
			scopeId: objectId,
			scopeType: objectType,
			ids: new Set(metricRows.map((row) => row.entityId)),
		});
		attachDetails(metricRows, level, details);
	}
	return rows;
}

/** Turns the insights flow's own failures into n8n errors that name the item and say what to change. */
function explain(ctx: IExecuteFunctions, error: Error, itemIndex: number, mode: string): Error {
	const node = ctx.getNode();
	if (error instanceof AsyncJobTimeoutError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `Report run ${error.jobId} (item ${itemIndex}) is still running at Meta. Raise "Max Job Wait (Minutes)" or ask for a shorter period or a higher level.`,
		});
	}
	if (error instanceof AsyncJobFailedError || error instanceof InsightsSplitError) {
		return new NodeApiError(node, { message: error.message }, {
			itemIndex,
			message: error.message,
			description: `Meta could not build this insights report for item ${itemIndex}, even after retrying and splitting it. Try a shorter period, fewer breakdowns or a higher level.`,
		});
	}
	if (mode === 'sync' && isAsyncRequiredError(error)) {
		const withDescription = error as Error & { description?: string };
		withDescription.description = `${withDescription.description ?? ''} Meta timed out a synchronous request; set Options → Mode to Auto or Always Async.`.trim();
	}
	return error;
}
