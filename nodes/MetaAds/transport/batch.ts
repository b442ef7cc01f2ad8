import type { IDataObject } from 'n8n-workflow';

import { backoffDelayMs, resolveOptions } from './backoff';
import { budgetChangeLimitFailure, isBudgetChangeLimit } from './budgetLimit';
import { graphErrorFromResponse, isRateLimitCode, isTransientGraphError } from './errors';
import { readMaxThrottleWaitMs } from './nodeOptions';
import { graphRequest } from './request';
import { throttleFailure } from './throttleError';
import type { BatchOptions, BatchResult, BatchSubRequest, MetaContext } from './types';
import { parseUsageHeaders } from './usage';

/** Meta's ceiling per batch call. */
export const BATCH_LIMIT = 50;

interface SubResponse {
	code?: number;
	headers?: Array<{ name: string; value: string }>;
	body?: string;
}

/** Batch bodies are form-encoded strings; structured values go as JSON text. */
export function encodeBatchBody(body: IDataObject | undefined): string | undefined {
	if (!body) return undefined;
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	return params.toString();
}

function toEntry(req: BatchSubRequest): IDataObject {
	const entry: IDataObject = { method: req.method, relative_url: req.relativeUrl.replace(/^\/+/, '') };
	const body = encodeBatchBody(req.body);
	if (body) entry.body = body;
	if (req.name) entry.name = req.name;
	return entry;
}

function headerObject(sub: SubResponse | null): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const header of sub?.headers ?? []) out[header.name.toLowerCase()] = header.value;
	return out;
}

function parseSubBody(raw: string | undefined): unknown {
	if (raw === undefined || raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/**
 * Runs sub-requests through the Batch API, 50 per call, and returns one
 * result per request in the same order. A failed sub-request does not fail
 * the others: transient failures are retried alone (with backoff), the rest
 * come back as `{ ok: false, error }` for the caller to map to its item.
 * Note: `name` lets a later request reference an earlier one's result; such
 * references break when only one side is retried, so prefer independent requests.
 */
export async function graphBatch(
	ctx: MetaContext,
	requests: BatchSubRequest[],
	opts: BatchOptions = {},
): Promise<BatchResult[]> {
	const resolved = resolveOptions(opts.options, readMaxThrottleWaitMs(ctx, opts.itemIndex));
	const results: Array<BatchResult | undefined> = new Array(requests.length).fill(undefined);
	let pending = requests.map((_, index) => index);

	for (let round = 0; pending.length > 0; round++) {
		const retry: number[] = [];
		let regainSeconds = 0;
		for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
			const chunk = pending.slice(start, start + BATCH_LIMIT);
			const responses = await graphRequest<Array<SubResponse | null>>(ctx, {
				method: 'POST',
				path: '/',
				body: { batch: JSON.stringify(chunk.map((i) => toEntry(requests[i]))), include_headers: true },
				itemIndex: opts.itemIndex,
				options: opts.options,
			});
			chunk.forEach((requestIndex, position) => {
				const sub = Array.isArray(responses) ? responses[position] : null;
				const itemIndex = requests[requestIndex].itemIndex ?? opts.itemIndex;
				const status = typeof sub?.code === 'number' ? sub.code : 0;
				const body = parseSubBody(sub?.body);
				const hasError = typeof body === 'object' && body !== null && 'error' in body;
				if (status >= 200 && status < 300 && !hasError) {
					results[requestIndex] = { ok: true, status, body };
					return;
				}
				// null means Meta did not run it in time (batch timeout): always worth another try.
				const error = sub
					? graphErrorFromResponse(ctx.getNode(), status, body, itemIndex)
					: graphErrorFromResponse(ctx.getNode(), 504, { error: { message: 'Meta did not complete this batch request in time', code: 960 } }, itemIndex);
				results[requestIndex] = { ok: false, error };
				// An ad set over its hourly budget changes stays blocked for up to an hour: report, never retry.
				if (isBudgetChangeLimit(error.graph, requests[requestIndex].body)) {
					results[requestIndex] = { ok: false, error: budgetChangeLimitFailure(ctx.getNode(), error, itemIndex) };
					return;
				}
				if (!isTransientGraphError(error.graph) || round >= resolved.maxRetries) return;
				const usage = parseUsageHeaders(headerObject(sub));
				if (isRateLimitCode(error.graph.code) && usage.regainSeconds * 1000 > resolved.maxThrottleWaitMs) {
					results[requestIndex] = { ok: false, error: throttleFailure(ctx.getNode(), error, usage.regainSeconds, resolved.maxThrottleWaitMs, itemIndex) };
					return;
				}
				if (isRateLimitCode(error.graph.code)) regainSeconds = Math.max(regainSeconds, usage.regainSeconds);
				retry.push(requestIndex);
			});
		}
		pending = retry;
		if (pending.length > 0) {
			await resolved.sleep(Math.max(regainSeconds * 1000, backoffDelayMs(round, resolved.random)));
		}
	}
	// Every index got a result in the first round; later rounds only overwrite.
	return results as BatchResult[];
}
