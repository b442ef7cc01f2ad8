/** Responses API answers for nock, shaped like OpenAI's. */
import nock from 'nock';

export const HOST = 'https://openai.test';
export const PATH = '/v1/responses';

const usage = { input_tokens: 1200, output_tokens: 300, total_tokens: 1500 };

export function answer(json: unknown, model = 'gpt-5-mini-2025-08-07'): Record<string, unknown> {
	return textAnswer(JSON.stringify(json), model);
}

export function textAnswer(text: string, model = 'gpt-5-mini-2025-08-07'): Record<string, unknown> {
	return {
		id: 'resp_test',
		object: 'response',
		status: 'completed',
		model,
		output: [
			{ type: 'reasoning', id: 'rs_1', summary: [] },
			{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] },
		],
		usage,
	};
}

export function refusal(): Record<string, unknown> {
	return { id: 'resp_r', object: 'response', status: 'completed', model: 'gpt-5-mini', output: [{ type: 'message', id: 'm', status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal: "I'm sorry, I can't help with that." }] }], usage };
}

export function incomplete(partial: string): Record<string, unknown> {
	return { id: 'resp_i', object: 'response', status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, model: 'gpt-5-mini', output: [{ type: 'message', id: 'm', status: 'incomplete', role: 'assistant', content: [{ type: 'output_text', text: partial, annotations: [] }] }], usage };
}

export const rateLimited = { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } };
export const quota = { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } };
export const serverError = { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } };

export function openai(): nock.Scope {
	return nock(HOST);
}

/** The failure modes every operation falls back on, as nock setups. */
export const FAILURES: Array<{ name: string; kind: string; setup: (valid: unknown) => nock.Scope; modelOptions?: Record<string, number> }> = [
	{ name: 'a refusal', kind: 'refusal', setup: () => openai().post(PATH).reply(200, refusal()) },
	{ name: 'an incomplete answer (max_output_tokens)', kind: 'incomplete', setup: (valid) => openai().post(PATH).reply(200, incomplete(JSON.stringify(valid).slice(0, 30))) },
	{ name: 'malformed JSON', kind: 'malformed', setup: () => openai().post(PATH).reply(200, textAnswer('{"analysis": "ok", "actions": [')) },
	{ name: '429 on every attempt (retry-after honoured)', kind: 'http', setup: () => openai().post(PATH).times(3).reply(429, rateLimited, { 'retry-after-ms': '5' }) },
	{ name: '5xx on every attempt', kind: 'http', setup: () => openai().post(PATH).times(3).reply(503, serverError, { 'retry-after-ms': '5' }) },
	{ name: 'insufficient_quota', kind: 'quota', setup: () => openai().post(PATH).reply(429, quota) },
	{ name: 'a timeout on every attempt', kind: 'timeout', setup: (valid) => openai().post(PATH).times(2).delay(1500).reply(200, answer(valid)), modelOptions: { maxRetries: 1, timeoutSeconds: 0.3, maxRetryWaitSeconds: 60 } },
];
