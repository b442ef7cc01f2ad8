/**
 * The OpenAI Responses API emulation, mounted at `/openai` (base URL `${url}/openai/v1`).
 * Structured outputs come from a deterministic schema-driven generator; knobs
 * script exact answers, refusals, truncation and 429s for tests. Requests
 * carrying function tools (an AI Agent) get the scripted assistant
 * (assistant.ts): a tool call, then an answer from the tool's output.
 */
import { createHash, timingSafeEqual } from 'crypto';
import type { FaultKind, SimApi, SimRequest, SimResponse } from '../types';
import { SIM_OPENAI_API_KEY } from '../credentials';
import { DEFAULT_OPENAI_KNOBS, type OpenAiKnobs } from './knobs';
import { adpilotAnswer } from './model';
import { generateFromSchema, type JsonSchema } from './schema';
import { assistantTurn, type FunctionTool } from './assistant';

function openAiError(status: number, message: string, type: string, code: string | null, param: string | null = null): SimResponse {
	return { status, body: { error: { message, type, param, code } } };
}

function authorized(req: SimRequest): boolean {
	const token = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]?.trim() ?? '';
	const a = Buffer.from(token);
	const b = Buffer.from(SIM_OPENAI_API_KEY);
	return a.length === b.length && timingSafeEqual(a, b);
}

function inputText(input: unknown): string {
	if (typeof input === 'string') return input;
	return JSON.stringify(input ?? '');
}

/** Ids the model may "mention": long digit runs, act_ ids and dashed customer ids found in the prompt. */
function idsIn(text: string): string[] {
	return [...new Set(text.match(/\bact_\d+\b|\b\d{3}-\d{3}-\d{4}\b|\b\d{6,}\b/g) ?? [])];
}

function tokens(text: string): number {
	return Math.max(1, Math.ceil(text.length / 4));
}

interface ResponsesRequest {
	model?: unknown;
	instructions?: unknown;
	input?: unknown;
	tools?: unknown;
	stream?: unknown;
	text?: { format?: { type?: string; name?: string; schema?: JsonSchema; strict?: boolean } };
}

