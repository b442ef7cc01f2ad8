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
}

/** Samples memory every few ms while `work` runs; returns the peaks above the start. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<PeakMemory<T>> {
	gc();
	const start = process.memoryUsage();
	let rss = start.rss;
	let heap = start.heapUsed;
	const sample = () => {
		const now = process.memoryUsage();
		rss = Math.max(rss, now.rss);
		heap = Math.max(heap, now.heapUsed);
	};
	const timer = setInterval(sample, 5);
	try {
		const result = await work();
		sample();
		return { result, rssMb: (rss - start.rss) / 2 ** 20, heapMb: (heap - start.heapUsed) / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}
