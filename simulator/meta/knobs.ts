/** Meta behaviour knobs; change them at start, through `setMetaKnobs` or `POST /_sim/meta`. */
export interface MetaKnobs {
	/** `limit × (1 + breakdowns)` above this answers HTTP 500 code 1 "Please reduce the amount of data…". */
	insightsMaxPageWeight: number;
	/** A sync insights query producing more rows than this answers 100/1504018 ("use async"). */
	insightsMaxSyncRows: number;
	/** Polls of `GET /{report_run_id}` until "Job Completed". */
	asyncPollsToComplete: number;
	/** The next N async jobs end in "Job Failed". */
	failNextAsyncJobs: number;
	/** Chunk size the server asks for in resumable video uploads (deliberately not a round number). */
	videoChunkBytes: number;
	/** When > 0, each chunk size varies deterministically by up to this many bytes. */
	videoChunkJitterBytes: number;
	/** Milliseconds from `finish` until the video is `ready`. */
	videoProcessingMs: number;
	/** Processing ends in `error` instead of `ready`. */
	videoProcessingFails: boolean;
	maxImageBytes: number;
	/** Page size when `limit` is absent. */
	defaultPageLimit: number;
	/** Budget changes allowed per ad set per rolling hour before code 17. */
	budgetChangesPerHour: number;
	/** Calls per minute that make the usage headers read 100 %. */
	usageCallsPerMinute: number;
	maxBatchSize: number;
}

export const DEFAULT_META_KNOBS: MetaKnobs = {
	insightsMaxPageWeight: 1000,
	insightsMaxSyncRows: 10_000,
	asyncPollsToComplete: 3,
	failNextAsyncJobs: 0,
	videoChunkBytes: 4 * 1024 * 1024 + 1234,
	videoChunkJitterBytes: 0,
	videoProcessingMs: 1500,
	videoProcessingFails: false,
	maxImageBytes: 30 * 1024 * 1024,
	defaultPageLimit: 25,
	budgetChangesPerHour: 4,
	usageCallsPerMinute: 600,
	maxBatchSize: 50,
};
