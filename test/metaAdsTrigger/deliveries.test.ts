/**
 * What the trigger emits for signed deliveries: one item per change, duplicate
 * deliveries once, and re-read objects from the simulator.
 */
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../simulator/credentials';
import { SIM_LEADS, SIM_META_PAGE_ID } from '../../simulator/meta/webhooks';
import type { RunningSimulator } from '../../simulator/server';
import { deliverMetaWebhook, metaNotification } from '../../simulator/webhooks/metaDelivery';
import { graph } from '../simulator/helpers';
import { credentialsFor, startSmallSimulator, T0, triggerParameters, type SimIds } from './fixtures';
import { startTriggerServer, type RunningTrigger } from './triggerServer';
import type { IDataObject } from 'n8n-workflow';

let sim: RunningSimulator;
let ids: SimIds;
let trigger: RunningTrigger | undefined;

beforeAll(async () => {
	({ sim, ids } = await startSmallSimulator());
});
afterAll(async () => await sim.close());
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

async function start(parameters: IDataObject = {}, staticData?: IDataObject) {
	trigger = await startTriggerServer({ parameters: triggerParameters(parameters), credentials: credentialsFor(sim), staticData });
	return trigger;
}

const withIssues = (id: string, level = 'AD', time = T0) =>
	metaNotification('ad_account', [{ id: ids.accountId, time, changes: [{ field: 'with_issues_ad_objects', value: { id, level, error_code: 1487, error_summary: 'Ad disapproved' } }] }]);

describe('one item per change', () => {
	it('splits several entries, each with several changes, keeping field, ids and time', async () => {
		const t = await start({ reRead: false });
		const payload = metaNotification('ad_account', [
			{
				id: ids.accountId,
				time: T0,
				changes: [
					{ field: 'with_issues_ad_objects', value: { id: ids.adId, level: 'AD', error_summary: 'Disapproved' } },
					{ field: 'in_process_ad_objects', value: { id: ids.adSetId, level: 'AD_SET', status_name: 'ACTIVE' } },
				],
			},
			{
				id: `act_${ids.accountId}`,
				time: T0 + 60,
				changes: [
					{ field: 'creative_fatigue', value: { ad_account_id: ids.accountId, adgroup_id: ids.adId, creative_fatigue_level: 'HIGH' } },
					{ field: 'ad_recommendations', value: { ad_account_id: ids.accountId, ad_object_ids: [ids.campaignId, ids.adSetId], recommendation_type: 'BUDGET_LIMITED' } },
				],
			},
		]);
		expect(await deliverMetaWebhook(t.url, payload)).toEqual({ status: 200, text: 'EVENT_RECEIVED' });
		expect(t.executions).toHaveLength(1);
		// Answered by the node, so n8n saves the duplicate window before the run loads static data (README, Meta Ads Trigger).
		expect(t.answeredBy).toEqual(['node']);
		const items = t.executions[0];
		expect(items.map((i) => [i.field, i.objectId, i.objectLevel, i.entryId, i.time])).toEqual([
			['with_issues_ad_objects', ids.adId, 'ad', ids.accountId, new Date(T0 * 1000).toISOString()],
			['in_process_ad_objects', ids.adSetId, 'adset', ids.accountId, new Date(T0 * 1000).toISOString()],
			['creative_fatigue', ids.adId, 'ad', ids.accountId, new Date((T0 + 60) * 1000).toISOString()],
			['ad_recommendations', ids.campaignId, null, ids.accountId, new Date((T0 + 60) * 1000).toISOString()],
		]);
		expect(items[3].objectIds).toEqual([ids.campaignId, ids.adSetId]);
		for (const item of items) expect(item).toMatchObject({ schema: 'adpilot.metaEvent/v1', platform: 'meta', object: 'ad_account', accountId: ids.accountId, knownField: true, timeUnix: expect.any(Number) });
	});

	it('drops fields not selected and unknown fields, answering 200 so Meta does not retry', async () => {
		const t = await start({ reRead: false, fields: ['creative_fatigue'] });
		const payload = metaNotification('ad_account', [{ id: ids.accountId, time: T0, changes: [
			{ field: 'with_issues_ad_objects', value: { id: ids.adId, level: 'AD' } },
			{ field: 'budget_something_new', value: { id: ids.adId } },
		] }]);
		expect(await deliverMetaWebhook(t.url, payload)).toEqual({ status: 200, text: 'EVENT_RECEIVED' });
		expect(t.executions).toHaveLength(0);
	});

	it('emits unknown fields flagged knownField: false when asked', async () => {
		const t = await start({ reRead: true, options: { includeUnknownFields: true } });
		const payload = metaNotification('ad_account', [{ id: ids.accountId, time: T0, changes: [{ field: 'budget_something_new', value: { id: ids.adId } }] }]);
		await deliverMetaWebhook(t.url, payload);
		expect(t.executions[0]).toEqual([expect.objectContaining({ field: 'budget_something_new', knownField: false, objectId: ids.adId, details: null, reRead: { ok: false, error: 'nothing to re-read for field budget_something_new' } })]);
	});
});

