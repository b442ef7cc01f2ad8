/**
 * `act_X/minimum_budgets` holds one row per currency, dozens of them, paged
 * like any edge: the account's currency may be on page 2, and the minimum
 * check must find it there instead of silently skipping.
 */
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../../simulator/credentials';
import { buildTree } from '../../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { createExecuteContext } from '../../helpers/context';
import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { byId, graph, runNodeError, v } from './helpers';

const setBase = { resource: 'campaign', operation: 'setBudget', campaignId: byId('123'), budgetType: 'daily', amount: 2 };

describe('minimum budgets on a later page', () => {
	it('reads on to page 2 for the account currency and refuses a budget below its minimum', async () => {
		graph().get(v('/123')).query(true).reply(200, { id: '123', name: 'C', account_id: '1', daily_budget: '5000' });
		graph().get(v('/act_1')).query({ fields: 'currency' }).reply(200, { id: 'act_1', currency: 'USD' });
		graph()
			.get(v('/act_1/minimum_budgets'))
			.query((q) => q.after === undefined)
			.reply(200, {
				data: [{ currency: 'AED', min_daily_budget_imp: 400 }, { currency: 'EUR', min_daily_budget_imp: 100 }],
				paging: { cursors: { after: 'P2' }, next: 'https://graph.meta.test/v25.0/act_1/minimum_budgets?after=P2' },
			})
			.get(v('/act_1/minimum_budgets'))
			.query((q) => q.after === 'P2')
			.reply(200, { data: [{ currency: 'USD', min_daily_budget_imp: 500, min_daily_budget_high_freq: 2500 }] });
		const post = graph().post(v('/123')).reply(200, { success: true });

		const error = await runNodeError(setBase);

		expect(error.message).toBe('Budget on item 0 is 2 USD, below the account minimum daily budget of 5 USD');
		expect(post.isDone()).toBe(false);
	});
});

describe('minimum budgets against the simulator (USD lists after 25 other currencies)', () => {
	const dataset = { seed: 2, days: 5, today: '2026-04-01', accounts: 3, campaignsPerAccount: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 };
	const usdAccount = buildTree(dataset).accounts.find((a) => a.currency.code === 'USD')!;
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset });
	});
	afterAll(async () => {
		await sim.close();
	});

	it('the simulator pages the edge and USD is not on its first page', async () => {
		const answer = await fetch(`${sim.metaBaseUrl}/v25.0/act_${usdAccount.id}/minimum_budgets?limit=25`, { headers: { Authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } });
		const body = (await answer.json()) as { data: Array<{ currency: string }>; paging?: { next?: string } };
		expect(body.data.map((row) => row.currency)).not.toContain('USD');
		expect(body.paging?.next).toBeDefined();
	});

	it('Campaign → Set Budget on a USD account refuses a daily budget below the USD minimum without asking Meta', async () => {
		const campaign = buildTree(dataset).campaigns.find((c) => c.accountId === usdAccount.id)!;
		const ctx = createExecuteContext({
			node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
			credentials: { adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: SIM_META_APP_SECRET, apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl } },
			parameters: {
				resource: 'campaign',
				operation: 'setBudget',
				campaignId: byId(campaign.id),
				budgetType: 'daily',
				amount: 0.5,
			},
		});
		await expect(new MetaAds().execute.call(ctx)).rejects.toThrow(/below the account minimum daily budget of 1 USD/);
	});
});
