/** `GET|POST /{obj}/insights`, `GET /{report_run_id}` and `GET /{report_run_id}/insights`. */
import type { SimResponse } from '../../types';
import type { MetaCall } from '../call';
import { invalidParam, metaError } from '../errors';
import type { MetaKnobs } from '../knobs';
import { pageOf } from '../paging';
import { str } from '../params';
import type { MetaStore } from '../store';
import { insightsRows, type InsightsScope } from './compute';
import { formatRow } from './format';
import { isDone, pollJob, type ReportRun } from './jobs';
import { parseInsightsQuery, type InsightsQuery } from './query';

/** The Graph version that made error_user_title/error_user_msg fields of a report run. */
const USER_MESSAGE_FIELDS_SINCE = 25;

const DEFAULT_LIMIT = 25;

function tooHeavy(limit: number, query: InsightsQuery, knobs: MetaKnobs): SimResponse | undefined {
	const weight = limit * (1 + query.breakdowns.length);
	if (weight <= knobs.insightsMaxPageWeight) return undefined;
	return metaError({ message: "Please reduce the amount of data you're asking for, then retry your request", code: 1, status: 500, subcode: 99 });
}

function readLimit(call: MetaCall): number | SimResponse {
	const raw = str(call.params, 'limit');
	if (raw === undefined) return DEFAULT_LIMIT;
	const limit = Number(raw);
	return Number.isInteger(limit) && limit > 0 ? limit : invalidParam('Param limit must be a positive integer');
}

function page(call: MetaCall, store: MetaStore, scope: InsightsScope, query: InsightsQuery, knobs: MetaKnobs, sync: boolean): SimResponse {
	const limit = readLimit(call);
	if (typeof limit !== 'number') return limit;
	const heavy = tooHeavy(limit, query, knobs);
	if (heavy) return heavy;
	const rows = insightsRows(store, scope, query);
	if (sync && rows.length > knobs.insightsMaxSyncRows) {
		return invalidParam('Too much data requested for a synchronous request. Please use an async job: POST to this insights edge and poll the report run.', {
			subcode: 1504018,
			userTitle: 'Use Async Insights',
			userMsg: 'This request returns too many rows to answer synchronously.',
		});
	}
	const result = pageOf(rows, { limit, after: str(call.params, 'after'), before: str(call.params, 'before') }, call.selfUrl);
	if (!result) return invalidParam('Invalid cursor');
	return { status: 200, body: { ...result, data: result.data.map((row) => formatRow(store, row, query)) } };
}

export class InsightsEndpoints {
	private jobs = new Map<string, ReportRun>();

	constructor(private readonly store: MetaStore, private readonly knobs: MetaKnobs) {}

	reset(): void {
		this.jobs = new Map();
	}

	hasJob(id: string): boolean {
		return this.jobs.has(id);
	}

	/** GET (sync rows) or POST (start an async job) on an object's insights edge. */
	objectInsights(call: MetaCall, scope: InsightsScope, accountId: string): SimResponse {
		const query = parseInsightsQuery(call, scope.level, this.store.tree.settings.today);
		if ('status' in query) return query;
		if (call.method === 'GET') return page(call, this.store, scope, query, this.knobs, true);
		const id = this.store.mintId('reportRun');
		const willFail = this.knobs.failNextAsyncJobs > 0;
		if (willFail) this.knobs.failNextAsyncJobs--;
		this.jobs.set(id, { id, accountId, scope, query, polls: 0, pollsToComplete: Math.max(1, this.knobs.asyncPollsToComplete), willFail, createdMs: call.ctx.now() });
		return { status: 200, body: { report_run_id: id } };
	}

	pollJob(call: MetaCall, id: string): SimResponse {
		// Before v25.0 a report run has no error_user_title/error_user_msg fields, and asking for them is an error.
		if (Number(call.version.slice(1)) < USER_MESSAGE_FIELDS_SINCE) {
			const asked = (str(call.params, 'fields') ?? '').split(',').map((f) => f.trim());
			const missing = asked.find((f) => f === 'error_user_msg' || f === 'error_user_title');
			if (missing) return invalidParam(`Tried accessing nonexisting field (${missing}) on node type (AdReportRun)`);
			const body = pollJob(this.jobs.get(id)!, call.ctx.now());
			delete body.error_user_msg;
			delete body.error_user_title;
			return { status: 200, body };
		}
		return { status: 200, body: pollJob(this.jobs.get(id)!, call.ctx.now()) };
	}

	jobRows(call: MetaCall, id: string): SimResponse {
		const job = this.jobs.get(id)!;
		if (job.willFail && job.polls >= job.pollsToComplete) {
			return metaError({ message: 'Async report failed. Please retry the report run.', code: 2, subcode: 2490547, transient: true, status: 500 });
		}
		if (!isDone(job)) return invalidParam('Report is not ready yet: poll the report run until async_status is "Job Completed"');
		return page(call, this.store, job.scope, job.query, this.knobs, false);
	}

	accountOfJob(id: string): string | undefined {
		return this.jobs.get(id)?.accountId;
	}
}
