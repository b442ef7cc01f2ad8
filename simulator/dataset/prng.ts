/**
 * Deterministic randomness. Everything the simulator invents (ids, names,
 * daily metrics, fault draws) comes from here, so one seed gives one world.
 */

/** mulberry32: tiny, fast, good enough for test data. Returns a [0,1) generator. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a over a string: stable 32-bit key for (seed, entity, date, ...) tuples. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * A generator keyed by parts, e.g. keyedRandom(seed, adId, '2026-11-01').
 * Lets us compute any day's metrics lazily without storing or replaying state.
 */
export function keyedRandom(...parts: Array<string | number>): () => number {
	return mulberry32(hashString(parts.join('|')));
}

/** Uniform in [min, max). */
export function between(random: () => number, min: number, max: number): number {
	return min + (max - min) * random();
}

/** Log-uniform in [min, max): spreads ad sizes over orders of magnitude like real accounts. */
export function logBetween(random: () => number, min: number, max: number): number {
	return Math.exp(between(random, Math.log(min), Math.log(max)));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length) % items.length];
}

/** Roughly normal noise (Irwin–Hall of 3), mean 0, sd ≈ 1. */
export function gaussianish(random: () => number): number {
	return (random() + random() + random() - 1.5) * 2;
}
