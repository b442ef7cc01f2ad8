/**
 * Two-proportion z-test and the per-arm sample size for comparing two rates.
 */
import { normalQuantile, twoSidedP } from './normal';

export interface ZTestResult {
	z: number;
	/** Two-sided p-value. */
	pValue: number;
	rateA: number;
	rateB: number;
	/** rateB − rateA. */
	difference: number;
	/** (rateB − rateA) / rateA; null when rateA is 0. */
	relativeLift: number | null;
}

/**
 * Pooled two-proportion z-test of H0: pA = pB (the textbook test; equal to
 * the 2 × 2 chi-square). z > 0 means B converts better than A.
 */
export function twoProportionZTest(successesA: number, trialsA: number, successesB: number, trialsB: number): ZTestResult {
	if (!(trialsA > 0 && trialsB > 0)) throw new RangeError('both arms need trials > 0');
	const rateA = successesA / trialsA;
	const rateB = successesB / trialsB;
	const pooled = (successesA + successesB) / (trialsA + trialsB);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
	// Pooled rate 0 or 1: both arms identical by construction, nothing to test.
	const z = se > 0 ? (rateB - rateA) / se : 0;
	return {
		z,
		pValue: se > 0 ? twoSidedP(z) : 1,
		rateA,
		rateB,
		difference: rateB - rateA,
		relativeLift: rateA > 0 ? (rateB - rateA) / rateA : null,
	};
}

/**
 * Trials per arm to detect p1 vs p2 with a two-sided test at `alpha` and the
 * given power: n = (z₁₋α/₂ + z₁₋β)² · [p₁(1−p₁) + p₂(1−p₂)] / (p₁ − p₂)²,
 * rounded up. Infinity when the rates are equal.
 */
export function sampleSizePerArm(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
	if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) throw new RangeError('alpha and power must be in (0, 1)');
	const delta = p1 - p2;
	if (delta === 0) return Infinity;
	const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
	return Math.ceil((z * z * (p1 * (1 - p1) + p2 * (1 - p2))) / (delta * delta));
}
