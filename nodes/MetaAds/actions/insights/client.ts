import type { IExecuteFunctions } from 'n8n-workflow';

import type { InsightsClient } from '../../insights/client';
import { graphPages, graphRequest, type TransportOptions } from '../../transport';

/** The insights logic's two calls, sent through the Meta transport (retries, throttling, page halving). */
export function transportClient(ctx: IExecuteFunctions, itemIndex: number, options: TransportOptions | undefined): InsightsClient {
	return {
		request: async (req) => await graphRequest(ctx, { ...req, itemIndex, options }),
		pages: (req) => graphPages(ctx, { path: req.path, qs: req.qs, pageSize: req.pageSize, returnAll: true, itemIndex, options }),
	};
}
