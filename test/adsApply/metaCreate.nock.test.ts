/**
 * Meta creates without the simulator: the spec → bodies through the Meta Ads
 * node's builders (pure), and the exact Graph calls of Apply, including a
 * roll-back whose delete Meta refuses (the output says what is left).
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { sendMetaCreates } from '../../nodes/AdsApply/create/meta';
import { readMetaPlan, withBudgets } from '../../nodes/AdsApply/create/metaSpec';
import type { PlanEntry } from '../../nodes/AdsApply/engine/types';
import { graph, metaExecuteContext, v } from '../metaAds/helpers/meta';

const spec = (): IDataObject => ({
	campaign: { name: 'C', objective: 'OUTCOME_SALES', specialAdCategories: [], budgetType: 'none', isAdsetBudgetSharingEnabled: false, status: 'ACTIVE' },
	adSet: { name: 'S', optimizationGoal: 'OFFSITE_CONVERSIONS', billingEvent: 'IMPRESSIONS', budgetType: 'daily', budgetAmount: 1500, currency: 'JPY', countries: ['JP'], ageMin: 18, ageMax: 40, status: 'ACTIVE' },
	creative: { name: 'K', creativeType: 'link', pageId: '42', linkUrl: 'https://example.com', imageHash: 'abcdef0123', message: 'Hi', callToAction: 'SHOP_NOW' },
	ad: { name: 'A', status: 'ACTIVE' },
});

afterEach(() => nock.cleanAll());

describe('readMetaPlan', () => {
	it('builds the four bodies with the Meta Ads builders, all PAUSED, budgets in the account minor units', () => {
		const read = readMetaPlan(spec(), 3);
		if (!read.ok) throw new Error(read.message);
		expect(read.plan).toMatchObject({ name: 'C', currency: 'JPY', budget: 1500 });
		const bodies = withBudgets(read.plan, 'JPY');
		expect(bodies.campaign).toMatchObject({ name: 'C', objective: 'OUTCOME_SALES', status: 'PAUSED', special_ad_categories: [], is_adset_budget_sharing_enabled: false });
		// JPY has no minor unit: 1500 yen is 1500.
		expect(bodies.adSet).toMatchObject({ status: 'PAUSED', daily_budget: 1500, targeting: { geo_locations: { countries: ['JP'] }, age_min: 18, age_max: 40 } });
		expect(bodies.creative).toEqual({ name: 'K', object_story_spec: { page_id: '42', link_data: expect.objectContaining({ link: 'https://example.com', image_hash: 'abcdef0123' }) } });
		expect(bodies.ad).toMatchObject({ name: 'A', status: 'PAUSED' });
		expect(withBudgets(read.plan, 'EUR').adSet.daily_budget).toBe(150000);
	});

	it('names the field of the first problem', () => {
		const bad = (patch: (s: IDataObject) => void) => {
			const s = spec();
			patch(s);
			return readMetaPlan(s, 0);
		};
		expect(bad((s) => delete s.adSet)).toMatchObject({ ok: false, field: 'params.spec.adSet' });
		expect(bad((s) => ((s.adSet as IDataObject).budgetAmount = -1))).toMatchObject({ ok: false, field: 'params.spec.adSet.budgetAmount' });
		expect(bad((s) => ((s.campaign as IDataObject).budgetType = 'daily'))).toMatchObject({ ok: false, field: 'params.spec.campaign.budgetAmount' });
		expect(bad((s) => ((s.adSet as IDataObject).ageMin = 70))).toMatchObject({ ok: false, field: 'params.spec.adSet', message: expect.stringContaining('Minimum Age') });
		expect(bad((s) => ((s.creative as IDataObject).pageId = 'my page'))).toMatchObject({ ok: false, field: 'params.spec.creative' });
		expect(bad((s) => ((s.ad as IDataObject).name = ''))).toMatchObject({ ok: false, field: 'params.spec.ad.name' });
	});
});

describe('sendMetaCreates', () => {
	function entry(): PlanEntry {
		const read = readMetaPlan(spec(), 0);
		if (!read.ok) throw new Error(read.message);
		return { itemIndex: 0, create: { platform: 'meta', accountId: '7', bodies: withBudgets(read.plan, 'JPY') } } as PlanEntry;
	}

	it('creates in order, each body linked to the ids before it', async () => {
		const sent: IDataObject[] = [];
		const record = (id: string) => (_uri: string, body: nock.Body): [number, IDataObject] => (sent.push(body as IDataObject), [200, { id }]);
		graph().post(v('/act_7/campaigns')).reply(record('1')).post(v('/act_7/adcreatives')).reply(record('2')).post(v('/act_7/adsets')).reply(record('3')).post(v('/act_7/ads')).reply(record('4'));
		const results = await sendMetaCreates(metaExecuteContext(), [entry()], false);
		expect(results.get(0)).toMatchObject({ ok: true, response: { accountId: '7', created: [{ level: 'campaign', id: '1' }, { level: 'creative', id: '2' }, { level: 'adSet', id: '3' }, { level: 'ad', id: '4' }] } });
		expect(sent[2]).toMatchObject({ campaign_id: '1' });
		expect(sent[3]).toMatchObject({ adset_id: '3', creative: { creative_id: '2' } });
		expect(sent.every((b) => b.status === undefined || b.status === 'PAUSED')).toBe(true);
		expect(nock.isDone()).toBe(true);
	});

	it('a refused ad set rolls back; a delete Meta refuses is named in the error', async () => {
		graph()
			.post(v('/act_7/campaigns')).reply(200, { id: '1' })
			.post(v('/act_7/adcreatives')).reply(200, { id: '2' })
			.post(v('/act_7/adsets')).reply(400, { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_user_msg: 'Budget too low' } })
			.delete(v('/2')).reply(400, { error: { message: 'Creative in use', type: 'OAuthException', code: 100 } })
			.delete(v('/1')).reply(200, { success: true });
		const result = (await sendMetaCreates(metaExecuteContext(), [entry()], false)).get(0)!;
		expect(result.ok).toBe(false);
		expect(result.error?.message).toMatch(/^Meta refused the adSet: .*; could not delete creative 2: delete them by hand$/);
		expect(result.response).toMatchObject({ leftBehind: ['creative 2'] });
		expect(nock.isDone()).toBe(true);
	});

	it('validate-only sends the campaign and the creative with execution_options and nothing else', async () => {
		const sent: IDataObject[] = [];
		graph()
			.post(v('/act_7/campaigns')).reply((_u, body) => (sent.push(body as IDataObject), [200, { success: true }]))
			.post(v('/act_7/adcreatives')).reply((_u, body) => (sent.push(body as IDataObject), [200, { success: true }]));
		const result = (await sendMetaCreates(metaExecuteContext(), [entry()], true)).get(0)!;
		expect(result).toMatchObject({ ok: true, validateOnly: true });
		expect(sent.map((b) => b.execution_options)).toEqual([['validate_only'], ['validate_only']]);
		expect(nock.isDone()).toBe(true);
	});
});
