import { buildCampaignBody } from '../../../nodes/MetaAds/actions/campaign/create.operation';
import { byId, capture, expectNoToken, graph, mockAccount, runNode, runNodeError, v } from './helpers';

const base = {
	resource: 'campaign',
	operation: 'create',
	adAccountId: byId('act_1'),
	name: 'Spring sale',
	objective: 'OUTCOME_SALES',
	specialAdCategories: [],
	budgetType: 'none',
	isAdsetBudgetSharingEnabled: false,
	activateOnCreate: false,
	additionalFields: {},
};

describe('campaign create: body builder', () => {
	it('sends an empty special_ad_categories list and PAUSED', () => {
		const body = buildCampaignBody({ name: 'x', objective: 'OUTCOME_TRAFFIC', specialAdCategories: [], status: 'PAUSED' });
		expect(body).toEqual({
			name: 'x',
			objective: 'OUTCOME_TRAFFIC',
			status: 'PAUSED',
			special_ad_categories: [],
			buying_type: 'AUCTION',
			is_adset_budget_sharing_enabled: false,
		});
	});

	it('puts a campaign budget in minor units and drops budget sharing', () => {
		const body = buildCampaignBody({
			name: 'x', objective: 'OUTCOME_SALES', specialAdCategories: ['HOUSING'], status: 'PAUSED',
			budget: { type: 'lifetime', minor: 250000 }, bidStrategy: 'COST_CAP',
		});
		expect(body.lifetime_budget).toBe(250000);
		expect(body).not.toHaveProperty('is_adset_budget_sharing_enabled');
		expect(body.bid_strategy).toBe('COST_CAP');
		expect(body.special_ad_categories).toEqual(['HOUSING']);
	});
});

describe('campaign create', () => {
	it('creates PAUSED with no budget and budget sharing chosen', async () => {
		const sent = capture();
		const scope = graph().post(v('/act_1/campaigns'), sent.match).reply(200, { id: '111' });
		const { items, ctx } = await runNode(base);
		expect(scope.isDone()).toBe(true);
		expect(sent.bodies[0]).toMatchObject({
			name: 'Spring sale',
			objective: 'OUTCOME_SALES',
			status: 'PAUSED',
			special_ad_categories: [],
			is_adset_budget_sharing_enabled: false,
		});
		expect(items).toEqual([
			{
				json: { id: '111', accountId: 'act_1', name: 'Spring sale', objective: 'OUTCOME_SALES', status: 'PAUSED', specialAdCategories: [] },
				pairedItem: { item: 0 },
			},
		]);
		expect(ctx.sentRequests[0].headers.Authorization).toMatch(/^Bearer /);
	});

	it('converts a daily budget to minor units using the account currency', async () => {
		const sent = capture();
		mockAccount('act_1', 'EUR', 100);
		graph().post(v('/act_1/campaigns'), sent.match).reply(200, { id: '112' });
		const { items } = await runNode({ ...base, budgetType: 'daily', budgetAmount: 50.5, specialAdCategories: ['CREDIT'] });
		expect(sent.bodies[0].daily_budget).toBe(5050);
		expect(sent.bodies[0]).not.toHaveProperty('is_adset_budget_sharing_enabled');
		expect(sent.bodies[0].special_ad_categories).toEqual(['CREDIT']);
		expect(items[0].json).toMatchObject({ dailyBudget: 50.5, dailyBudgetMinor: 5050, currency: 'EUR' });
	});

	it('uses offset-1 currencies as they are (JPY)', async () => {
		const sent = capture();
		mockAccount('act_1', 'JPY', 100);
		graph().post(v('/act_1/campaigns'), sent.match).reply(200, { id: '113' });
		await runNode({ ...base, budgetType: 'daily', budgetAmount: 5000 });
		expect(sent.bodies[0].daily_budget).toBe(5000);
	});

	it('creates ACTIVE only with the explicit opt-in', async () => {
		const sent = capture();
		graph().post(v('/act_1/campaigns'), sent.match).reply(200, { id: '114' });
		await runNode({ ...base, activateOnCreate: true });
		expect(sent.bodies[0].status).toBe('ACTIVE');
	});

	it('refuses a daily budget below the account minimum before creating anything', async () => {
		mockAccount('act_1', 'EUR', 100);
		const post = graph().post(v('/act_1/campaigns')).reply(200, { id: 'never' });
		const error = await runNodeError({ ...base, budgetType: 'daily', budgetAmount: 0.5 });
		expect(error.message).toBe('Budget on item 0 is 0.5 EUR, below the account minimum daily budget of 1 EUR');
		expect(post.isDone()).toBe(false);
	});

	it.each([
		['a non-numeric budget', { budgetType: 'daily', budgetAmount: 'fifty' }, 'Budget on item 0 must be a number, got "fifty"'],
		['a zero budget', { budgetType: 'lifetime', budgetAmount: 0 }, 'Budget on item 0 must be greater than 0, got 0'],
		['an unknown objective', { objective: 'CONVERSIONS' }, 'Objective on item 0 is "CONVERSIONS"'],
		['an unknown special category', { specialAdCategories: ['CASINOS'] }, 'Special Ad Categories on item 0 is "CASINOS"'],
		['a malformed account', { adAccountId: byId('my account') }, '"my account" is not a Meta ad account ID'],
		['a blank name', { name: '  ' }, 'Name is required on item 0'],
	])('rejects %s before any call', async (_label, override, message) => {
		const error = await runNodeError({ ...base, ...override });
		expect(error.message).toContain(message);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('reports an expired token clearly without leaking it', async () => {
		graph()
			.post(v('/act_1/campaigns'))
			.reply(400, { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } });
		const error = await runNodeError(base);
		expect(error.message).toMatch(/token/i);
		expect(error.context?.itemIndex).toBe(0);
		expectNoToken({ message: error.message, description: error.description });
	});

	it('with Continue On Fail, a bad middle item becomes an error item and the others are created', async () => {
		const sent = capture();
		graph().post(v('/act_1/campaigns'), sent.match).times(2).reply(200, { id: '200' });
		const { items } = await runNode([base, { ...base, objective: 'BOGUS' }, { ...base, name: 'Third' }], { continueOnFail: true });
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe('200');
		expect(items[1]).toEqual({ json: expect.objectContaining({ error: expect.stringContaining('Objective on item 1') }), pairedItem: { item: 1 } });
		expect(items[2]).toMatchObject({ json: { name: 'Third' }, pairedItem: { item: 2 } });
		expect(sent.bodies.map((b) => b.name)).toEqual(['Spring sale', 'Third']);
	});
});
