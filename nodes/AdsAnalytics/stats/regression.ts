/**
 * Ordinary least squares of y on x with the residual standard error, and
 * prediction intervals for a single future value or the sum of several.
 */
export interface LinearFit {
	slope: number;
	intercept: number;
	n: number;
	meanX: number;
	/** Σ (x − x̄)². */
	sxx: number;
	/** Residual standard error √(SSE / (n − p)); p = 2 for a line, 1 for a flat mean. */
	residualStdError: number;
	/** Residual degrees of freedom (n − p). */
	df: number;
}

/** Least-squares line; needs n ≥ 3 so the residual error has ≥ 1 degree of freedom. */
export function linearRegression(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit {
	const n = xs.length;
	if (n < 3 || ys.length !== n) throw new RangeError('linear regression needs at least 3 points');
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < n; i++) {
		sx += xs[i];
		sy += ys[i];
	}
	const meanX = sx / n;
	const meanY = sy / n;
	let sxx = 0;
	let sxy = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i] - meanX;
		sxx += dx * dx;
		sxy += dx * (ys[i] - meanY);
	}
	if (sxx === 0) throw new RangeError('linear regression needs at least 2 distinct x values');
	const slope = sxy / sxx;
	const intercept = meanY - slope * meanX;
	let sse = 0;
	for (let i = 0; i < n; i++) {
		const r = ys[i] - (intercept + slope * xs[i]);
		sse += r * r;
	}
	return { slope, intercept, n, meanX, sxx, residualStdError: Math.sqrt(sse / (n - 2)), df: n - 2 };
}

/** A flat model (the mean) in the same shape, for "no trend" forecasts; needs n ≥ 2. */
export function meanModel(ys: ArrayLike<number>): LinearFit {
	const n = ys.length;
	if (n < 2) throw new RangeError('a mean model needs at least 2 points');
	let s = 0;
	for (let i = 0; i < n; i++) s += ys[i];
	const mean = s / n;
	let sse = 0;
	for (let i = 0; i < n; i++) sse += (ys[i] - mean) ** 2;
	// sxx = Infinity makes the slope-uncertainty term vanish in sumPrediction.
	return { slope: 0, intercept: mean, n, meanX: 0, sxx: Infinity, residualStdError: Math.sqrt(sse / (n - 1)), df: n - 1 };
}

/**
 * Point forecast and standard error of the SUM of future values at `xs`
 * (independent errors): Var = s² · [h + h²/n + (Σ(x − x̄))² / Sxx].
 * The h²/n and Sxx terms carry the uncertainty of the fitted line itself.
 */
export function sumPrediction(fit: LinearFit, futureXs: readonly number[]): { mean: number; stdError: number } {
	const h = futureXs.length;
	let mean = 0;
	let dev = 0;
	for (const x of futureXs) {
		mean += fit.intercept + fit.slope * x;
		dev += x - fit.meanX;
	}
	const slopeTerm = Number.isFinite(fit.sxx) ? (dev * dev) / fit.sxx : 0;
	const variance = fit.residualStdError ** 2 * (h + (h * h) / fit.n + slopeTerm);
	return { mean, stdError: Math.sqrt(variance) };
}
