import { sleep as n8nSleep } from 'n8n-workflow';

import type { TransportOptions } from './types';

export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_MAX_THROTTLE_WAIT_MS = 5 * 60_000;

const BASE_DELAY_MS = 2_000;
/** Rate limits clear slowly; start higher so five tries span about two minutes. */
const RATE_LIMIT_BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60_000;

export interface ResolvedOptions {
	maxRetries: number;
	maxThrottleWaitMs: number;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
}

export function resolveOptions(options: TransportOptions | undefined, maxThrottleWaitMs?: number): ResolvedOptions {
	return {
		maxRetries: Math.max(0, options?.maxRetries ?? DEFAULT_MAX_RETRIES),
		maxThrottleWaitMs: Math.max(0, options?.maxThrottleWaitMs ?? maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS),
		// n8n's sleep: verified nodes may not call setTimeout themselves.
		sleep: options?.sleep ?? n8nSleep,
		random: options?.random ?? Math.random,
	};
}

/** Exponential backoff with jitter: half fixed, half random, so parallel workers spread out. */
export function backoffDelayMs(attempt: number, random: () => number, rateLimited = false): number {
	const base = rateLimited ? RATE_LIMIT_BASE_DELAY_MS : BASE_DELAY_MS;
	const ceiling = Math.min(MAX_DELAY_MS, base * 2 ** attempt);
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
