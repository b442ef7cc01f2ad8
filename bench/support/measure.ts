/** Measuring helpers every benchmark shares. Run benchmarks with --expose-gc for clean baselines. */

export function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export interface PeakMemory<T> {
	result: T;
	/** Peak resident set size above the start, MiB. */
	rssMb: number;
	/** Peak V8 heap use above the start, MiB. */
	heapMb: number;
	/** Peak Buffer/ArrayBuffer memory above the start, MiB. */
	arrayBuffersMb: number;
}

export interface SamplingOptions {
	/** Milliseconds between samples (default 5). */
	intervalMs?: number;
	/** Collect garbage before each sample, so a sample is what is really held, not garbage waiting for V8. */
	live?: boolean;
}

/** Samples memory while `work` runs; returns the peaks above the start. */
export async function withPeakMemory<T>(work: () => Promise<T>, options: SamplingOptions = {}): Promise<PeakMemory<T>> {
	gc();
	const start = process.memoryUsage();
	const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
	const sample = () => {
		if (options.live) gc();
		const now = process.memoryUsage();
		peak.rss = Math.max(peak.rss, now.rss - start.rss);
		peak.heap = Math.max(peak.heap, now.heapUsed - start.heapUsed);
		peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers - start.arrayBuffers);
	};
	const timer = setInterval(sample, options.intervalMs ?? 5);
	try {
		const result = await work();
		sample();
		return { result, rssMb: peak.rss / 2 ** 20, heapMb: peak.heap / 2 ** 20, arrayBuffersMb: peak.arrayBuffers / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}
