import {
	NodeApiError,
	NodeOperationError,
	sleep as n8nSleep,
	type IDataObject,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { equalJitterDelayMs } from '../../shared/backoff';
import { getGoogleAdsSettings, type GoogleAdsContext } from './credentials';
import { normalizeCustomerId } from './customerId';
import {
	describeErrors,
	isRetryableDetail,
	parseGoogleAdsFailure,
	statusSummary,
	type GoogleAdsErrorDetail,
} from './errors';

export interface GoogleAdsTransportOptions {
	/** Injected in tests to record delays instead of waiting. */
	sleep?: (ms: number) => Promise<void>;
	/** Returns [0, 1); spreads backoff delays (injected in tests). */
	random?: () => number;
	/** Retries after the first attempt (default 5). */
	maxRetries?: number;
	/** Sent as `linked-customer-id`, for third-party app analytics links. */
	linkedCustomerId?: string;
	/** A quota delay longer than this fails at once instead of blocking the workflow (default 120 s). */
	maxRetryDelayMs?: number;
}

export interface GoogleAdsRequest {
	method: 'GET' | 'POST';
	/** Below `/{version}/`, e.g. 'customers/123/googleAds:search'. */
	path: string;
	body?: IDataObject;
	itemIndex?: number;
	options?: GoogleAdsTransportOptions;
}

/** Errors from Google Ads carry the parsed details, so callers can react (exemptions, partial failure). */
export type GoogleAdsApiError = NodeApiError & { googleAdsErrors: GoogleAdsErrorDetail[] };

export function getGoogleAdsErrors(error: unknown): GoogleAdsErrorDetail[] {
	const list = (error as { googleAdsErrors?: unknown } | null)?.googleAdsErrors;
	return Array.isArray(list) ? (list as GoogleAdsErrorDetail[]) : [];
}

const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 32_000;
/** Up to 10 % on top of Google's retryDelay. */
const HINT_JITTER = 0.1;
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);

interface FailedResponse {
	status?: number;
	body?: unknown;
	networkCode?: string;
	message: string;
}

