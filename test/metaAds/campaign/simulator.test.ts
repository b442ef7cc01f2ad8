/**
 * The object operations end to end against the AdPilot Meta simulator
 * (real HTTP on loopback): create → read → budget → status → delete.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { SIM_META_ACCESS_TOKEN } from '../../../simulator/credentials';
import type { RunningSimulator } from '../../../simulator/server';
import { startTestSimulator } from '../../simulator/helpers';
import { metaExecuteContext } from '../helpers';
import { byId } from './helpers';

describe('Meta objects against the simulator', () => {
	let sim: RunningSimulator;
	let account: string;
	let currency: string;

	async function run(parameters: IDataObject | IDataObject[], continueOnFail = false): Promise<INodeExecutionData[]> {
		const node = new MetaAds();
		const ctx = metaExecuteContext({
			parameters,
			continueOnFail,
			nodeType: node,
			credential: { accessToken: SIM_META_ACCESS_TOKEN, baseUrl: sim.metaBaseUrl },
		});
		const [items] = await node.execute.call(ctx);
		return items;
	}

	beforeAll(async () => {
		sim = await startTestSimulator({ dataset: { accounts: 1, campaignsPerAccount: 2, adSetsPerCampaign: 1, adsPerAdSet: 1 } });
		const response = await fetch(`${sim.metaBaseUrl}/v25.0/me/adaccounts?fields=id,currency`, { headers: { authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } });
		const first = ((await response.json()) as { data: Array<{ id: string; currency: string }> }).data[0];
		account = first.id;
		currency = first.currency;
	});
	afterAll(() => sim.close());

	it('creates a paused campaign and ad set, changes the budget, toggles status and deletes', async () => {
		const [campaign] = await run({
			resource: 'campaign', operation: 'create', adAccountId: byId(account), name: 'Sim campaign', objective: 'OUTCOME_TRAFFIC',
			specialAdCategories: [], budgetType: 'none', isAdsetBudgetSharingEnabled: false, activateOnCreate: false, additionalFields: {},
		});
		expect(campaign.json).toMatchObject({ status: 'PAUSED', name: 'Sim campaign' });
		const campaignId = String(campaign.json.id);

		const [adSet] = await run({
			resource: 'adSet', operation: 'create', adAccountId: byId(account), campaignId: byId(campaignId), name: 'Sim ad set',
			optimizationGoal: 'REACH', billingEvent: 'IMPRESSIONS', budgetType: 'daily', budgetAmount: 20, startTime: '', endTime: '',
			countries: 'US', targetingJson: '{}', activateOnCreate: false, additionalFields: { ageMin: 21 },
		});
		expect(adSet.json).toMatchObject({ status: 'PAUSED', dailyBudget: 20, currency });
		const adSetId = String(adSet.json.id);

		const [read] = await run({ resource: 'adSet', operation: 'get', adSetId: byId(adSetId), fields: ['name', 'status', 'daily_budget', 'targeting'] });
		expect(read.json).toMatchObject({ id: adSetId, status: 'PAUSED', dailyBudget: 20, currency });

		const [changed] = await run({ resource: 'adSet', operation: 'changeBudget', adSetId: byId(adSetId), budgetType: 'daily', percent: 50, limits: { ceiling: 25 } });
		expect(changed.json).toMatchObject({ oldBudget: 20, newBudget: 25, changed: true });

		const tooLow = await run({ resource: 'adSet', operation: 'setBudget', adSetId: byId(adSetId), budgetType: 'daily', amount: 0.2 }, true);
		expect(String(tooLow[0].json.error)).toContain('below the account minimum daily budget');

		const activated = await run({ resource: 'adSet', operation: 'activate', adSetId: byId(adSetId) });
		expect(activated[0].json).toMatchObject({ status: 'ACTIVE', success: true });
		const listed = await run({
			resource: 'adSet', operation: 'getMany', adAccountId: byId(account), listFrom: 'campaignId', campaignId: byId(campaignId),
			returnAll: true, fields: ['name', 'status'], filters: { nameContains: 'sim ad' }, options: {},
		});
		expect(listed.map((item) => [item.json.id, item.json.status])).toEqual([[adSetId, 'ACTIVE']]);

		const [adSetDeleted] = await run({ resource: 'adSet', operation: 'delete', adSetId: byId(adSetId) });
		expect(adSetDeleted.json).toEqual({ id: adSetId, object: 'adSet', deleted: true });
		// A malformed id next to a good one: the good one is still deleted.
		const deleted = await run(
			[byId('not-an-id'), byId(campaignId)].map((campaignIdParam) => ({ resource: 'campaign', operation: 'delete', campaignId: campaignIdParam })),
			true,
		);
		expect(deleted[0].json.error).toContain('Campaign ID on item 0');
		expect(deleted[1].json).toEqual({ id: campaignId, object: 'campaign', deleted: true });
		const [gone] = await run({ resource: 'campaign', operation: 'get', campaignId: byId(campaignId), fields: ['status'] }, true);
		expect(gone.json).toEqual({ id: campaignId, status: 'DELETED' });
	});
});
