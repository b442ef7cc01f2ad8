import type { IExecuteFunctions } from 'n8n-workflow';

import type { InsightsClient } from './clientTypes';
import type { DetailsClient } from './entityDetails';
import { graphBatch, graphPages, graphRequest, type TransportOptions } from '../../transport';

/** The insights logic's two calls, sent through the Meta transport (retries, throttling, page halving). */
export function transportClient(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: TransportOptions | undefined,
	apiVersion?: number,
): InsightsClient {
	return {
		apiVersion,
		request: async (req) => await graphRequest(ctx, { ...req, itemIndex, options }),
		pages: (req) => graphPages(ctx, { path: req.path, qs: req.qs, pageSize: req.pageSize, returnAll: true, itemIndex, options }),
	};
}

/** Entity details' calls: edge listing and by-id reads through the Batch API (50 per call). */
export function detailsClient(ctx: IExecuteFunctions, itemIndex: number, options: TransportOptions | undefined): DetailsClient {
	return {
		pages: transportClient(ctx, itemIndex, options).pages,
		getEach: async <T>(relativeUrls: string[]) => {
			const results = await graphBatch(ctx, relativeUrls.map((relativeUrl) => ({ method: 'GET' as const, relativeUrl })), { itemIndex, options });
			// One object Meta refuses (deleted, no permission) leaves its rows without details; the rest go on.
			return results.map((r) => (r.ok ? (r.body as T) : null));
		},
	};
}