function isReadable(value: unknown): value is AsyncIterable<Buffer | string> {
	return !!value && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' && !Array.isArray(value);
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	const text = Buffer.concat(chunks).toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Digs status and body out of whatever the n8n helper threw (NodeApiError around an axios error, usually). */
async function failedResponseOf(error: unknown): Promise<FailedResponse> {
	const e = error as IDataObject & { cause?: IDataObject; context?: IDataObject };
	const response = ((e.cause?.response ?? e.response) as IDataObject | undefined) ?? undefined;
	let body: unknown = response?.data ?? response?.body ?? e.context?.data ?? e.error;
	if (isReadable(body)) body = await readAll(body);
	const statusRaw = response?.status ?? response?.statusCode ?? e.httpCode ?? e.statusCode;
	const status = statusRaw === undefined || statusRaw === null ? undefined : Number(statusRaw);
	const networkCode = String(e.cause?.code ?? e.code ?? '') || undefined;
	return { status: Number.isFinite(status) ? status : undefined, body, networkCode, message: String(e.message ?? 'Request failed') };
}

function isRetryable(failure: FailedResponse, details: GoogleAdsErrorDetail[]): boolean {
	if (details.length) return details.every(isRetryableDetail);
	if (failure.status !== undefined) return failure.status >= 500 || failure.status === 429;
	return failure.networkCode !== undefined && TRANSIENT_NETWORK.has(failure.networkCode);
}

/**
 * Google's retryDelay when given (never shorter: it is a quota promise), else
 * exponential backoff. Both get jitter so workers that failed together, as
 * queue-mode workers sharing a developer token do, do not retry together.
 */
export function backoffMs(attempt: number, details: GoogleAdsErrorDetail[], random: () => number): number {
	const hinted = details.map((d) => d.retryDelayMs ?? 0).reduce((a, b) => Math.max(a, b), 0);
	if (hinted > 0) return Math.round(hinted * (1 + HINT_JITTER * random()));
	return equalJitterDelayMs(attempt, BASE_BACKOFF_MS, MAX_BACKOFF_MS, random);
}

/** Builds the NodeApiError users see. Built from plain data: the helper's error holds request headers. */
export function buildGoogleAdsError(
	ctx: GoogleAdsContext,
	failure: { status?: number; body?: unknown; message?: string },
	itemIndex: number,
	note?: string,
): GoogleAdsApiError {
	const details = parseGoogleAdsFailure(failure.body);
	const summary = statusSummary(failure.body);
	const first = details[0];
	const message = first
		? `Google Ads: ${first.code}${first.fieldPath ? ` at ${first.fieldPath}` : ''}${first.trigger !== undefined ? ` (trigger "${first.trigger}")` : ''}`
		: `Google Ads: ${summary.status ?? (failure.status ? `HTTP ${failure.status}` : 'request failed')}`;
	const lines = [details.length ? describeErrors(details) : (summary.message ?? failure.message ?? '')];
	if (first?.requestId) lines.push(`Request ID ${first.requestId}`);
	if (note) lines.push(note);
	const description = lines.filter(Boolean).join('\n');
	const httpCode = failure.status ? String(failure.status) : undefined;
	const error = new NodeApiError(ctx.getNode(), { message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	}) as GoogleAdsApiError;
	error.googleAdsErrors = details;
	return error;
}

async function buildHttpOptions(
	ctx: GoogleAdsContext,
	req: GoogleAdsRequest,
	stream: boolean,
): Promise<{ credentialType: string; options: IHttpRequestOptions }> {
	const itemIndex = req.itemIndex ?? 0;
	const settings = await getGoogleAdsSettings(ctx, itemIndex);
	if (!settings.developerToken) {
		throw new NodeOperationError(ctx.getNode(), 'The Google Ads credential has no developer token', {
			itemIndex,
			description: 'Add the developer token from the API Center of your manager account to the credential.',
		});
	}
	const headers: IDataObject = { 'developer-token': settings.developerToken, 'Content-Type': 'application/json' };
	if (settings.loginCustomerId) headers['login-customer-id'] = settings.loginCustomerId;
	const linked = req.options?.linkedCustomerId?.trim();
	if (linked) headers['linked-customer-id'] = normalizeCustomerId(linked, itemIndex, ctx.getNode());
	const options: IHttpRequestOptions = {
		method: req.method,
		url: `${settings.baseUrl}/${settings.apiVersion}/${req.path.replace(/^\/+/, '')}`,
		headers,
		...(req.body !== undefined ? { body: req.body } : {}),
		...(stream ? { encoding: 'stream' } : { json: true }),
	};
	return { credentialType: settings.credentialType, options };
}

/**
 * Sends one Google Ads call, retrying quota, transient and 5xx failures with
 * backoff (Google's `retryDelay` wins when given). Other failures throw at
 * once as a NodeApiError naming error code, trigger and field path.
 */
export async function sendWithRetry<T>(ctx: GoogleAdsContext, req: GoogleAdsRequest, stream: boolean): Promise<T> {
	const itemIndex = req.itemIndex ?? 0;
	const sleep = req.options?.sleep ?? n8nSleep;
	const random = req.options?.random ?? Math.random;
	const maxRetries = req.options?.maxRetries ?? 5;
	const maxDelay = req.options?.maxRetryDelayMs ?? 120_000;
	const { credentialType, options } = await buildHttpOptions(ctx, req, stream);
	for (let attempt = 0; ; attempt++) {
		try {
			return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)) as T;
		} catch (error) {
			const failure = await failedResponseOf(error);
			const details = parseGoogleAdsFailure(failure.body);
			if (!isRetryable(failure, details)) throw buildGoogleAdsError(ctx, failure, itemIndex);
			if (attempt >= maxRetries) {
				throw buildGoogleAdsError(ctx, failure, itemIndex, `Gave up after ${attempt + 1} attempts.`);
			}
			const delay = backoffMs(attempt, details, random);
			if (delay > maxDelay) {
				throw buildGoogleAdsError(ctx, failure, itemIndex, `Google asked to wait ${Math.round(delay / 1000)} s; not waiting that long.`);
			}
			await sleep(delay);
		}
	}
}

export async function googleAdsRequest<T>(ctx: GoogleAdsContext, req: GoogleAdsRequest): Promise<T> {
	return await sendWithRetry<T>(ctx, req, false);
}
