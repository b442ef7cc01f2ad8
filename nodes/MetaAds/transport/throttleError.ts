import type { INode } from 'n8n-workflow';

import { GraphApiError } from './errors';

/** Meta wants a longer pause than the node allows: fail clearly, saying when access returns. */
export function throttleFailure(
	node: INode,
	cause: GraphApiError,
	regainSeconds: number,
	maxWaitMs: number,
	itemIndex?: number,
	now: () => number = Date.now,
): GraphApiError {
	const minutes = Math.ceil(regainSeconds / 60);
	const at = new Date(now() + regainSeconds * 1000).toISOString();
	const message = `Meta rate limit reached: access returns in about ${minutes} minute${minutes === 1 ? '' : 's'} (around ${at})`;
	const description =
		`Meta asked to wait ${regainSeconds} s, more than the allowed ${Math.round(maxWaitMs / 1000)} s. ` +
		`Run again after ${at}, or raise "Max Rate Limit Wait" in the node options. ${cause.description ?? ''}`.trim();
	return new GraphApiError(node, { ...cause.graph }, message, description, itemIndex);
}
