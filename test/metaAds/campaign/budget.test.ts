import { changeByPercent } from '../../../nodes/MetaAds/actions/common/budget';
import { lowestMinimum } from '../../../nodes/MetaAds/actions/common/account';
import { byId, capture, graph, mockAccount, runNode, runNodeError, v } from './helpers';

const setBase = { resource: 'campaign', operation: 'setBudget', campaignId: byId('123'), budgetType: 'daily', amount: 80 };
const changeBase = { resource: 'campaign', operation: 'changeBudget', campaignId: byId('123'), budgetType: 'daily', percent: 20, limits: {} };

function mockCampaign(state: Record<string, unknown>, id = '123') {
	return graph()
		.get(v(`/${id}`))
		.query({ fields: 'id,name,account_id,daily_budget,lifetime_budget' })
		.reply(200, { id, name: 'C', account_id: '1', ...state });
}

describe('budget helpers', () => {
	it('changes by percent and clamps to floor and ceiling (major units)', () => {
		expect(changeByPercent({ oldMinor: 10000, percent: 20, currency: 'EUR' })).toBe(12000);
		expect(changeByPercent({ oldMinor: 10000, percent: 20, currency: 'EUR', ceiling: 110 })).toBe(11000);
		expect(changeByPercent({ oldMinor: 10000, percent: -50, currency: 'EUR', floor: 70 })).toBe(7000);
		expect(changeByPercent({ oldMinor: 333, percent: 10, currency: 'USD' })).toBe(366);
	});

	it('takes the lowest of the per-goal minimums for the account currency', () => {
		expect(lowestMinimum([{ currency: 'EUR', min_daily_budget_imp: '100', min_daily_budget_low_freq: 4000 }, { currency: 'USD', min_daily_budget_imp: 1 }], 'EUR')).toBe(100);
		expect(lowestMinimum([], 'EUR')).toBeUndefined();
	});
});

describe('campaign set budget', () => {
	it('reads the currency and writes minor units, returning old and new in major units', async () => {
		const sent = capture();
		mockCampaign({ daily_budget: '5000' });
		mockAccount('act_1', 'EUR', 100);
		graph().post(v('/123'), sent.match).reply(200, { success: true });
		const { items } = await runNode(setBase);
		expect(sent.bodies).toEqual([{ daily_budget: 8000 }]);
		expect(items[0].json).toEqual({
			id: '123', name: 'C', object: 'campaign', budgetType: 'daily', currency: 'EUR',
			oldBudget: 50, oldBudgetMinor: 5000, newBudget: 80, newBudgetMinor: 8000, changed: true,
		});
	});

	it('does not write an unchanged budget', async () => {
		mockCampaign({ daily_budget: '8000' });
		mockAccount();
		const post = graph().post(v('/123')).reply(200, { success: true });
		const { items } = await runNode(setBase);
		expect(post.isDone()).toBe(false);
		expect(items[0].json.changed).toBe(false);
	});

	it('refuses a budget below the account minimum', async () => {
		mockCampaign({ daily_budget: '5000' });
		mockAccount('act_1', 'USD', 500);
		const post = graph().post(v('/123')).reply(200, { success: true });
		const error = await runNodeError({ ...setBase, amount: 2 });
		expect(error.message).toBe('Budget on item 0 is 2 USD, below the account minimum daily budget of 5 USD');
		expect(post.isDone()).toBe(false);
	});

	it('refuses switching a lifetime-budget campaign to a daily budget', async () => {
		mockCampaign({ lifetime_budget: '100000' });
		mockAccount();
		const error = await runNodeError(setBase);
		expect(error.message).toBe('Campaign 123 has a lifetime budget; set its lifetime budget instead (item 0)');
	});

	it.each([
		['non-numeric', 'abc', 'Budget on item 0 must be a number, got "abc"'],
		['negative', -5, 'Budget on item 0 must be greater than 0, got -5'],
		['zero', 0, 'Budget on item 0 must be greater than 0, got 0'],
	])('rejects a %s budget before any call', async (_label, amount, message) => {
		const error = await runNodeError({ ...setBase, amount });
		expect(error.message).toBe(message);
	});

	it('rejects a malformed campaign id before any call', async () => {
		const error = await runNodeError({ ...setBase, campaignId: byId('abc') });
		expect(error.message).toBe('Campaign ID on item 0 must be a numeric Meta ID, got "abc"');
	});

	it('passes Meta\'s own budget error through with the item', async () => {
		mockCampaign({ lifetime_budget: '100000' });
		mockAccount();
		graph().post(v('/123')).reply(400, {
			error: { message: 'Invalid parameter', code: 100, error_subcode: 1885272, error_user_msg: 'Your budget is too low.' },
		});
		const error = await runNodeError({ ...setBase, budgetType: 'lifetime', amount: 2 });
		expect(error.message).toContain('Your budget is too low');
		expect(error.context?.itemIndex).toBe(0);
	});
});

