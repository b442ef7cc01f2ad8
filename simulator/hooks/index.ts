/**
 * An incoming-webhook recorder at `/hooks/...`: accepts what a workflow would
 * post to Slack (or Teams, Discord, a callback URL), answers like Slack
 * ("ok"), and keeps every message so the sandbox, tests and e2e runs can see
 * what people would have been told.
 *   POST /hooks/<anything>   record the body
 *   GET  /hooks              list what was recorded, oldest first
 *   DELETE /hooks            forget it
 * Telegram's Bot API (`/hooks/telegram/bot<token>/<method>`) gets a Bot API
 * shaped answer, so n8n's Telegram node (its credential has a Base URL) can
 * be pointed here. Mails from the SMTP sink (simulator/smtp) land under `/email`.
 */
import type { SimApi, SimRequest, SimResponse } from '../types';

export interface HookMessage {
	path: string;
	contentType: string;
	/** Parsed JSON when the body was JSON, else the text. */
	body: unknown;
	receivedAt: string;
}

export interface HooksApi extends SimApi {
	messages(): HookMessage[];
	/** Records a message that did not arrive over HTTP (the SMTP sink's mails). */
	record(path: string, contentType: string, body: unknown): void;
}

/** What the Bot API answers to sendMessage & co.: the sent message. */
function telegramAnswer(body: unknown, id: number): SimResponse {
	const sent = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
	const result = { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: sent.chat_id ?? null, type: 'private' }, text: sent.text ?? '' };
	return { status: 200, body: { ok: true, result } };
}

function parse(req: SimRequest): unknown {
	const text = req.body.toString('utf8');
	if (String(req.headers['content-type'] ?? '').includes('json')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	return text;
}

export function createHooksApi(now: () => number): HooksApi {
	let recorded: HookMessage[] = [];
	const record = (path: string, contentType: string, body: unknown) => {
		recorded.push({ path, contentType, body, receivedAt: new Date(now()).toISOString() });
	};
	return {
		prefix: '/hooks',
		async handle(req): Promise<SimResponse> {
			if (req.method === 'GET' && (req.path === '/' || req.path === '')) return { status: 200, body: { messages: recorded } };
			if (req.method === 'DELETE') {
				recorded = [];
				return { status: 200, body: { ok: true } };
			}
			if (req.method !== 'POST') return { status: 405, body: { error: 'POST a message, GET to list, DELETE to clear' } };
			const body = parse(req);
			record(req.path, String(req.headers['content-type'] ?? ''), body);
			if (req.path.startsWith('/telegram/')) return telegramAnswer(body, recorded.length);
			return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
		},
		renderFault: () => undefined,
		notFound: () => ({ status: 404, body: { error: 'not found' } }),
		reset() {
			recorded = [];
		},
		messages: () => recorded,
		record,
	};
}
