/**
 * Splits a total budget across entities in integer minor units (cents), as
 * close as the bounds allow to target shares:
 *   target i = T · (ε/m + (1 − ε) · scoreᵢ / Σ score)      (ε = exploration share)
 *   bounds   = [max(floor, current·(1 − cap)), current·(1 + cap)]
 * The floor wins over the cap when they conflict (the upper bound is raised).
 * The targets are scaled by one factor λ, clamped to the bounds, so that the
 * amounts sum to T (bisection on λ: the sum is monotone in λ); leftover cents
 * go to the largest remainders. When even the bounds cannot reach T, every
 * entity sits at its lower (or upper) bound and `feasible` is false.
 */
export interface AllocationEntity {
	/** Current budget, minor units. */
	current: number;
	/** Non-negative desirability (e.g. shrunk ROAS). */
	score: number;
}

export interface AllocationOptions {
	/** Total to split, integer minor units. */
	total: number;
	/** Max change per step as a fraction of the current budget (0.2 = ±20 %). */
	cap: number;
	/** Minimum per entity, minor units. */
	floor: number;
	/** Share of the total split equally, whatever the scores (0–1). */
	exploration: number;
}

export interface Allocation {
	amounts: number[];
	targets: number[];
	lower: number[];
	upper: number[];
	floorOverridesCap: boolean[];
	feasible: boolean;
	/** Why the sum differs from the total, when it does. */
	problem: string | null;
}

export function allocateBudget(entities: readonly AllocationEntity[], o: AllocationOptions): Allocation {
	const m = entities.length;
	if (m === 0) return { amounts: [], targets: [], lower: [], upper: [], floorOverridesCap: [], feasible: o.total === 0, problem: o.total === 0 ? null : 'no entities to allocate to' };
	const T = o.total;
	let scoreSum = 0;
	for (const e of entities) scoreSum += Math.max(0, e.score);
	const targets = entities.map((e) => T * (o.exploration / m + (1 - o.exploration) * (scoreSum > 0 ? Math.max(0, e.score) / scoreSum : 1 / m)));
	const lower: number[] = [];
	const upper: number[] = [];
	const floorOverridesCap: boolean[] = [];
	let sumLo = 0;
	let sumHi = 0;
	for (const e of entities) {
		// 1e-9 guards against 99.99999999 → 99 from float noise in minor-unit conversions.
		const lo = Math.ceil(Math.max(o.floor, e.current * (1 - o.cap)) - 1e-9);
		let hi = Math.floor(e.current * (1 + o.cap) + 1e-9);
		floorOverridesCap.push(hi < lo);
		if (hi < lo) hi = lo;
		lower.push(lo);
		upper.push(hi);
		sumLo += lo;
		sumHi += hi;
	}
	if (sumLo > T) {
		return { amounts: lower.slice(), targets, lower, upper, floorOverridesCap, feasible: false, problem: `the lower bounds (floors and the change cap) already sum to ${sumLo} minor units, more than the total ${T}` };
	}
	if (sumHi < T) {
		return { amounts: upper.slice(), targets, lower, upper, floorOverridesCap, feasible: false, problem: `the change cap allows at most ${sumHi} minor units in total, less than the total ${T}` };
	}

	const clampAt = (lambda: number, i: number) => Math.min(upper[i], Math.max(lower[i], lambda * targets[i]));
	const sumAt = (lambda: number) => {
		let s = 0;
		for (let i = 0; i < m; i++) s += clampAt(lambda, i);
		return s;
	};
	let lo = 0;
	let hi = 1;
	while (sumAt(hi) < T && hi < 1e12) hi *= 2;
	for (let it = 0; it < 200; it++) {
		const mid = (lo + hi) / 2;
		if (sumAt(mid) < T) lo = mid;
		else hi = mid;
	}
	const exact = entities.map((_, i) => clampAt(hi, i));
	const amounts = exact.map((x, i) => Math.min(upper[i], Math.max(lower[i], Math.floor(x))));
	let diff = T - amounts.reduce((a, b) => a + b, 0);
	// Hand out (or take back) the remaining minor units, largest remainder first, within bounds.
	const order = exact.map((x, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
	while (diff !== 0) {
		const step = diff > 0 ? 1 : -1;
		const open = (diff > 0 ? order : [...order].reverse()).filter((i) => (step > 0 ? amounts[i] < upper[i] : amounts[i] > lower[i]));
		if (open.length === 0) break; // cannot happen: sumLo ≤ T ≤ sumHi
		const share = Math.floor(Math.abs(diff) / open.length);
		if (share === 0) {
			for (let j = 0; j < Math.abs(diff); j++) amounts[open[j]] += step;
			diff = 0;
			break;
		}
		for (const i of open) {
			const room = step > 0 ? upper[i] - amounts[i] : amounts[i] - lower[i];
			const give = Math.min(room, share);
			amounts[i] += step * give;
			diff -= step * give;
		}
	}
	return { amounts, targets, lower, upper, floorOverridesCap, feasible: true, problem: null };
}
