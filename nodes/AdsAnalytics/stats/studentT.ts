/**
 * Student t CDF and quantile, for prediction intervals from a regression on
 * a short window (with 10 points the 95 % t multiplier is 2.31, not 1.96).
 */
import { normalQuantile } from './normal';
import { regularizedBeta } from './special';

export function studentTCdf(t: number, df: number): number {
	if (!(df > 0) || Number.isNaN(t)) return NaN;
	const x = df / (df + t * t);
	const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
	return t > 0 ? 1 - tail : tail;
}

/** t with P(T ≤ t) = p, by bisection on the CDF (monotone, so it always converges). */
export function studentTQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
	if (p === 0.5) return 0;
	// The t quantile is farther out than the normal one; expand until bracketed.
	const z = normalQuantile(p);
	let lo = z > 0 ? z : 2 * z - 1;
	let hi = z > 0 ? 2 * z + 1 : z;
	while (studentTCdf(hi, df) < p) hi = hi * 2 + 1;
	while (studentTCdf(lo, df) > p) lo = lo * 2 - 1;
	for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
		const mid = (lo + hi) / 2;
		if (studentTCdf(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
