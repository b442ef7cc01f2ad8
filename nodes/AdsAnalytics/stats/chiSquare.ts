/**
 * Pearson chi-square test of independence for a 2 × k table of successes
 * and failures: "do these k variants share one rate?". For k = 2 it equals
 * the pooled two-proportion z-test (χ² = z²).
 */
import { regularizedGamma } from './special';

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSurvival(x: number, df: number): number {
	if (x <= 0) return 1;
	return regularizedGamma(df / 2, x / 2).q;
}

/** P(X ≤ x) for X ~ χ²(df). */
export function chiSquareCdf(x: number, df: number): number {
	if (x <= 0) return 0;
	return regularizedGamma(df / 2, x / 2).p;
}

export interface ChiSquareResult {
	statistic: number;
	df: number;
	pValue: number;
	/** Smallest expected cell count; below 5 the χ² approximation is rough. */
	minExpected: number;
}

/** `successes[i]` out of `trials[i]` for each variant; needs k ≥ 2 and a non-degenerate table. */
export function chiSquareIndependence(successes: readonly number[], trials: readonly number[]): ChiSquareResult {
	const k = successes.length;
	if (k < 2 || trials.length !== k) throw new RangeError('chi-square needs at least 2 variants with matching trials');
	let totalS = 0;
	let totalN = 0;
	for (let i = 0; i < k; i++) {
		if (!(trials[i] > 0) || successes[i] < 0 || successes[i] > trials[i]) throw new RangeError(`variant ${i}: need 0 ≤ successes ≤ trials and trials > 0`);
		totalS += successes[i];
		totalN += trials[i];
	}
	const pooled = totalS / totalN;
	// All successes or all failures: no variation to test, and every cell expectation in one row is 0.
	if (pooled === 0 || pooled === 1) return { statistic: 0, df: k - 1, pValue: 1, minExpected: 0 };
	let statistic = 0;
	let minExpected = Infinity;
	for (let i = 0; i < k; i++) {
		const expS = trials[i] * pooled;
		const expF = trials[i] - expS;
		const f = trials[i] - successes[i];
		statistic += ((successes[i] - expS) ** 2) / expS + ((f - expF) ** 2) / expF;
		minExpected = Math.min(minExpected, expS, expF);
	}
	return { statistic, df: k - 1, pValue: chiSquareSurvival(statistic, k - 1), minExpected };
}
