/**
 * Detect Anomalies' computation, pure and allocation-light: for one entity's
 * daily series and one metric, the evaluated days whose robust z-score
 * crosses the threshold, with their trailing and same-weekday baselines.
 */
import { metricFromTotals, type DailySeries, type SeriesMetric } from '../../../shared/analysis';
import { medianOfPrefix, sortPrefix } from '../../stats/robust';
import type { AnomalyOptions } from './description';

export const SEASONAL_WEEKS = 4;

/** Scratch buffers reused for every window: no allocation per evaluated day. */
export interface Buffers {
	window: Float64Array;
	scratch: Float64Array;
	seasonal: Float64Array;
}

export function buffersFor(o: AnomalyOptions): Buffers {
	return { window: new Float64Array(o.windowDays), scratch: new Float64Array(o.windowDays), seasonal: new Float64Array(SEASONAL_WEEKS) };
}

/** One anomalous day: index `t` into the series, its value and the baselines it was judged against. */
export interface Anomaly {
	t: number;
	x: number;
	/** Trailing window median, MAD, how the z-score was computed and the points it had. */
	med: number;
	z: number | null;
	mad: number;
	method: string;
	points: number;
	seasonalMedian: number | null;
	seasonalWeeks: number;
	direction: 'spike' | 'drop';
}

export interface MetricScan {
	anomalies: Anomaly[];
	/** Evaluated days with fewer than Minimum Points in the window. */
	thinDays: number;
	/** Evaluated days without a value (a ratio whose denominator was 0). */
	noValueDays: number;
}

/**
 * Modified z-score of x against window[0..n) (median `med`), with the
 * documented fallbacks; z is null when the window is constant. `scratch`
 * (length ≥ n) holds the absolute deviations.
 */
export function robustZ(x: number, window: Float64Array, n: number, med: number, scratch: Float64Array): { z: number | null; mad: number; method: string } {
	let sumAbs = 0;
	for (let i = 0; i < n; i++) {
		const d = Math.abs(window[i] - med);
		scratch[i] = d;
		sumAbs += d;
	}
	sortPrefix(scratch, n);
	const mad = medianOfPrefix(scratch, n);
	if (mad > 0) return { z: (0.6745 * (x - med)) / mad, mad, method: 'mad' };
	const meanAd = sumAbs / n;
	if (meanAd > 0) return { z: (x - med) / (1.2533 * meanAd), mad, method: 'meanAbsoluteDeviation' };
	return { z: x === med ? 0 : null, mad, method: 'constantBaseline' };
}

/** The metric per day, NaN where it has no value; only the days a window or a same-weekday baseline can reach. */
function metricValues(series: DailySeries, metric: SeriesMetric, firstEval: number, windowDays: number): Float64Array {
	const n = series.totals.length;
	const values = new Float64Array(n).fill(NaN);
	const firstNeeded = Math.max(0, firstEval - Math.max(windowDays, 7 * SEASONAL_WEEKS));
	for (let d = firstNeeded; d < n; d++) values[d] = metricFromTotals(metric, series.totals[d]) ?? NaN;
	return values;
}

/** Median of the same weekday over the last SEASONAL_WEEKS weeks before day t. */
function seasonalBaseline(values: Float64Array, t: number, seasonal: Float64Array): { median: number | null; weeks: number } {
	let count = 0;
	for (let w = 1; w <= SEASONAL_WEEKS; w++) {
		const d = t - 7 * w;
		if (d >= 0 && !Number.isNaN(values[d])) seasonal[count++] = values[d];
	}
	sortPrefix(seasonal, count);
	return { median: count > 0 ? medianOfPrefix(seasonal, count) : null, weeks: count };
}

/** Scans the evaluated days (the last Evaluate Days with a full window before them) of one metric. */
export function scanMetric(series: DailySeries, metric: SeriesMetric, o: AnomalyOptions, b: Buffers): MetricScan {
	const n = series.totals.length;
	const firstEval = Math.max(o.windowDays, n - o.evaluateDays);
	const values = metricValues(series, metric, firstEval, o.windowDays);
	const scan: MetricScan = { anomalies: [], thinDays: 0, noValueDays: 0 };
	for (let t = firstEval; t < n; t++) {
		const x = values[t];
		if (Number.isNaN(x)) {
			scan.noValueDays++; // a ratio with a 0 denominator that day (e.g. CPA without conversions)
			continue;
		}
		let count = 0;
		for (let d = t - o.windowDays; d < t; d++) if (!Number.isNaN(values[d])) b.window[count++] = values[d];
		if (count < o.minPoints) {
			scan.thinDays++;
			continue;
		}
		sortPrefix(b.window, count);
		const med = medianOfPrefix(b.window, count);
		const scored = robustZ(x, b.window, count, med, b.scratch);
		if (scored.z !== null && Math.abs(scored.z) < o.threshold) continue;
		if (scored.z === null && x === med) continue;

		const seasonal = seasonalBaseline(values, t, b.seasonal);
		const direction = x > med ? 'spike' : 'drop';
		if (o.requireSeasonalAgreement && seasonal.median !== null && (direction === 'spike' ? x <= seasonal.median : x >= seasonal.median)) continue;
		scan.anomalies.push({ t, x, med, z: scored.z, mad: scored.mad, method: scored.method, points: count, seasonalMedian: seasonal.median, seasonalWeeks: seasonal.weeks, direction });
	}
	return scan;
}
