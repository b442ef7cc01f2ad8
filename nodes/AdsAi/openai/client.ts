/**
 * The one way Ads AI talks to OpenAI: POST {baseUrl}/responses through
 * httpRequestWithAuthentication (the credential adds the key; nothing here
 * reads, logs or returns it). Rate limits and server errors are retried
 * (OpenAI's retry-after-ms / retry-after honoured, else backoff with jitter);
 * what still fails comes back as a failure for the fallback. Configuration
 * errors (bad key, unknown model, bad request) throw: a fallback would hide them.
 */
import { NodeApiError, NodeOperationError, sleep as n8nSleep, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { equalJitterDelayMs } from '../../shared/backoff';
import { credentialSetting } from '../../shared/n8n/credentialSetting';
import { parseAnswer, usageOf, type ParsedAnswer } from './response';

export const OPENAI_CREDENTIAL = 'adPilotOpenAiApi';

export interface CallSettings {
	/** Retries after the first attempt. */
	maxRetries: number;
	timeoutMs: number;
	/** A retry-after longer than this gives up at once. */
	maxRetryWaitMs: number;
	/** Injected by tests to record waits. */
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

const TRANSIENT = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'EPIPE', 'ECONNREFUSED']);

function header(headers: FullResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** OpenAI's wait hint in ms: retry-after-ms, else retry-after (seconds or an HTTP date). */
export function retryAfterMs(headers: FullResponse['headers'], now = Date.now()): number | null {
	const ms = Number(header(headers, 'retry-after-ms'));
	if (Number.isFinite(ms) && ms >= 0 && header(headers, 'retry-after-ms') !== undefined) return ms;
	const raw = header(headers, 'retry-after');
	if (raw === undefined) return null;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(raw);
	return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function errorOf(body: unknown): { message: string; code: string | null; type: string | null } {
	const error = typeof body === 'object' && body !== null ? (body as IDataObject).error : undefined;
	if (typeof error === 'object' && error !== null) {
		const e = error as IDataObject;
		return { message: String(e.message ?? ''), code: e.code ? String(e.code) : null, type: e.type ? String(e.type) : null };
	}
	return { message: typeof body === 'string' ? body.slice(0, 300) : '', code: null, type: null };
}

function configurationError(ctx: IExecuteFunctions, status: number, body: unknown, itemIndex: number): NodeApiError {
	const { message, code } = errorOf(body);
	const hint =
		status === 401 ? 'Check the API key in the AdPilot OpenAI credential.'
		: status === 404 ? 'Check the model name and the base URL in the credential.'
		: 'Check the model, Options and the base URL (a gateway may not support every parameter).';
	const text = `OpenAI: HTTP ${status}${code ? ` (${code})` : ''}`;
	return new NodeApiError(ctx.getNode(), { message: text, description: message, httpCode: String(status) } as JsonObject, {
		message: text,
		description: `${message}\n${hint}`.trim(),
		httpCode: String(status),
		itemIndex,
	});
}

function isTransientNetwork(error: unknown): { code: string; timeout: boolean } | null {
	const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
	const code = String(e?.cause?.code ?? e?.code ?? '');
	const timeout = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String(e?.message ?? ''));
	return TRANSIENT.has(code) || timeout ? { code: code || 'timeout', timeout } : null;
}

async function send(ctx: IExecuteFunctions, baseUrl: string, body: IDataObject, timeoutMs: number): Promise<{ response: FullResponse } | { error: unknown }> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, OPENAI_CREDENTIAL, {
			method: 'POST',
			url: `${baseUrl}/responses`,
			body,
			json: true,
			headers: { 'Content-Type': 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
		})) as FullResponse;
		return { response };
	} catch (error) {
		return { error };
	}
}

/**
 * Sends one Responses request. Resolves with the parsed answer (ok or a
 * failure the fallback handles); rejects only on configuration errors.
 */
export async function callResponses(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number, settings: CallSettings): Promise<ParsedAnswer> {
	const credentials = await ctx.getCredentials(OPENAI_CREDENTIAL, itemIndex);
	const baseUrl = credentialSetting(ctx.getNode(), credentials, 'baseUrl', 'Base URL', 'AdPilot OpenAI').replace(/\/+$/, '');
	const sleep = settings.sleep ?? n8nSleep;
	const random = settings.random ?? Math.random;
	let last: ParsedAnswer = { ok: false, kind: 'http', detail: 'no attempt made', usage: usageOf(null) };
	for (let attempt = 0; attempt <= settings.maxRetries; attempt++) {
		let wait: number | null = null;
		const sent = await send(ctx, baseUrl, body, settings.timeoutMs);
		if ('response' in sent) {
			const { response } = sent;
			const status = Number(response.statusCode);
			if (status >= 200 && status < 300) return parseAnswer(response.body);
			const { message, code } = errorOf(response.body);
			if (status === 429 && code === 'insufficient_quota') {
				return { ok: false, kind: 'quota', detail: `OpenAI quota exhausted (insufficient_quota): ${message}`, usage: usageOf(null) };
			}
			if (status !== 429 && status < 500 && status !== 408) throw configurationError(ctx, status, response.body, itemIndex);
			last = { ok: false, kind: 'http', detail: `HTTP ${status}${code ? ` ${code}` : ''} after ${attempt + 1} attempt(s)${message ? `: ${message.slice(0, 160)}` : ''}`, usage: usageOf(null) };
			wait = retryAfterMs(response.headers ?? {});
		} else {
			const network = isTransientNetwork(sent.error);
			if (!network) {
				// Built from the message only: the helper's error carries the request, headers included.
				throw new NodeOperationError(ctx.getNode(), `OpenAI request failed: ${String((sent.error as Error)?.message ?? sent.error).slice(0, 300)}`, { itemIndex });
			}
			last = {
				ok: false,
				kind: network.timeout ? 'timeout' : 'http',
				detail: network.timeout ? `no answer within ${Math.round(settings.timeoutMs / 1000)} s (${attempt + 1} attempt(s))` : `network error ${network.code} after ${attempt + 1} attempt(s)`,
				usage: usageOf(null),
			};
		}
		if (attempt === settings.maxRetries) break;
		const delay = wait ?? equalJitterDelayMs(attempt, 1000, 20_000, random);
		if (delay > settings.maxRetryWaitMs) {
			if (!last.ok) last = { ...last, detail: `${last.detail}; OpenAI asked to wait ${Math.round(delay / 1000)} s, over the ${Math.round(settings.maxRetryWaitMs / 1000)} s limit` };
			break;
		}
		await sleep(delay);
	}
	return last;
}
