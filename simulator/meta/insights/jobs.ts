/**
 * Async insights report runs. Each poll of `GET /{report_run_id}` advances the
 * job one step; a knob makes the next N jobs fail, like Meta's flaky big jobs.
 */
import type { InsightsQuery } from './query';
import type { InsightsScope } from './compute';
import { metaTime } from '../store';

export type AsyncStatus = 'Job Not Started' | 'Job Started' | 'Job Running' | 'Job Completed' | 'Job Failed';

export interface ReportRun {
	id: string;
	accountId: string;
	scope: InsightsScope;
	query: InsightsQuery;
	polls: number;
	pollsToComplete: number;
	willFail: boolean;
	createdMs: number;
	completedMs?: number;
}

export function jobState(job: ReportRun): { status: AsyncStatus; percent: number } {
	if (job.polls >= job.pollsToComplete) return { status: job.willFail ? 'Job Failed' : 'Job Completed', percent: job.willFail ? 0 : 100 };
	if (job.polls <= 1) return { status: 'Job Not Started', percent: 0 };
	const percent = Math.floor(((job.polls - 1) / Math.max(1, job.pollsToComplete - 1)) * 100);
	return { status: job.polls === 2 ? 'Job Started' : 'Job Running', percent: Math.min(99, percent) };
}

/** One poll: advance, then describe the job as Graph does. */
export function pollJob(job: ReportRun, nowMs: number): Record<string, unknown> {
	job.polls++;
	const { status, percent } = jobState(job);
	if ((status === 'Job Completed' || status === 'Job Failed') && job.completedMs === undefined) job.completedMs = nowMs;
	const body: Record<string, unknown> = {
		id: job.id,
		account_id: job.accountId,
		async_status: status,
		async_percent_completion: percent,
		date_start: job.query.since,
		date_stop: job.query.until,
		time_ref: Math.floor(job.createdMs / 1000),
		is_running: status !== 'Job Completed' && status !== 'Job Failed',
	};
	if (job.completedMs !== undefined) body.time_completed = Math.floor(job.completedMs / 1000);
	if (status === 'Job Failed') {
		Object.assign(body, {
			error_code: -2,
			error_subcode: 2490547,
			error_message: 'Async report failed. Please retry the report run or split it into smaller ones.',
			error_user_title: 'Report Failed',
			error_user_msg: 'The report could not be generated.',
			failed_at: metaTime(nowMs),
		});
	}
	return body;
}

export function isDone(job: ReportRun): boolean {
	return jobState(job).status === 'Job Completed';
}
