import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_JOB_OPTIONS } from '../../../nodes/MetaAds/actions/insights/asyncJob';
import type { InsightsClient } from '../../../nodes/MetaAds/actions/insights/clientTypes';
import { InsightsSplitError } from '../../../nodes/MetaAds/actions/insights/errors';
import { fetchInsights, type FetchOptions } from '../../../nodes/MetaAds/actions/insights/fetch';
import type { InsightsQuery } from '../../../nodes/MetaAds/actions/insights/types';

/** A scripted Graph: every job fails unless `completes(query)` says otherwise. */
function fakeGraph(script: {
	completes: (qs: IDataObject, path: string) => boolean;
	rows?: (qs: IDataObject, path: string) => IDataObject[];
	children?: IDataObject[];
}) {
	const jobs = new Map<string, { qs: IDataObject; path: string }>();
	const calls: string[] = [];
	const client: InsightsClient = {
		async request<T>(req: { method: string; path: string; qs?: IDataObject }): Promise<T> {
			calls.push(`${req.method} ${req.path}`);
			if (req.method === 'POST') {
				const id = `run${jobs.size + 1}`;
				jobs.set(id, { qs: req.qs ?? {}, path: req.path });
				return { report_run_id: id } as T;
			}
			const job = jobs.get(req.path.slice(1))!;
			return { async_status: script.completes(job.qs, job.path) ? 'Job Completed' : 'Job Failed' } as T;
		},
		async *pages<T>(req: { path: string; qs?: IDataObject }): AsyncGenerator<T[]> {
			calls.push(`PAGES ${req.path}`);
			const job = jobs.get(req.path.split('/')[1]);
			if (!job) {
				yield (script.children ?? []) as T[];
				return;
			}
			yield (script.rows?.(job.qs, job.path) ?? []) as T[];
		},
	};
	return { client, calls };
}

const query: InsightsQuery = {
	objectId: 'act_1',
	objectType: 'account',
	level: 'ad',
	fields: ['ad_id'],
	timeRange: { since: '2026-03-01', until: '2026-03-08' },
	timeIncrement: 'daily',
	breakdowns: [],
	attributionWindows: [],
};

const options: FetchOptions = { ...DEFAULT_JOB_OPTIONS, sleep: async () => {}, mode: 'async', maxJobs: 200 };

describe('fetchInsights splitting', () => {
	it('keeps halving a range until the parts succeed, and covers every day once', async () => {
		// Only jobs of at most two days succeed; each returns one row per day.
		const days = (qs: IDataObject) => {
			const { since, until } = JSON.parse(String(qs.time_range)) as { since: string; until: string };
			const out: string[] = [];
			for (let d = new Date(`${since}T00:00:00Z`); d <= new Date(`${until}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
			return out;
		};
		const { client } = fakeGraph({
			completes: (qs) => days(qs).length <= 2,
			rows: (qs) => days(qs).map((day) => ({ ad_id: 'a1', date_start: day, date_stop: day })),
		});

		const { rows, stats } = await fetchInsights(client, query, options);

		expect(rows.map((r) => r.date_start)).toEqual([
			'2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08',
		]);
		// 8 days fail twice, 2×4 days fail twice each, then 4×2 days succeed.
		expect(stats).toMatchObject({ path: 'async', jobsStarted: 10, jobsFailed: 6, splits: 3, duplicates: 0 });
	});

	it('stops at the job cap with a clear message instead of splitting forever', async () => {
		const { client } = fakeGraph({ completes: () => false });

		const error = await fetchInsights(client, query, { ...options, maxJobs: 5 }).catch((e: Error) => e);

		expect(error).toBeInstanceOf(InsightsSplitError);
		expect((error as Error).message).toBe(
			'Stopped after 5 Meta insights jobs: failed jobs kept being split. Narrow the date range or the object.',
		);
	});

	it('returns no rows when a failing object has no children with data', async () => {
		const { client, calls } = fakeGraph({ completes: () => false, children: [] });

		const { rows, stats } = await fetchInsights(client, { ...query, timeIncrement: 'all_days' }, options);

		expect(rows).toEqual([]);
		expect(stats.splits).toBe(1);
		expect(calls).toContain('PAGES /act_1/insights');
	});

	it('treats a start without report_run_id as a failed job (retried, then split)', async () => {
		let starts = 0;
		const client: InsightsClient = {
			async request<T>(req: { method: string }): Promise<T> {
				if (req.method === 'POST') return (++starts === 1 ? {} : { report_run_id: `r${starts}` }) as T;
				return { async_status: 'Job Completed' } as T;
			},
			async *pages<T>(): AsyncGenerator<T[]> {
				yield [{ ad_id: 'a1', date_start: '2026-03-01', date_stop: '2026-03-01' }] as T[];
			},
		};

		const { rows, stats } = await fetchInsights(client, query, options);

		expect(rows).toHaveLength(1);
		expect(stats).toMatchObject({ jobsStarted: 2, jobsFailed: 1 });
	});
});
