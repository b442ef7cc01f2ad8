import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { asNodeError, isGraphApiError, isReduceDataError } from './errors';
import { graphRequest } from './request';
import type { MetaContext, PaginateRequest } from './types';

interface GraphPage<T> {
	data?: T[];
	paging?: { cursors?: { after?: string }; next?: string };
}

// Query keys that move to the next page. Anything else in Meta's `next` URL
// (notably access_token) is ignored: we rebuild the request ourselves.
const PAGING_KEYS = ['after', 'offset', '__paging_token', 'until', 'since', '__after_id'];

/** The parameters that fetch the next page, or undefined on the last page. */
export function nextPageParams(paging: GraphPage<unknown>['paging']): IDataObject | undefined {
	if (!paging?.next) return undefined;
	if (paging.cursors?.after) return { after: paging.cursors.after };
	try {
		const url = new URL(paging.next);
		const params: IDataObject = {};
		for (const key of PAGING_KEYS) {
			const value = url.searchParams.get(key);
			if (value !== null) params[key] = value;
		}
		return Object.keys(params).length > 0 ? params : undefined;
	} catch {
		return undefined;
	}
}

function checkLimits(ctx: MetaContext, req: PaginateRequest): void {
	const bad = (what: string) =>
		new NodeOperationError(ctx.getNode(), what, { itemIndex: req.itemIndex, description: `Check the paging settings of item ${req.itemIndex ?? 0}` });
	if (!Number.isInteger(req.pageSize) || req.pageSize < 1) throw bad(`Page size must be a whole number of at least 1, got ${req.pageSize}`);
	if (!req.returnAll && (typeof req.limit !== 'number' || !Number.isFinite(req.limit) || req.limit < 1)) {
		throw bad(`Limit must be at least 1 when Return All is off, got ${String(req.limit)}`);
	}
}

/**
 * Yields pages of rows, following Meta's cursors. Stops at the last page or
 * once `limit` rows were yielded. When Meta answers "reduce the amount of
 * data", the page size is halved and the same cursor is asked again.
 */
export async function* graphPages<T = IDataObject>(ctx: MetaContext, req: PaginateRequest): AsyncGenerator<T[]> {
	checkLimits(ctx, req);
	let remaining = req.returnAll ? Infinity : Math.floor(req.limit!);
	let pageSize = req.pageSize;
	let cursor: IDataObject = {};
	const seen = new Set<string>();
	while (remaining > 0) {
		let page: GraphPage<T>;
		try {
			page = await graphRequest<GraphPage<T>>(ctx, {
				method: 'GET',
				path: req.path,
				qs: { ...(req.qs ?? {}), ...cursor, limit: Math.min(pageSize, remaining) },
				itemIndex: req.itemIndex,
				options: req.options,
			});
		} catch (error) {
			if (isGraphApiError(error) && isReduceDataError(error.graph) && pageSize > 1) {
				pageSize = Math.max(1, Math.floor(pageSize / 2));
				continue;
			}
			// graphRequest throws n8n errors, which pass unchanged; anything unexpected is wrapped.
			throw asNodeError(ctx.getNode(), error, req.itemIndex);
		}
		const rows = Array.isArray(page?.data) ? page.data : [];
		const kept = rows.length > remaining ? rows.slice(0, remaining) : rows;
		remaining -= kept.length;
		if (kept.length > 0) yield kept;
		const next = nextPageParams(page?.paging);
		if (!next || rows.length === 0) return;
		// A cursor we already followed would loop forever; Meta has been seen to repeat one.
		const key = JSON.stringify(next);
		if (seen.has(key)) return;
		seen.add(key);
		cursor = next;
	}
}

/** All rows (or the first `limit`) across pages. */
export async function graphPaginate<T = IDataObject>(ctx: MetaContext, req: PaginateRequest): Promise<T[]> {
	const all: T[] = [];
	for await (const page of graphPages<T>(ctx, req)) all.push(...page);
	return all;
}
