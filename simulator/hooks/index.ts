/**
 * An incoming-webhook recorder at `/hooks/...`: accepts what a workflow would
 * post to Slack (or Teams, Discord, a callback URL), answers like Slack
 * ("ok"), and keeps every message so the sandbox, tests and e2e runs can see
 * what people would have been told.
 *   POST /hooks/<anything>   record the body
 *   GET  /hooks              list what was recorded, oldest first
 *   DELETE /hooks            forget it
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
	return {
		prefix: '/hooks',
		async handle(req): Promise<SimResponse> {
			if (req.method === 'GET' && (req.path === '/' || req.path === '')) return { status: 200, body: { messages: recorded } };
			if (req.method === 'DELETE') {
				recorded = [];
				return { status: 200, body: { ok: true } };
			}
			if (req.method !== 'POST') return { status: 405, body: { error: 'POST a message, GET to list, DELETE to clear' } };
			recorded.push({
				path: req.path,
				contentType: String(req.headers['content-type'] ?? ''),
				body: parse(req),
				receivedAt: new Date(now()).toISOString(),
			});
			return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
		},
		renderFault: () => undefined,
		notFound: () => ({ status: 404, body: { error: 'not found' } }),
		reset() {
			recorded = [];
		},
		messages: () => recorded,
	};
}