describe('campaign change budget by %', () => {
	it('raises by a percentage within the ceiling', async () => {
		const sent = capture();
		mockCampaign({ daily_budget: '10000' });
		mockAccount();
		graph().post(v('/123'), sent.match).reply(200, { success: true });
		const { items } = await runNode({ ...changeBase, percent: 50, limits: { ceiling: 120 } });
		expect(sent.bodies).toEqual([{ daily_budget: 12000 }]);
		expect(items[0].json).toMatchObject({ oldBudget: 100, newBudget: 120, newBudgetMinor: 12000, percent: 50, currency: 'EUR' });
	});

	it('lowers within the floor', async () => {
		const sent = capture();
		mockCampaign({ lifetime_budget: '100000' });
		mockAccount();
		graph().post(v('/123'), sent.match).reply(200, { success: true });
		const { items } = await runNode({ ...changeBase, budgetType: 'lifetime', percent: -90, limits: { floor: 250 } });
		expect(sent.bodies).toEqual([{ lifetime_budget: 25000 }]);
		expect(items[0].json).toMatchObject({ oldBudget: 1000, newBudget: 250 });
	});

	it('refuses a result below the account minimum', async () => {
		mockCampaign({ daily_budget: '150' });
		mockAccount('act_1', 'EUR', 100);
		const error = await runNodeError({ ...changeBase, percent: -50 });
		expect(error.message).toBe('New budget on item 0 is 0.75 EUR, below the account minimum daily budget of 1 EUR');
	});

	it('explains a campaign without a budget of that type', async () => {
		mockCampaign({});
		mockAccount();
		const error = await runNodeError(changeBase);
		expect(error.message).toBe('Campaign 123 has no daily budget to change (item 0)');
	});

	it.each([
		['a percent of -100', { percent: -100 }, 'Change (%) on item 0 must be a number above -100, got -100'],
		['a non-numeric percent', { percent: 'lots' }, 'Change (%) on item 0 must be a number above -100, got "lots"'],
		['a floor above the ceiling', { limits: { floor: 10, ceiling: 5 } }, 'Floor (10) is above Ceiling (5) on item 0'],
		['a non-numeric ceiling', { limits: { ceiling: 'x' } }, 'Ceiling on item 0 must be a number greater than 0, got "x"'],
	])('rejects %s before any call', async (_label, override, message) => {
		const error = await runNodeError({ ...changeBase, ...override });
		expect(error.message).toBe(message);
	});

	it('with Continue On Fail, the bad middle item is an error item and the others change', async () => {
		const sent = capture();
		mockCampaign({ daily_budget: '10000' }, '1');
		mockCampaign({ daily_budget: '20000' }, '3');
		mockAccount();
		graph().post(v('/1'), sent.match).reply(200, { success: true }).post(v('/3'), sent.match).reply(200, { success: true });
		const { items } = await runNode(
			[
				{ ...changeBase, campaignId: byId('1') },
				{ ...changeBase, campaignId: byId('2'), percent: 'x' },
				{ ...changeBase, campaignId: byId('3') },
			],
			{ continueOnFail: true },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.newBudget).toBe(120);
		expect(items[1].json.error).toContain('Change (%) on item 1');
		expect(items[2].json.newBudget).toBe(240);
		// One currency lookup served all items.
		expect(sent.bodies).toEqual([{ daily_budget: 12000 }, { daily_budget: 24000 }]);
	});
});
