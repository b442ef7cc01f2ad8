import { createHmac } from 'crypto';
import type { RunningSimulator } from '../../simulator/server';
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../simulator/credentials';
import { firstAccount, graph, startTestSimulator } from './helpers';

describe('Meta Graph objects', () => {
	let sim: RunningSimulator;
	let account: string;
	beforeAll(async () => {
		sim = await startTestSimulator({ dataset: { accounts: 3, campaignsPerAccount: 5, adSetsPerCampaign: 3, adsPerAdSet: 4 } });
		account = await firstAccount(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('rejects a wrong token with code 190 and a missing one with 104', async () => {
		const wrong = await graph(sim, 'nope').get('/me');
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
		expect(typeof wrong.body.error.fbtrace_id).toBe('string');
		const missing = await fetch(`${sim.metaBaseUrl}/v25.0/me`);
		expect(((await missing.json()) as any).error.code).toBe(104);
	});

	it('checks appsecret_proof and accepts the token as a query parameter', async () => {
		const proof = createHmac('sha256', SIM_META_APP_SECRET).update(SIM_META_ACCESS_TOKEN).digest('hex');
		const ok = await fetch(`${sim.metaBaseUrl}/v24.0/me?access_token=${SIM_META_ACCESS_TOKEN}&appsecret_proof=${proof}`);
		expect((await ok.json()) as any).toEqual({ id: expect.any(String), name: 'AdPilot Simulator User' });
		const bad = await graph(sim).get('/me', { appsecret_proof: 'f'.repeat(64) });
		expect(bad.body.error.code).toBe(100);
	});

	it('sends usage headers on every response', async () => {
		const answer = await graph(sim).get(`/${account}/campaigns`);
		const app = JSON.parse(answer.headers.get('x-app-usage')!);
		expect(app).toEqual({ call_count: expect.any(Number), total_cputime: expect.any(Number), total_time: expect.any(Number) });
		const buc = JSON.parse(answer.headers.get('x-business-use-case-usage')!);
		const [entry] = Object.values(buc)[0] as Array<Record<string, unknown>>;
		expect(entry).toMatchObject({ type: 'ads_management', estimated_time_to_regain_access: 0 });
		expect(JSON.parse(answer.headers.get('x-ad-account-usage')!)).toHaveProperty('acc_id_util_pct');
		expect(JSON.parse(answer.headers.get('x-fb-ads-insights-throttle')!)).toHaveProperty('app_id_util_pct');
	});

	it('walks every ad of an account exactly once through cursor pages', async () => {
		const ids: string[] = [];
		let answer = await graph(sim).get(`/${account}/ads`, { fields: 'id,name,effective_status', limit: 7, effective_status: ['ACTIVE', 'PAUSED', 'ADSET_PAUSED', 'CAMPAIGN_PAUSED'] });
		let pages = 0;
		for (;;) {
			pages++;
			ids.push(...answer.body.data.map((ad: { id: string }) => ad.id));
			if (!answer.body.paging.next) break;
			expect(answer.body.paging.next.startsWith(sim.metaBaseUrl)).toBe(true);
			answer = await graph(sim).getUrl(answer.body.paging.next);
		}
		expect(ids.length).toBe(5 * 3 * 4);
		expect(new Set(ids).size).toBe(ids.length);
		expect(pages).toBe(Math.ceil(60 / 7));
	});

	it('filters by effective_status and name', async () => {
		const paused = await graph(sim).get(`/${account}/campaigns`, { fields: 'name,status,effective_status', limit: 100, filtering: [{ field: 'effective_status', operator: 'IN', value: ['PAUSED'] }] });
		for (const c of paused.body.data) expect(c.effective_status).toBe('PAUSED');
		const all = await graph(sim).get(`/${account}/campaigns`, { fields: 'name', limit: 100 });
		const word = all.body.data[0].name.split(' ')[0];
		const named = await graph(sim).get(`/${account}/campaigns`, { fields: 'name', limit: 100, filtering: [{ field: 'name', operator: 'CONTAIN', value: word }] });
		expect(named.body.data.length).toBeGreaterThan(0);
		expect(named.body.data.every((c: { name: string }) => c.name.includes(word))).toBe(true);
		expect(named.body.data.length).toBeLessThanOrEqual(all.body.data.length);
	});

	it('rejects unknown fields like Graph', async () => {
		const answer = await graph(sim).get(`/${account}/campaigns`, { fields: 'id,bogus' });
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toContain('nonexisting field (bogus)');
	});

	it('reports the account with currency, timezone and spend', async () => {
		const accounts = await graph(sim).get('/me/adaccounts', { fields: 'id,currency,timezone_name,amount_spent,spend_cap,account_status' });
		const currencies = accounts.body.data.map((a: { currency: string }) => a.currency);
		expect(currencies).toEqual(['EUR', 'USD', 'JPY']);
		for (const a of accounts.body.data) {
			expect(Number(a.amount_spent)).toBeGreaterThan(0);
			expect(a.account_status).toBe(1);
		}
		const minimums = await graph(sim).get(`/${account}/minimum_budgets?limit=100`);
		expect(minimums.body.data.find((row: { currency: string }) => row.currency === 'EUR')).toMatchObject({ min_daily_budget_imp: expect.any(Number) });
	});

	it('creates, updates and deletes objects, visible to later reads', async () => {
		const g = graph(sim);
		const campaign = await g.post(`/${account}/campaigns`, { name: 'Sim test', objective: 'OUTCOME_SALES', special_ad_categories: [], is_adset_budget_sharing_enabled: false, status: 'PAUSED' });
		expect(campaign.status).toBe(200);
		const campaignId = campaign.body.id;
		const adSet = await g.post(`/${account}/adsets`, {
			name: 'Sim ad set', campaign_id: campaignId, billing_event: 'IMPRESSIONS', optimization_goal: 'OFFSITE_CONVERSIONS',
			daily_budget: 5000, targeting: { geo_locations: { countries: ['DE'] } },
		});
		expect(adSet.status).toBe(200);
		const listed = await g.get(`/${campaignId}/adsets`, { fields: 'id,name,daily_budget,effective_status' });
		expect(listed.body.data).toEqual([{ id: adSet.body.id, name: 'Sim ad set', daily_budget: '5000', effective_status: 'PAUSED' }]);
		expect((await g.post(`/${adSet.body.id}`, { daily_budget: 6000, status: 'ACTIVE' })).body).toEqual({ success: true });
		const read = await g.get(`/${adSet.body.id}`, { fields: 'daily_budget,status,effective_status,campaign{name}' });
		expect(read.body).toMatchObject({ daily_budget: '6000', status: 'ACTIVE', effective_status: 'CAMPAIGN_PAUSED', campaign: { name: 'Sim test' } });
		expect((await g.delete(`/${adSet.body.id}`)).body).toEqual({ success: true });
		expect((await g.get(`/${campaignId}/adsets`)).body.data).toEqual([]);
		sim.reset();
		expect((await g.get(`/${campaignId}`)).body.error.code).toBe(100);
	});

	it('validates creates the way Meta does', async () => {
		const g = graph(sim);
		expect((await g.post(`/${account}/campaigns`, { name: 'x', objective: 'CONVERSIONS', special_ad_categories: [] })).body.error.code).toBe(100);
		expect((await g.post(`/${account}/campaigns`, { name: 'x', objective: 'OUTCOME_SALES' })).body.error.message).toContain('special_ad_categories');
		const cbo = await g.post(`/${account}/campaigns`, { name: 'CBO', objective: 'OUTCOME_SALES', special_ad_categories: [], daily_budget: 10000 });
		const base = { name: 's', campaign_id: cbo.body.id, billing_event: 'IMPRESSIONS', optimization_goal: 'REACH', targeting: { geo_locations: { countries: ['DE'] } } };
		expect((await g.post(`/${account}/adsets`, { ...base, daily_budget: 5000 })).body.error.error_subcode).toBe(1885621);
		expect((await g.post(`/${account}/adsets`, { ...base, targeting: { age_min: 18 } })).body.error.error_user_title).toContain('Location');
		const abo = await g.post(`/${account}/campaigns`, { name: 'ABO', objective: 'OUTCOME_SALES', special_ad_categories: [], is_adset_budget_sharing_enabled: false });
		const low = await g.post(`/${account}/adsets`, { ...base, campaign_id: abo.body.id, daily_budget: 10 });
		expect(low.body.error).toMatchObject({ code: 100, error_subcode: 1885272 });
		const lifetime = await g.post(`/${account}/adsets`, { ...base, campaign_id: abo.body.id, lifetime_budget: 100000 });
		expect(lifetime.body.error.error_user_title).toBe('End Time Required');
		const validateOnly = await g.post(`/${account}/campaigns`, { name: 'dry', objective: 'OUTCOME_SALES', special_ad_categories: [], is_adset_budget_sharing_enabled: false, execution_options: ['validate_only'] });
		expect(validateOnly.body).toEqual({ success: true });
		const names = (await g.get(`/${account}/campaigns`, { fields: 'name', limit: 500 })).body.data.map((c: { name: string }) => c.name);
		expect(names).not.toContain('dry');
	});

	it('blocks the fifth ad set budget change within an hour with code 17', async () => {
		const g = graph(sim);
		const abo = await g.post(`/${account}/campaigns`, { name: 'ABO', objective: 'OUTCOME_SALES', special_ad_categories: [], is_adset_budget_sharing_enabled: false });
		const adSet = await g.post(`/${account}/adsets`, { name: 's', campaign_id: abo.body.id, billing_event: 'IMPRESSIONS', optimization_goal: 'REACH', daily_budget: 2000, targeting: { geo_locations: { countries: ['DE'] } } });
		for (let i = 1; i <= 4; i++) expect((await g.post(`/${adSet.body.id}`, { daily_budget: 2000 + i * 100 })).status).toBe(200);
		const blocked = await g.post(`/${adSet.body.id}`, { daily_budget: 9000 });
		expect(blocked.body.error.code).toBe(17);
		expect((await g.get(`/${adSet.body.id}`, { fields: 'daily_budget' })).body.daily_budget).toBe('2400');
		expect((await g.post(`/${adSet.body.id}`, { name: 'renamed' })).status).toBe(200);
	});
});