describe('duplicate deliveries', () => {
	it('emits a retried delivery once, but a different change with the same entry id and time', async () => {
		const t = await start({ reRead: false });
		expect((await deliverMetaWebhook(t.url, withIssues(ids.adId))).status).toBe(200);
		expect((await deliverMetaWebhook(t.url, withIssues(ids.adId))).status).toBe(200);
		expect(t.executions).toHaveLength(1);
		await deliverMetaWebhook(t.url, withIssues(ids.adSetId, 'AD_SET'));
		expect(t.executions).toHaveLength(2);
		expect(t.executions[1][0].objectId).toBe(ids.adSetId);
		// A later occurrence of the same change is news.
		await deliverMetaWebhook(t.url, withIssues(ids.adId, 'AD', T0 + 3600));
		expect(t.executions).toHaveLength(3);
	});

	it('forgets keys after the window, and keeps them across runs in static data', async () => {
		const staticData: IDataObject = {};
		let t = await start({ reRead: false, options: { dedupeHours: 1 } }, staticData);
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		await t.close();
		// A second "process" with the same stored static data sees the first delivery.
		t = await start({ reRead: false, options: { dedupeHours: 1 } }, staticData);
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		expect(t.executions).toHaveLength(0);
		const seen = staticData.seen as Record<string, number>;
		for (const key of Object.keys(seen)) seen[key] -= 3_600_001;
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		expect(t.executions).toHaveLength(1);
	});

	it('with the window at 0 emits every delivery', async () => {
		const t = await start({ reRead: false, options: { dedupeHours: 0 } });
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		expect(t.executions).toHaveLength(2);
	});
});

describe('Re-Read Object (simulator)', () => {
	it('completes an ad with issues with its name, status and parents', async () => {
		const t = await start();
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		const [item] = t.executions[0];
		expect(item.reRead).toEqual({ ok: true });
		expect(item.details).toMatchObject({ id: ids.adId, name: expect.any(String), adset_id: ids.adSetId, campaign_id: ids.campaignId, status: expect.any(String) });
	});

	it('gives budgets in major units with the account currency, never bare minor units', async () => {
		// The dataset keeps budgets on campaigns or ad sets; re-read whichever carries one.
		const raw = async (id: string) => (await graph(sim).get(`/${id}`, { fields: 'daily_budget,lifetime_budget' })).body;
		const campaign = await raw(ids.campaignId);
		const [id, level] = campaign.daily_budget || campaign.lifetime_budget ? [ids.campaignId, 'CAMPAIGN'] : [ids.adSetId, 'AD_SET'];
		const budgeted = await raw(id);
		const minor = Number(budgeted.daily_budget ?? budgeted.lifetime_budget);
		expect(minor).toBeGreaterThan(0);
		const t = await start();
		await deliverMetaWebhook(t.url, withIssues(id, level));
		const details = t.executions[0][0].details as IDataObject;
		const name = budgeted.daily_budget ? 'dailyBudget' : 'lifetimeBudget';
		expect(details).toMatchObject({ id, currency: expect.stringMatching(/^[A-Z]{3}$/), [`${name}Minor`]: minor });
		expect(details[name]).toBeCloseTo(minor / 100, 6);
		expect(details.daily_budget).toBeUndefined();
	});

	it('reads a lead\'s answers for leadgen on a page', async () => {
		const t = await start({ object: 'page', pageId: SIM_META_PAGE_ID });
		const lead = SIM_LEADS[1];
		const payload = metaNotification('page', [{ id: SIM_META_PAGE_ID, time: T0, changes: [{ field: 'leadgen', value: { leadgen_id: lead.id, page_id: SIM_META_PAGE_ID, form_id: lead.form_id, created_time: T0 } }] }]);
		await deliverMetaWebhook(t.url, payload);
		const [item] = t.executions[0];
		expect(item).toMatchObject({ object: 'page', field: 'leadgen', pageId: SIM_META_PAGE_ID, objectId: lead.id, reRead: { ok: true } });
		expect((item.details as IDataObject).answers).toEqual({ full_name: 'Zoë Ünal', email: 'zoe@example.com', interests: ['running', 'trail'] });
	});

	it('still emits the change, with the error, when the object cannot be read', async () => {
		const t = await start();
		await deliverMetaWebhook(t.url, withIssues('123456789'));
		const [item] = t.executions[0];
		expect(item.details).toBeNull();
		expect(item.reRead).toEqual({ ok: false, error: expect.stringMatching(/123456789|does not exist|Unsupported/) });
	});

	it('sends nothing to Meta with Re-Read Object off', async () => {
		const t = await start({ reRead: false });
		await deliverMetaWebhook(t.url, withIssues(ids.adId));
		expect(t.sentRequests).toHaveLength(0);
		expect(t.executions[0][0].details).toBeUndefined();
	});

	it('never puts the token or the app secret in items or logs', async () => {
		const t = await start();
		await deliverMetaWebhook(t.url, withIssues('123456789'));
		await deliverMetaWebhook(t.url, withIssues(ids.adId, 'AD', T0 + 1));
		const text = JSON.stringify([t.executions, t.logs]);
		expect(text).not.toContain(SIM_META_ACCESS_TOKEN);
		expect(text).not.toContain(SIM_META_APP_SECRET);
	});
});
