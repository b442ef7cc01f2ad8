import type { AiScenario } from './model';

/** OpenAI behaviour knobs; change them at start, through `setOpenAiKnobs` or `POST /_sim/openai`. */
export interface ScriptedResponse {
	status?: number;
	headers?: Record<string, string>;
	body: unknown;
}

export interface OpenAiKnobs {
	/** Answered first, in order, to `POST /v1/responses` (one entry per call) before any generation. */
	script: ScriptedResponse[];
	/** The next N responses are a refusal. */
	nextRefusals: number;
	/** The next N responses are `status: 'incomplete'` (max_output_tokens). */
	nextIncomplete: number;
	/** The next N calls answer 429. */
	nextRateLimits: number;
	/** Which 429: retryable `rate_limit_exceeded` or final `insufficient_quota`. */
	rateLimitKind: 'rate_limit' | 'insufficient_quota';
	models: string[];
	/** How the stand-in model answers AdPilot's own schemas (`adpilot_*`): sensible by default; misbehaviours for tests. */
	aiScenario: AiScenario;
	/** Every answer to /v1/responses waits this long first (slow-model and timeout tests). */
	answerDelayMs: number;
	/** When set, 429s also carry `retry-after-ms` (OpenAI sends it; short waits keep tests fast). */
	retryAfterMs: number | null;
}

export const DEFAULT_OPENAI_KNOBS: OpenAiKnobs = {
	script: [],
	nextRefusals: 0,
	nextIncomplete: 0,
	nextRateLimits: 0,
	rateLimitKind: 'rate_limit',
	models: ['gpt-5-mini', 'gpt-5', 'gpt-4.1-mini'],
	aiScenario: 'sensible',
	answerDelayMs: 0,
	retryAfterMs: null,
};
