import { sleep as n8nSleep } from 'n8n-workflow';

import { equalJitterDelayMs } from '../../shared/backoff';
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

/** Exponential backoff with equal jitter; rate limits start from a higher base. */
export function backoffDelayMs(attempt: number, random: () => number, rateLimited = false): number {
	return equalJitterDelayMs(attempt, rateLimited ? RATE_LIMIT_BASE_DELAY_MS : BASE_DELAY_MS, MAX_DELAY_MS, random);
}
