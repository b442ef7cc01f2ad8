import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { backoffDelayMs, resolveOptions, type ResolvedOptions } from './backoff';
import { budgetChangeLimitFailure, isBudgetChangeLimit } from './budgetLimit';
import {
	asNodeError,
	GraphApiError,
	graphErrorFromResponse,
	isRateLimitCode,
	isReduceDataError,
	isTransientGraphError,
	networkError,
} from './errors';
import { throttleFailure } from './throttleError';
import type { FullResponse, GraphRequest, MetaContext } from './types';
import { graphBaseUrl, joinPath, serializeQs } from './url';
import { parseUsageHeaders, slowdownMs } from './usage';
import { readMaxThrottleWaitMs } from './nodeOptions';

const CREDENTIAL_TYPE = 'adPilotMetaAdsApi';

// Connection failures worth another try; anything else (SSRF block, bad URL) is not.
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'ENOTFOUND', 'UND_ERR_SOCKET']);

/** Finds the HTTP answer inside an error thrown by n8n's request helper, if there was one. */
function responseFromError(error: unknown): FullResponse | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } })
			?.response;
		if (response && typeof response.status === 'number') {
			return { statusCode: response.status, body: response.data, headers: response.headers ?? {} };
		}
	}
	return undefined;
}

function errorCode(error: unknown): string | undefined {
	const direct = (error as { code?: unknown })?.code;
	const nested = (error as { cause?: { code?: unknown } })?.cause?.code;
	const code = typeof direct === 'string' ? direct : typeof nested === 'string' ? nested : undefined;
	return code;
}

/**
 * One HTTP exchange. Returns the full response even for error statuses, or
 * the failure to retry or report when there was no HTTP answer. Throws only
 * n8n's own errors (e.g. a credential problem), which no retry would fix.
 */
async function sendOnce(ctx: MetaContext, options: IHttpRequestOptions, itemIndex?: number): Promise<FullResponse | GraphApiError> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as FullResponse;
		return { statusCode: Number(response.statusCode), headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		const response = responseFromError(error);
		if (response) return response;
		// Not an HTTP answer. Credential problems etc. are already n8n errors without secrets.
		const code = errorCode(error);
		if (code === undefined && error instanceof Error && error.constructor.name === 'NodeOperationError') {
			throw asNodeError(ctx.getNode(), error, itemIndex);
		}
		const wrapped = networkError(ctx.getNode(), error, itemIndex);
		wrapped.graph.isTransient = code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
		return wrapped;
	}
}

function isSuccess(response: FullResponse): boolean {
	if (response.statusCode < 200 || response.statusCode >= 300) return false;
	// Graph sometimes reports errors with HTTP 200 (e.g. through proxies); trust the body.
	const body = response.body;
	return !(typeof body === 'object' && body !== null && 'error' in body && typeof (body as IDataObject).error === 'object');
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Sends one Graph request with retries, backoff and throttling.
 * - Transient failures (see isTransientGraphError) are retried with exponential backoff and jitter.
 * - When Meta announces how long until access returns, we wait that long if it is within
 *   maxThrottleWaitMs, otherwise fail at once saying when access returns.
 * - High usage in a successful response's headers slows the next call down.
 * - "Reduce the amount of data" is not retried here: the same request would fail again;
 *   graphPaginate halves the page instead.
 */
export async function graphRequest<T = unknown>(ctx: MetaContext, req: GraphRequest): Promise<T> {
	const opts = resolveOptions(req.options, readMaxThrottleWaitMs(ctx, req.itemIndex));
	const url = joinPath(await graphBaseUrl(ctx), req.path);
	const options: IHttpRequestOptions = {
		method: req.method,
		url,
		qs: serializeQs(req.qs),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	// Objects go as JSON (Graph accepts JSON bodies, nested specs included); FormData etc. as given.
	if (req.body !== undefined) options.body = req.body as IHttpRequestOptions['body'];
	// Sent as given, e.g. a multipart Content-Type with its boundary for a Buffer body.
	if (req.headers) options.headers = { ...req.headers };
	if (req.followRedirects === false) options.disableFollowRedirect = true;
	return await sendWithRetry<T>(ctx, options, opts, req.itemIndex);
}

/**
 * Sends until success or a final failure. Two separate budgets:
 * - transient failures get `maxRetries` more attempts with exponential backoff;
 * - waits Meta announces (usage headers with a regain time) add up to at most
 *   `maxThrottleWaitMs` in total, and do not use up the transient retries:
 *   a long throttle episode with faults around it must not fail a run Meta
 *   said would recover in time.
 */
export async function sendWithRetry<T>(
	ctx: MetaContext,
	options: IHttpRequestOptions,
	opts: ResolvedOptions,
	itemIndex?: number,
): Promise<T> {
	let failures = 0;
	let throttledMs = 0;
	for (;;) {
		// A fresh copy each time: authenticate() mutates headers and qs.
		const sent = await sendOnce(ctx, { ...options, qs: options.qs ? { ...options.qs } : undefined, headers: { ...(options.headers ?? {}) } }, itemIndex);
		let error: GraphApiError;
		if (sent instanceof GraphApiError) {
			error = sent;
		} else {
			const response = sent;
			response.body = parseBody(response.body);
			const usage = parseUsageHeaders(response.headers);
			if (isSuccess(response)) {
				const pause = slowdownMs(usage, opts.maxThrottleWaitMs);
				if (pause > 0) await opts.sleep(pause);
				return response.body as T;
			}
			error = graphErrorFromResponse(ctx.getNode(), response.statusCode, response.body, itemIndex);
			// Blocked for up to an hour: no backoff or announced wait would get through.
			if (isBudgetChangeLimit(error.graph, options.body)) throw budgetChangeLimitFailure(ctx.getNode(), error, itemIndex);
			if (usage.regainSeconds > 0 && isRateLimitCode(error.graph.code)) {
				const waitMs = usage.regainSeconds * 1000;
				if (throttledMs + waitMs > opts.maxThrottleWaitMs) {
					throw throttleFailure(ctx.getNode(), error, usage.regainSeconds, opts.maxThrottleWaitMs, itemIndex);
				}
				throttledMs += waitMs;
				await opts.sleep(waitMs);
				continue;
			}
		}
		if (isReduceDataError(error.graph) || !isTransientGraphError(error.graph) || failures >= opts.maxRetries) {
			if (failures > 0 && isTransientGraphError(error.graph) && !isReduceDataError(error.graph)) {
				error.description = `${error.description ?? ''} Gave up after ${failures + 1} attempts.`.trim();
			}
			throw error;
		}
		await opts.sleep(backoffDelayMs(failures, opts.random, isRateLimitCode(error.graph.code)));
		failures++;
	}
}
