import type { RunningSimulator } from '../../simulator/server';
import { firstAccount, graph, startTestSimulator } from './helpers';

const RANGE = { since: '2026-11-01', until: '2026-11-14' };

describe('Meta insights', () => {
	let sim: RunningSimulator;
	let account: string;
	beforeAll(async () => {
		sim = await startTestSimulator({ dataset: { accounts: 2, campaignsPerAccount: 3, adSetsPerCampaign: 2, adsPerAdSet: 3, days: 30 } });
		account = await firstAccount(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	async function allRows(path: string, params: Record<string, unknown>): Promise<any[]> {
		const rows: any[] = [];
		let answer = await graph(sim).get(path, params);
		for (;;) {
			expect(answer.status).toBe(200);
			rows.push(...answer.body.data);
			if (!answer.body.paging?.next) return rows;
			answer = await graph(sim).getUrl(answer.body.paging.next);
		}
	}

	it('answers daily ad rows in Graph format with consistent metrics', async () => {
		const fields = 'account_id,account_currency,campaign_id,campaign_name,adset_id,ad_id,ad_name,impressions,clicks,reach,spend,ctr,actions,action_values';
		const rows = await allRows(`/${account}/insights`, { level: 'ad', fields, time_range: RANGE, time_increment: 1, limit: 50 });
		expect(rows.length).toBeGreaterThan(20);
		const keys = new Set(rows.map((r) => `${r.ad_id}|${r.date_start}`));
		expect(keys.size).toBe(rows.length);
		for (const row of rows) {
			expect(row.date_start).toBe(row.date_stop);
			expect(row.date_start >= RANGE.since && row.date_start <= RANGE.until).toBe(true);
			expect(typeof row.impressions).toBe('string');
			expect(Number(row.clicks)).toBeLessThanOrEqual(Number(row.impressions));
			expect(Number(row.reach)).toBeLessThanOrEqual(Number(row.impressions));
			expect(row.spend).toMatch(/^\d+\.\d{2}$/);
			expect(row.account_currency).toBe('EUR');
			expect(typeof row.ad_name).toBe('string');
			for (const action of row.actions ?? []) expect(action).toEqual({ action_type: expect.any(String), value: expect.stringMatching(/^\d+$/) });
		}
		const withPurchases = rows.filter((r) => r.actions?.some((a: any) => a.action_type === 'offsite_conversion.fb_pixel_purchase'));
		expect(withPurchases.length).toBeGreaterThan(0);
		for (const row of withPurchases) {
			const count = (type: string) => Number(row.actions.find((a: any) => a.action_type === type)?.value ?? 0);
			expect(count('omni_purchase')).toBe(count('offsite_conversion.fb_pixel_purchase') + count('onsite_conversion.purchase'));
		}
	});

	it('adds up across levels, breakdowns and periods', async () => {
		const sum = (rows: any[], field: string) => rows.reduce((total, r) => total + Number(r[field]), 0);
		const accountTotal = await allRows(`/${account}/insights`, { fields: 'impressions,spend', time_range: RANGE });
		expect(accountTotal).toHaveLength(1);
		const campaigns = await allRows(`/${account}/insights`, { level: 'campaign', fields: 'campaign_id,impressions,spend', time_range: RANGE, limit: 100 });
		const daily = await allRows(`/${account}/insights`, { fields: 'impressions', time_range: RANGE, time_increment: 1, limit: 100 });
		const byAge = await allRows(`/${account}/insights`, { fields: 'impressions', time_range: RANGE, breakdowns: 'age,gender', limit: 100 });
		const total = Number(accountTotal[0].impressions);
		expect(sum(campaigns, 'impressions')).toBe(total);
		expect(sum(daily, 'impressions')).toBe(total);
		expect(sum(byAge, 'impressions')).toBe(total);
		expect(byAge[0]).toHaveProperty('age');
		expect(byAge[0]).toHaveProperty('gender');
		expect(sum(campaigns, 'spend')).toBeCloseTo(Number(accountTotal[0].spend), 2);
	});

	it('is deterministic for a seed', async () => {
		const params = { level: 'ad', fields: 'ad_id,impressions,spend,actions', time_range: RANGE, time_increment: 1, limit: 500 };
		const first = await allRows(`/${account}/insights`, params);
		const other = await startTestSimulator({ dataset: { accounts: 2, campaignsPerAccount: 3, adSetsPerCampaign: 2, adsPerAdSet: 3, days: 30 } });
		try {
			const again = await graph(other).get(`/${account}/insights`, params);
			expect(again.body.data).toEqual(first);
		} finally {
			await other.close();
		}
	});

	it('adds attribution window keys to actions', async () => {
		const rows = await allRows(`/${account}/insights`, { fields: 'actions', time_range: RANGE, action_attribution_windows: ['7d_click', '1d_view'] });
		const action = rows[0].actions.find((a: any) => a.action_type === 'link_click');
		expect(Number(action['7d_click']) + Number(action['1d_view'])).toBeGreaterThan(0);
		expect(Object.keys(action).sort()).toEqual(['1d_view', '7d_click', 'action_type', 'value']);
	});

	it('answers code 1 when a page is too heavy and 1504018 when a sync request is too big', async () => {
		const heavy = await graph(sim).get(`/${account}/insights`, { level: 'ad', fields: 'impressions', time_range: RANGE, limit: 400, breakdowns: 'age,gender' });
		expect(heavy.status).toBe(500);
		expect(heavy.body.error.code).toBe(1);
		expect(heavy.body.error.message).toContain('reduce the amount of data');
		sim.setMetaKnobs({ insightsMaxSyncRows: 10 });
		const big = await graph(sim).get(`/${account}/insights`, { level: 'ad', fields: 'impressions', time_range: RANGE, time_increment: 1 });
		expect(big.body.error).toMatchObject({ code: 100, error_subcode: 1504018 });
	});

	it('runs async jobs through their states, then pages their rows', async () => {
		sim.setMetaKnobs({ asyncPollsToComplete: 4, insightsMaxSyncRows: 10 });
		const params = { level: 'ad', fields: 'ad_id,impressions', time_range: RANGE, time_increment: 1 };
		const started = await graph(sim).post(`/${account}/insights`, params);
		const runId = started.body.report_run_id;
		expect(runId).toMatch(/^\d+$/);
		expect((await graph(sim).get(`/${runId}/insights`)).body.error.code).toBe(100);
		const states: string[] = [];
		for (let i = 0; i < 4; i++) states.push((await graph(sim).get(`/${runId}`)).body.async_status);
		expect(states).toEqual(['Job Not Started', 'Job Started', 'Job Running', 'Job Completed']);
		const rows = await allRows(`/${runId}/insights`, { limit: 40 });
		sim.setMetaKnobs({ insightsMaxSyncRows: 100_000 });
		const sync = await allRows(`/${account}/insights`, { ...params, limit: 500 });
		expect(rows).toEqual(sync);
	});

	it('fails the next N jobs when asked', async () => {
		sim.setMetaKnobs({ asyncPollsToComplete: 1, failNextAsyncJobs: 1 });
		const failing = (await graph(sim).post(`/${account}/insights`, { fields: 'impressions' })).body.report_run_id;
		const status = await graph(sim).get(`/${failing}`);
		expect(status.body).toMatchObject({ async_status: 'Job Failed', error_subcode: 2490547 });
		const next = (await graph(sim).post(`/${account}/insights`, { fields: 'impressions' })).body.report_run_id;
		expect((await graph(sim).get(`/${next}`)).body.async_status).toBe('Job Completed');
	});

	it('validates fields and time ranges', async () => {
		expect((await graph(sim).get(`/${account}/insights`, { fields: 'impressions,nope' })).body.error.code).toBe(100);
		expect((await graph(sim).get(`/${account}/insights`, { time_range: { since: '2026-13-01', until: '2026-11-01' } })).body.error.code).toBe(100);
		expect((await graph(sim).get(`/${account}/insights`, { action_attribution_windows: ['28d_view'] })).body.error.message).toContain('no longer supported');
	});
});
