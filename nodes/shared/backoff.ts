/**
 * Exponential backoff with "equal jitter": half of each step is fixed, half
 * random, so workers that failed together (queue mode) spread out while no
 * wait drops below half its step. Shared by the Meta and Google transports.
 */
export function equalJitterDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
