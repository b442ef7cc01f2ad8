import type { INode } from 'n8n-workflow';

import { GraphApiError, type GraphErrorInfo } from './errors';

/** Meta blocks an ad set's budget changes for an hour after the 4th change in an hour. */
const BLOCK_MINUTES = 60;
const BUDGET_FIELDS = ['daily_budget', 'lifetime_budget'];

function setsBudget(body: unknown): boolean {
	if (body === undefined || body === null) return false;
	if (body instanceof URLSearchParams) return BUDGET_FIELDS.some((field) => body.has(field));
	if (typeof body === 'string') return BUDGET_FIELDS.some((field) => new RegExp(`(^|&)${field}=`).test(body));
	if (typeof body === 'object' && !Buffer.isBuffer(body)) return BUDGET_FIELDS.some((field) => field in body);
	return false;
}

/**
 * The per-ad-set budget change limit (4 per hour). Meta answers it with the
 * same code 17 "User request limit reached" (subcode 2446079) as its
 * per-minute call throttle and says to tell them apart by the endpoint, so
 * we look at the request too: code 17 on a request that sets a budget, or
 * Meta's own text naming the budget. Backing off for minutes cannot help
 * here, so the transport fails at once instead of retrying.
 */
export function isBudgetChangeLimit(info: GraphErrorInfo, requestBody: unknown): boolean {
	if (info.code !== 17) return false;
	if (setsBudget(requestBody)) return true;
	return /budget/i.test(`${info.userTitle ?? ''} ${info.userMessage ?? ''} ${info.metaMessage}`);
}

/** Meta's "try again in about N minutes" when it says so, else the whole hour the block may last. */
function blockedMinutes(info: GraphErrorInfo): number {
	const match = /in about (\d+) minute/i.exec(`${info.userMessage ?? ''} ${info.metaMessage}`);
	const minutes = match ? Number(match[1]) : NaN;
	return Number.isFinite(minutes) && minutes > 0 && minutes <= BLOCK_MINUTES ? minutes : BLOCK_MINUTES;
}

export function budgetChangeLimitFailure(node: INode, cause: GraphApiError, itemIndex?: number, now: () => number = Date.now): GraphApiError {
	const minutes = blockedMinutes(cause.graph);
	const at = new Date(now() + minutes * 60_000).toISOString();
	const message = `Meta blocked this budget change: an ad set's budget may change at most 4 times per hour. Retry after ${at} (in about ${minutes} minutes)`;
	const said = cause.graph.userMessage ? `Meta said: ${cause.graph.userMessage} ` : '';
	const description =
		'Meta blocks further budget changes on this ad set for up to an hour, so the node did not retry. ' +
		`Other changes (name, status) still work. ${said}${cause.description ?? ''}`.trim();
	// Not transient: a retry before that time fails the same way.
	return new GraphApiError(node, { ...cause.graph, isTransient: false }, message, description, itemIndex);
}
