/**
 * Order statistics for robust baselines: median, MAD, mean absolute
 * deviation, interpolated quantiles and percentile ranks.
 */

/** Numeric ascending copy (the default sort compares strings). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
	return Float64Array.from(values).sort();
}

/** Median of an ascending array; NaN when empty. */
export function medianSorted(sorted: ArrayLike<number>): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const mid = n >> 1;
	return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function median(values: ArrayLike<number>): number {
	return medianSorted(Float64Array.from(values).sort());
}

/** Median absolute deviation from the median, unscaled (as simple-statistics). */
export function medianAbsoluteDeviation(values: ArrayLike<number>, center = median(values)): number {
	const dev = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) dev[i] = Math.abs(values[i] - center);
	return medianSorted(dev.sort());
}

/** Mean absolute deviation around `center` (the median in the MAD = 0 fallback). */
export function meanAbsoluteDeviation(values: ArrayLike<number>, center: number): number {
	if (values.length === 0) return NaN;
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += Math.abs(values[i] - center);
	return sum / values.length;
}

/**
 * Quantile of an ascending array with linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Fraction of `sorted` strictly below `value` plus half of the ties: the
 * mid-rank percentile, so equal values share one rank and a single entity in
 * the middle of the pack scores 0.5.
 */
export function percentileRank(sorted: ArrayLike<number>, value: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	let below = 0;
	let equal = 0;
	// Binary searches for the first index ≥ value and the first > value.
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	below = lo;
	hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] <= value) lo = mid + 1;
		else hi = mid;
	}
	equal = lo - below;
	return (below + equal / 2) / n;
}

/**
 * Sorts buf[0..n) in place. Insertion sort: for the ~28-value windows of
 * anomaly detection it beats TypedArray#sort (no view allocation, no call
 * overhead), which the benchmark over 2,000 series showed.
 */
export function sortPrefix(buf: Float64Array, n: number): void {
	for (let i = 1; i < n; i++) {
		const v = buf[i];
		let j = i - 1;
		while (j >= 0 && buf[j] > v) {
			buf[j + 1] = buf[j];
			j--;
		}
		buf[j + 1] = v;
	}
}

/** Median of the sorted prefix buf[0..n). */
export function medianOfPrefix(buf: Float64Array, n: number): number {
	if (n === 0) return NaN;
	const mid = n >> 1;
	return n % 2 === 1 ? buf[mid] : (buf[mid - 1] + buf[mid]) / 2;
}
