/**
 * One async insights report: start it, poll until it completes, read its
 * rows page by page. Retrying and splitting failed jobs is fetch.ts's job.
 */
import type { InsightsClient, Sleep } from './clientTypes';
import { AsyncJobFailedError, AsyncJobTimeoutError, isJobNotReadyError } from './errors';
import { insightsParams } from './planner';
import type { InsightsQuery, MetaInsightRow } from './types';

export interface JobOptions {
	sleep: Sleep;
	/** Longest wait for one job to complete. */
	maxWaitMs: number;
	/** First poll delay; grows ×1.5 per poll up to pollMaxMs. */
	pollStartMs: number;
	pollMaxMs: number;
	/** A job still at 0 % after this long is treated as failed (Meta sometimes never starts one). */
	stuckMs: number;
	pageSize: number;
}

export const DEFAULT_JOB_OPTIONS: Omit<JobOptions, 'sleep'> = {
	maxWaitMs: 30 * 60_000,
	pollStartMs: 1_000,
	pollMaxMs: 30_000,
	stuckMs: 5 * 60_000,
	pageSize: 500,
};

interface JobStatus {
	id?: string;
	async_status?: string;
	async_percent_completion?: number | string;
	error_code?: number;
	error_subcode?: number;
	error_message?: string;
	error_user_title?: string;
	error_user_msg?: string;
}

const STATUS_FIELDS = 'id,async_status,async_percent_completion,error_code,error_subcode,error_message';
/** Meta made error_user_title/error_user_msg fields of a report run in v25.0; older versions answer (#100) "nonexisting field". */
const USER_MESSAGE_FIELDS_SINCE = 25;

/** The report-run fields to poll for the Graph version the calls go to (all of them when it is unknown). */
export function jobStatusFields(apiVersion: number | undefined): string {
	const withUserMessage = apiVersion === undefined || apiVersion >= USER_MESSAGE_FIELDS_SINCE;
	return withUserMessage ? `${STATUS_FIELDS},error_user_title,error_user_msg` : STATUS_FIELDS;
}

/** Graph's (#100) answer to a field the version does not have, naming one of the user-message fields. */
function isMissingUserMessageField(error: Error): boolean {
	const text = `${error.message} ${(error as { description?: string }).description ?? ''}`;
	return /nonexisting field \(error_user_(msg|title)\)/i.test(text);
}

const COMPLETED = 'Job Completed';
const FAILED = new Set(['Job Failed', 'Job Skipped']);
const NOT_STARTED = new Set(['Job Not Started', 'Job Started']);
/** Subcode-33 races resolve within a poll or two; more than this is a real error. */
const MAX_NOT_READY_POLLS = 5;

export async function startJob(client: InsightsClient, query: InsightsQuery): Promise<string> {
	const res = await client.request<{ report_run_id?: string | number }>({
		method: 'POST',
		path: `/${query.objectId}/insights`,
		qs: insightsParams(query),
	});
	if (res?.report_run_id === undefined || res.report_run_id === null || res.report_run_id === '') {
		throw new AsyncJobFailedError('(none)', 'not created', 'Meta did not return a report_run_id');
	}
	return String(res.report_run_id);
}

function failureDetail(status: JobStatus): string {
	const parts: string[] = [];
	if (status.error_code !== undefined) parts.push(`code ${status.error_code}${status.error_subcode !== undefined ? `/${status.error_subcode}` : ''}`);
	const message = status.error_user_msg ?? status.error_message;
	if (message) parts.push(String(message));
	return parts.join(' ');
}

/** Polls with growing intervals until the job completes; throws on failure, stall or timeout. */
export async function waitForJob(client: InsightsClient, jobId: string, options: JobOptions): Promise<void> {
	const started = Date.now();
	let slept = 0;
	let delay = options.pollStartMs;
	let notReady = 0;
	let fields = jobStatusFields(client.apiVersion);
	for (;;) {
		let status: JobStatus = { async_status: 'Job Not Started', async_percent_completion: 0 };
		let pollError: Error | undefined;
		try {
			status = await client.request<JobStatus>({
				method: 'GET',
				path: `/${jobId}`,
				qs: { fields },
			});
		} catch (error) {
			pollError = error as Error;
		}
		// A version the credential names in a way we cannot read, without these fields: ask once more without them.
		if (pollError && fields !== STATUS_FIELDS && isMissingUserMessageField(pollError)) {
			fields = STATUS_FIELDS;
			continue;
		}
		// Transport errors are already n8n errors; only the subcode-33 race is waited out.
		if (pollError && (!isJobNotReadyError(pollError) || ++notReady > MAX_NOT_READY_POLLS)) throw pollError;
		const state = String(status.async_status ?? '');
		const percent = Number(status.async_percent_completion ?? 0) || 0;
		if (state === COMPLETED) return;
		if (FAILED.has(state)) throw new AsyncJobFailedError(jobId, state, failureDetail(status));

		// Sleeps may be faked in tests, so count both the time slept and the time passed.
		const waited = Math.max(slept, Date.now() - started);
		if (percent === 0 && NOT_STARTED.has(state) && waited >= options.stuckMs && options.stuckMs < options.maxWaitMs) {
			throw new AsyncJobFailedError(jobId, state, `still at 0% after ${Math.round(waited / 1000)} s`);
		}
		if (waited >= options.maxWaitMs) throw new AsyncJobTimeoutError(jobId, options.maxWaitMs, state, percent);
		const pause = Math.min(delay, options.maxWaitMs - waited);
		await options.sleep(pause);
		slept += pause;
		delay = Math.min(options.pollMaxMs, Math.round(delay * 1.5));
	}
}

/** Streams a completed job's rows to `onRows`, page by page. */
export async function readJob(
	client: InsightsClient,
	jobId: string,
	pageSize: number,
	onRows: (rows: MetaInsightRow[]) => void,
): Promise<void> {
	for await (const page of client.pages<MetaInsightRow>({ path: `/${jobId}/insights`, pageSize })) onRows(page);
}

/** Start → wait → read. Returns the job id (for diagnostics). */
export async function runAsyncJob(
	client: InsightsClient,
	query: InsightsQuery,
	options: JobOptions,
	onRows: (rows: MetaInsightRow[]) => void,
): Promise<string> {
	const jobId = await startJob(client, query);
	await waitForJob(client, jobId, options);
	await readJob(client, jobId, options.pageSize, onRows);
	return jobId;
}
