import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { adRow, graph, graphError, instantWaits, params, runNode, runNodeError, v } from './helpers';

let waits: ReturnType<typeof instantWaits>;
beforeEach(() => {
	waits = instantWaits();
});

const adLevel = (overrides = {}) => params({ level: 'ad', ...overrides });
const status = (async_status: string, async_percent_completion = 0, extra = {}) => ({ async_status, async_percent_completion, ...extra });

describe('Insight → Get, async report jobs', () => {
	it('starts a job, polls with growing pauses, reads every page', async () => {
		let startQuery: Record<string, string> = {};
		const scope = graph()
			.post(v('/act_1/insights'))
			.query((q) => {
				startQuery = q as Record<string, string>;
				return true;
			})
			.reply(200, { report_run_id: 'run1' })
			.get(v('/run1'))
			.query((q) => String(q.fields).includes('async_status'))
			.reply(200, status('Job Not Started'))
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Running', 40))
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run1/insights'))
			.query((q) => q.limit === '500' && q.after === undefined)
			.reply(200, {
				data: [adRow('a1', '2026-03-01'), adRow('a2', '2026-03-01')],
				paging: { cursors: { after: 'P2' }, next: 'https://graph.meta.test/v25.0/run1/insights?after=P2' },
			})
			.get(v('/run1/insights'))
			.query((q) => q.after === 'P2')
			.reply(200, { data: [adRow('a1', '2026-03-02'), adRow('a2', '2026-03-02')] });

		const { items } = await runNode(adLevel());

		expect(scope.isDone()).toBe(true);
		expect(startQuery).toMatchObject({ level: 'ad', time_increment: '1', time_range: '{"since":"2026-03-01","until":"2026-03-02"}' });
		expect(startQuery.fields).toContain('ad_id,ad_name');
		expect(waits.pollSleeps).toEqual([1000, 1500]);
		expect(items.map((i) => `${i.json.entityId}@${i.json.date}`)).toEqual(['a1@2026-03-01', 'a2@2026-03-01', 'a1@2026-03-02', 'a2@2026-03-02']);
		expect(items[0].json).toMatchObject({ level: 'ad', adId: 'a1', adName: 'Ad a1', adSetId: 's1', campaignId: 'c1' });
	});

	it('rides out the subcode-33 race on the first poll', async () => {
		graph()
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run1' })
			.get(v('/run1'))
			.query(true)
			.reply(400, graphError(100, 33, 'Unsupported get request. Object with ID run1 does not exist'))
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run1/insights'))
			.query(true)
			.reply(200, { data: [adRow('a1', '2026-03-01')] });

		const { items } = await runNode(adLevel());

		expect(items).toHaveLength(1);
	});

	it('retries a failed job once, then splits it by time and merges the halves without duplicates', async () => {
		const isRange = (since: string, until: string) => (q: Record<string, unknown>) =>
			typeof q.time_range === 'string' && q.time_range === JSON.stringify({ since, until });
		const scope = graph()
			.post(v('/act_1/insights'))
			.query(isRange('2026-03-01', '2026-03-04'))
			.reply(200, { report_run_id: 'run1' })
			.post(v('/act_1/insights'))
			.query(isRange('2026-03-01', '2026-03-04'))
			.reply(200, { report_run_id: 'run2' })
			.post(v('/act_1/insights'))
			.query(isRange('2026-03-01', '2026-03-02'))
			.reply(200, { report_run_id: 'run3' })
			.post(v('/act_1/insights'))
			.query(isRange('2026-03-03', '2026-03-04'))
			.reply(200, { report_run_id: 'run4' })
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Failed', 30, { error_code: -2, error_subcode: 2490547, error_message: 'async report failed' }))
			.get(v('/run2'))
			.query(true)
			.reply(200, status('Job Failed', 30))
			.get(v('/run3'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run4'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run3/insights'))
			.query(true)
			.reply(200, { data: [adRow('a1', '2026-03-01'), adRow('a2', '2026-03-01'), adRow('a1', '2026-03-02')] })
			// The second half repeats a row of the first one, as a re-read page can.
			.get(v('/run4/insights'))
			.query(true)
			.reply(200, { data: [adRow('a1', '2026-03-02'), adRow('a1', '2026-03-03'), adRow('a2', '2026-03-04')] });

		const { items, ctx } = await runNode(adLevel({ until: '2026-03-04' }));

		expect(scope.isDone()).toBe(true);
		const starts = ctx.sentRequests.filter((r) => r.method === 'POST').map((r) => JSON.parse(String(r.qs.time_range)));
		expect(starts).toEqual([
			{ since: '2026-03-01', until: '2026-03-04' },
			{ since: '2026-03-01', until: '2026-03-04' },
			{ since: '2026-03-01', until: '2026-03-02' },
			{ since: '2026-03-03', until: '2026-03-04' },
		]);
		const keys = items.map((i) => `${i.json.entityId}@${i.json.date}`);
		expect(keys).toEqual(['a1@2026-03-01', 'a2@2026-03-01', 'a1@2026-03-02', 'a1@2026-03-03', 'a2@2026-03-04']);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('splits a whole-period job by child campaigns when time cannot be split', async () => {
		const scope = graph()
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run1' })
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run2' })
			.post(v('/c1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run3' })
			.post(v('/c2/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run4' })
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Failed'))
			.get(v('/run2'))
			.query(true)
			.reply(200, status('Job Skipped'))
			// Children with data in the period, found with a small sync call.
			.get(v('/act_1/insights'))
			.query((q) => q.level === 'campaign' && q.fields === 'campaign_id' && q.time_increment === 'all_days')
			.reply(200, { data: [{ campaign_id: 'c1' }, { campaign_id: 'c2' }, { campaign_id: 'c1' }] })
			.get(v('/run3'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run4'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run3/insights'))
			.query(true)
			.reply(200, { data: [adRow('a1', '2026-03-01', { date_stop: '2026-03-02' })] })
			.get(v('/run4/insights'))
			.query(true)
			.reply(200, { data: [adRow('a7', '2026-03-01', { campaign_id: 'c2', date_stop: '2026-03-02' })] });

		const { items, ctx } = await runNode(adLevel({ timeIncrement: 'all_days' }));

		expect(scope.isDone()).toBe(true);
		const posts = ctx.sentRequests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => new URL(r.url).pathname)).toEqual([
			'/v25.0/act_1/insights',
			'/v25.0/act_1/insights',
			'/v25.0/c1/insights',
			'/v25.0/c2/insights',
		]);
		expect(posts[2].qs).toMatchObject({ level: 'ad', time_increment: 'all_days' });
		expect(items.map((i) => [i.json.entityId, i.json.campaignId])).toEqual([
			['a1', 'c1'],
			['a7', 'c2'],
		]);
	});

	it('fails clearly when a failed job cannot be split any further', async () => {
		graph()
			.post(v('/act_1/insights'))
			.times(2)
			.query(true)
			.reply(200, { report_run_id: 'runX' })
			.get(v('/runX'))
			.times(2)
			.query(true)
			.reply(200, status('Job Failed', 10, { error_code: -2, error_subcode: 2490547, error_message: 'async report failed' }));

		const error = await runNodeError(params({ level: 'account', timeIncrement: 'all_days', options: { mode: 'async' } }));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Meta insights job runX ended with "Job Failed": code -2/2490547 async report failed');
		expect(error.message).toContain('cannot be split further');
		expect(error.context?.itemIndex).toBe(0);
	});

	it('fails with the job id when the job outlasts Max Job Wait', async () => {
		graph()
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run77' })
			.get(v('/run77'))
			.times(100)
			.query(true)
			.reply(200, status('Job Running', 55));

		const error = await runNodeError(adLevel({ options: { maxJobWaitMinutes: 2 } }));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Meta insights job run77 did not finish within 2 min (last status "Job Running", 55% complete)');
		expect(error.description).toContain('Max Job Wait');
		expect(error.context?.itemIndex).toBe(0);
		// Waited exactly the bound, in growing steps capped at 30 s.
		expect(waits.pollSleeps.reduce((a, b) => a + b, 0)).toBe(120_000);
		expect(Math.max(...waits.pollSleeps)).toBeLessThanOrEqual(30_000);
	});

	it('treats a job stuck at 0% as failed, restarts it and succeeds', async () => {
		graph()
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'stuck' })
			.get(v('/stuck'))
			.times(100)
			.query(true)
			.reply(200, status('Job Not Started', 0))
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'fresh' })
			.get(v('/fresh'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/fresh/insights'))
			.query(true)
			.reply(200, { data: [adRow('a1', '2026-03-01')] });

		const { items } = await runNode(adLevel());

		expect(items).toHaveLength(1);
		expect(waits.pollSleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5 * 60_000);
	});

	it('retries transient faults on polls and pages through the transport', async () => {
		graph()
			.post(v('/act_1/insights'))
			.query(true)
			.reply(500, graphError(2, undefined, 'An unexpected error has occurred. Please retry your request later.'))
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run1' })
			.get(v('/run1'))
			.query(true)
			.reply(503, 'busy')
			.get(v('/run1'))
			.query(true)
			.reply(200, status('Job Completed', 100))
			.get(v('/run1/insights'))
			.query(true)
			.reply(500, graphError(1, undefined, "Please reduce the amount of data you're asking for, then retry your request"))
			.get(v('/run1/insights'))
			.query((q) => q.limit === '250')
			.reply(200, { data: [adRow('a1', '2026-03-01')] });

		const { items } = await runNode(adLevel());

		expect(items).toHaveLength(1);
		expect(waits.transportSleeps.length).toBeGreaterThanOrEqual(2);
	});
});
