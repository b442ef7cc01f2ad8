/**
 * Fault injection: a seeded PRNG decides which requests fail and how, so a
 * given seed and request order always produce the same failures.
 */
import { mulberry32 } from '../dataset/prng';
import type { FaultKind, FaultSettings } from '../types';

export const DEFAULT_FAULTS: FaultSettings = { errorRate: 0, kinds: [], latencyMs: 0, throttle: null, seed: 1 };

/** What a caller may send to change faults; `throttle.forMs` is relative to now, handy out of process. */
export interface FaultPatch extends Partial<Omit<FaultSettings, 'throttle'>> {
	throttle?: { untilMs?: number; forMs?: number; regainMinutes?: number } | null;
}

export class FaultInjector {
	settings: FaultSettings;
	private random: () => number;

	constructor(initial: FaultPatch = {}, now: () => number = Date.now) {
		this.settings = { ...DEFAULT_FAULTS, kinds: [] };
		this.random = mulberry32(this.settings.seed);
		this.apply(initial, now);
	}

	/** Merges a patch; a new seed (or any patch that sets one) restarts the draw stream. */
	apply(patch: FaultPatch, now: () => number = Date.now): void {
		const { throttle, ...rest } = patch;
		const next: FaultSettings = { ...this.settings, ...rest, kinds: rest.kinds ?? this.settings.kinds };
		if (throttle === null) next.throttle = null;
		else if (throttle !== undefined) {
			const untilMs = throttle.untilMs ?? now() + (throttle.forMs ?? 60_000);
			next.throttle = { untilMs, regainMinutes: throttle.regainMinutes ?? Math.max(1, Math.ceil((untilMs - now()) / 60_000)) };
		}
		if (!(next.errorRate >= 0 && next.errorRate <= 1)) throw new Error('errorRate must be within 0..1');
		this.settings = next;
		if (patch.seed !== undefined) this.random = mulberry32(next.seed);
	}

	/** Deterministic [0,1) from the fault stream (also handed to APIs through the context). */
	next(): number {
		return this.random();
	}

	/** One draw per call: the fault to inject, or undefined. */
	draw(): FaultKind | undefined {
		const roll = this.random();
		if (this.settings.errorRate <= 0 || roll >= this.settings.errorRate) return undefined;
		const kinds = this.settings.kinds;
		if (kinds.length === 0) return { kind: 'http5xx', status: 500 };
		return kinds[Math.floor(this.random() * kinds.length) % kinds.length];
	}

	throttled(nowMs: number): boolean {
		return this.settings.throttle !== null && nowMs < this.settings.throttle.untilMs;
	}
}

/** The fault each throttled API answers with while a throttle window is open. */
export function throttleFaultFor(prefix: string): FaultKind | undefined {
	if (prefix === '/meta') return { kind: 'metaCode', code: 80004 };
	if (prefix === '/google') return { kind: 'googleStatus', status: 'RESOURCE_EXHAUSTED' };
	return undefined;
}

export function bare5xx(status: number): { status: number; body: string } {
	return { status, body: status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal Server Error' };
}