export function createOpenAiApi(knobs: OpenAiKnobs = { ...DEFAULT_OPENAI_KNOBS, script: [] }): SimApi {
	let counter = 0;

	const respond = (req: SimRequest, body: ResponsesRequest): SimResponse => {
		const model = String(body.model);
		const prompt = inputText(body.input);
		const seedKey = createHash('sha256').update(req.body).digest('hex');
		counter++;
		const base = {
			id: `resp_sim${seedKey.slice(0, 24)}${counter}`,
			object: 'response',
			created_at: Math.floor(Date.now() / 1000),
			model,
			error: null,
			incomplete_details: null as null | { reason: string },
		};
		const functionTools = Array.isArray(body.tools) ? (body.tools as FunctionTool[]).filter((tool) => tool?.type === 'function') : [];
		if (functionTools.length > 0) {
			const turn = assistantTurn(body.input, functionTools);
			if (turn.kind === 'call') {
				const call = { type: 'function_call', id: `fc_sim${seedKey.slice(0, 24)}`, call_id: `call_sim${seedKey.slice(0, 16)}${counter}`, name: turn.tool.name, arguments: JSON.stringify(turn.arguments), status: 'completed' };
				return { status: 200, body: { ...base, status: 'completed', output: [call], usage: usage(prompt, call.arguments) } };
			}
			const message = { type: 'message', id: `msg_sim${seedKey.slice(0, 24)}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: turn.text, annotations: [] }] };
			return { status: 200, body: { ...base, status: 'completed', output: [message], usage: usage(prompt, turn.text) } };
		}
		const format = body.text?.format;
		let text: string;
		const instructions = typeof body.instructions === 'string' ? body.instructions : '';
		const ours = format?.type === 'json_schema' ? adpilotAnswer(String(format.name ?? ''), instructions, prompt, knobs.aiScenario) : null;
		if (ours !== null) text = ours;
		else if (format?.type === 'json_schema') text = JSON.stringify(generateFromSchema(format.schema ?? {}, seedKey, idsIn(prompt)));
		else if (format?.type === 'json_object') text = JSON.stringify({ result: 'Simulated JSON answer' });
		else text = 'Simulated answer from the AdPilot simulator.';
		const messageId = `msg_sim${seedKey.slice(0, 24)}`;
		if (knobs.nextRefusals > 0) {
			knobs.nextRefusals--;
			const refusal = "I'm sorry, but I can't help with that request.";
			return { status: 200, body: { ...base, status: 'completed', output: [{ type: 'message', id: messageId, status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal }] }], usage: usage(prompt, refusal) } };
		}
		if (knobs.nextIncomplete > 0) {
			knobs.nextIncomplete--;
			const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
			return {
				status: 200,
				body: { ...base, status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [{ type: 'message', id: messageId, status: 'incomplete', role: 'assistant', content: [{ type: 'output_text', text: cut, annotations: [] }] }], usage: usage(prompt, cut) },
			};
		}
		return {
			status: 200,
			body: { ...base, status: 'completed', output: [{ type: 'message', id: messageId, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }], usage: usage(prompt, text) },
		};
	};

	const usage = (prompt: string, output: string) => {
		const input_tokens = tokens(prompt);
		const output_tokens = tokens(output);
		return { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens };
	};

	return {
		prefix: '/openai',
		async handle(req) {
			const path = req.path.replace(/\/+$/, '');
			if (!path.startsWith('/v1/')) return undefined;
			if (!authorized(req)) {
				return openAiError(401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key');
			}
			if (req.method === 'GET' && path === '/v1/models') {
				return { status: 200, body: { object: 'list', data: knobs.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'openai' })) } };
			}
			if (req.method !== 'POST' || path !== '/v1/responses') return undefined;
			if (knobs.nextRateLimits > 0) {
				knobs.nextRateLimits--;
				return knobs.rateLimitKind === 'insufficient_quota'
					? openAiError(429, 'You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota')
					: {
							...openAiError(429, 'Rate limit reached for requests. Please try again in 1s.', 'requests', 'rate_limit_exceeded'),
							headers: { 'retry-after': '1', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s', ...(knobs.retryAfterMs !== null ? { 'retry-after-ms': String(knobs.retryAfterMs) } : {}) },
						};
			}
			const scripted = knobs.script.shift();
			if (scripted) return { status: scripted.status ?? 200, headers: scripted.headers, body: scripted.body };
			let body: ResponsesRequest;
			try {
				body = JSON.parse(req.body.toString('utf8')) as ResponsesRequest;
			} catch {
				return openAiError(400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
			}
			if (typeof body.model !== 'string' || body.model === '') return openAiError(400, "Missing required parameter: 'model'.", 'invalid_request_error', 'missing_required_parameter', 'model');
			if (body.stream === true) return openAiError(400, 'The AdPilot simulator does not stream; turn streaming off.', 'invalid_request_error', 'unsupported_value', 'stream');
			if (body.input === undefined) return openAiError(400, "Missing required parameter: 'input'.", 'invalid_request_error', 'missing_required_parameter', 'input');
			const format = body.text?.format;
			if (format?.type === 'json_schema') {
				if (!format.name) return openAiError(400, "Missing required parameter: 'text.format.name'.", 'invalid_request_error', 'missing_required_parameter', 'text.format.name');
				if (format.schema?.type !== 'object') return openAiError(400, "Invalid schema for response_format: schema must be a JSON Schema of 'type: \"object\"'.", 'invalid_request_error', 'invalid_json_schema', 'text.format.schema');
			}
			// Answer first, then wait: a slow answer must not consume knobs set after the request arrived.
			const answer = respond(req, body);
			if (knobs.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.answerDelayMs));
			return answer;
		},
		renderFault(fault: FaultKind) {
			const status = fault.kind === 'http5xx' ? fault.status : 500;
			return openAiError(status, 'The server had an error while processing your request. Sorry about that!', 'server_error', null);
		},
		notFound: (req) => openAiError(404, `Invalid URL (${req.method} ${req.path})`, 'invalid_request_error', null),
		reset() {
			counter = 0;
		},
	};
}
