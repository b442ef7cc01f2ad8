/**
 * Reading a Responses API answer. Only a completed message with output_text
 * that parses as a JSON object counts as an answer; a refusal, an
 * incomplete (truncated) answer or malformed JSON is a failure the caller
 * turns into the fallback — never into partial output.
 */
export interface TokenUsage {
	inputTokens: number;
	outputTokens: number;
}

export type AnswerFailureKind = 'refusal' | 'incomplete' | 'malformed' | 'failed' | 'http' | 'timeout' | 'quota';

export type ParsedAnswer =
	| { ok: true; json: Record<string, unknown>; usage: TokenUsage; model: string | null }
	| { ok: false; kind: AnswerFailureKind; detail: string; usage: TokenUsage };

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function usageOf(body: unknown): TokenUsage {
	const usage = isRecord(body) && isRecord(body.usage) ? body.usage : {};
	const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
	return { inputTokens: n(usage.input_tokens), outputTokens: n(usage.output_tokens) };
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
	return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}

function messageContent(body: Record<string, unknown>): Array<Record<string, unknown>> {
	const output = Array.isArray(body.output) ? body.output : [];
	const content: Array<Record<string, unknown>> = [];
	for (const item of output) {
		if (!isRecord(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
		for (const part of item.content) if (isRecord(part)) content.push(part);
	}
	return content;
}

export function parseAnswer(body: unknown): ParsedAnswer {
	const usage = usageOf(body);
	if (!isRecord(body)) return { ok: false, kind: 'malformed', detail: 'the answer is not a JSON object', usage };
	if (body.status === 'incomplete') {
		const reason = isRecord(body.incomplete_details) ? String(body.incomplete_details.reason ?? 'unknown') : 'unknown';
		return { ok: false, kind: 'incomplete', detail: `the answer was cut off (${reason})`, usage };
	}
	if (body.status === 'failed' || body.status === 'cancelled') {
		const message = isRecord(body.error) ? String(body.error.message ?? '') : '';
		return { ok: false, kind: 'failed', detail: `the response ${String(body.status)}${message ? `: ${message}` : ''}`, usage };
	}
	const content = messageContent(body);
	const refusal = content.find((part) => part.type === 'refusal');
	if (refusal) return { ok: false, kind: 'refusal', detail: `the model refused: ${String(refusal.refusal ?? '').slice(0, 200)}`, usage };
	const text = content.filter((part) => part.type === 'output_text').map((part) => String(part.text ?? '')).join('');
	if (text.trim() === '') return { ok: false, kind: 'malformed', detail: 'the answer has no output text', usage };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, kind: 'malformed', detail: `the answer is not valid JSON (${(error as Error).message.slice(0, 120)})`, usage };
	}
	if (!isRecord(json)) return { ok: false, kind: 'malformed', detail: 'the answer is JSON but not an object', usage };
	return { ok: true, json, usage, model: typeof body.model === 'string' ? body.model : null };
}
