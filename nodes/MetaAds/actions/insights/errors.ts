/** Failures of the insights flow that callers branch on; turned into n8n errors by the operation. */

/** Graph fields read from a transport error without depending on its class. */
function graphInfo(error: unknown): { code?: number; subcode?: number; metaMessage?: string } | undefined {
	const graph = (error as { graph?: unknown } | null)?.graph;
	return typeof graph === 'object' && graph !== null ? (graph as { code?: number; subcode?: number }) : undefined;
}

/** Meta's "this sync request is too big, use an async job": 100/1504018 or 2/1504038. */
export function isAsyncRequiredError(error: unknown): boolean {
	const g = graphInfo(error);
	if (!g) return false;
	if ((g.code === 100 && g.subcode === 1504018) || (g.code === 2 && g.subcode === 1504038)) return true;
	// A page that stays too heavy after the transport halved it down to the minimum.
	return g.code === 1 && /reduce the amount of data/i.test(g.metaMessage ?? '');
}

/** Subcode 33 right after creating a job: the run is not readable yet (a known race). */
export function isJobNotReadyError(error: unknown): boolean {
	return graphInfo(error)?.subcode === 33;
}

export class AsyncJobFailedError extends Error {
	constructor(
		readonly jobId: string,
		readonly status: string,
		readonly detail: string,
	) {
		super(`Meta insights job ${jobId} ended with "${status}"${detail ? `: ${detail}` : ''}`);
		this.name = 'AsyncJobFailedError';
	}
}

export class AsyncJobTimeoutError extends Error {
	constructor(
		readonly jobId: string,
		readonly waitedMs: number,
		readonly status: string,
		readonly percent: number,
	) {
		super(
			`Meta insights job ${jobId} did not finish within ${Math.round(waitedMs / 60_000)} min ` +
				`(last status "${status}", ${percent}% complete)`,
		);
		this.name = 'AsyncJobTimeoutError';
	}
}

/** A job that failed twice and cannot be split any further, or a split that grew too large. */
export class InsightsSplitError extends Error {
	constructor(
		message: string,
		readonly cause?: Error,
	) {
		super(message);
		this.name = 'InsightsSplitError';
	}
}
