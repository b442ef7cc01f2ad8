import { buildTargeting } from '../../../nodes/MetaAds/actions/adSet/targeting';
import { byId, capture, graph, mockAccount, runNode, runNodeError, v } from '../campaign/helpers';

const base = {
	resource: 'adSet',
	operation: 'create',
	adAccountId: byId('act_1'),
	campaignId: byId('555'),
	name: 'DE 25-44',
	optimizationGoal: 'LINK_CLICKS',
	billingEvent: 'IMPRESSIONS',
	budgetType: 'daily',
	budgetAmount: 20,
	startTime: '',
	endTime: '',
	countries: 'de, at',
	targetingJson: '{"publisher_platforms":["facebook"],"geo_locations":{"location_types":["home"]}}',
	activateOnCreate: false,
	additionalFields: { ageMin: 25, ageMax: 44 },
};

describe('ad set targeting helper', () => {
	it('merges countries and ages into the JSON, keeping other geo keys', () => {
		expect(buildTargeting({ geo_locations: { cities: [{ key: '1' }] }, age_min: 18 }, { countries: 'us ca', ageMin: 21 }, 0)).toEqual({
			geo_locations: { cities: [{ key: '1' }], countries: ['US', 'CA'] },
			age_min: 21,
		});
	});

	it.each([
		[{}, { countries: 'USA' }, 'Countries on item 2 must be two-letter country codes, got "USA"'],
		[{}, {}, 'Targeting on item 2 needs a location: fill Countries or add "geo_locations" to Targeting (JSON)'],
		[{}, { countries: 'US', ageMin: 40, ageMax: 30 }, 'Minimum Age (40) is above Maximum Age (30) on item 2'],
		[{}, { countries: 'US', ageMin: 12 }, 'Minimum Age on item 2 must be a whole number from 13 to 65, got 12'],
		[[1], { countries: 'US' }, 'Targeting (JSON) on item 2 must be a JSON object'],
	])('refuses bad targeting %#', (json, helper, message) => {
		expect(() => buildTargeting(json, helper, 2)).toThrow(message);
	});
});

describe('ad set create', () => {
	it('creates PAUSED with merged targeting and the daily budget in minor units', async () => {
		const sent = capture();
		mockAccount('act_1', 'EUR', 100);
		graph().post(v('/act_1/adsets'), sent.match).reply(200, { id: '777' });
		const { items } = await runNode(base);
		expect(sent.bodies[0]).toEqual({
			name: 'DE 25-44',
			campaign_id: '555',
			optimization_goal: 'LINK_CLICKS',
			billing_event: 'IMPRESSIONS',
			status: 'PAUSED',
			daily_budget: 2000,
			targeting: {
				publisher_platforms: ['facebook'],
				geo_locations: { location_types: ['home'], countries: ['DE', 'AT'] },
				age_min: 25,
				age_max: 44,
			},
		});
		expect(items[0].json).toMatchObject({ id: '777', status: 'PAUSED', dailyBudget: 20, dailyBudgetMinor: 2000, currency: 'EUR' });
	});

	it('sends a lifetime budget with its end time, bid amount and promoted object', async () => {
		const sent = capture();
		mockAccount('act_1', 'USD', 100);
		graph().post(v('/act_1/adsets'), sent.match).reply(200, { id: '778' });
		await runNode({
			...base,
			budgetType: 'lifetime',
			budgetAmount: 700,
			startTime: '2026-12-01T00:00:00Z',
			endTime: '2026-12-08T00:00:00Z',
			additionalFields: { bidStrategy: 'COST_CAP', bidAmount: 4.25, promotedObject: '{"pixel_id":"9","custom_event_type":"PURCHASE"}' },
		});
		expect(sent.bodies[0]).toMatchObject({
			lifetime_budget: 70000,
			start_time: '2026-12-01T00:00:00.000Z',
			end_time: '2026-12-08T00:00:00.000Z',
			bid_strategy: 'COST_CAP',
			bid_amount: 425,
			promoted_object: { pixel_id: '9', custom_event_type: 'PURCHASE' },
		});
		expect(sent.bodies[0]).not.toHaveProperty('daily_budget');
	});

	it('leaves the budget to the campaign when asked', async () => {
		const sent = capture();
		graph().post(v('/act_1/adsets'), sent.match).reply(200, { id: '779' });
		const { ctx } = await runNode({ ...base, budgetType: 'none' });
		expect(sent.bodies[0]).not.toHaveProperty('daily_budget');
		expect(sent.bodies[0]).not.toHaveProperty('lifetime_budget');
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('creates ACTIVE only with the opt-in', async () => {
		const sent = capture();
		graph().post(v('/act_1/adsets'), sent.match).reply(200, { id: '780' });
		await runNode({ ...base, budgetType: 'none', activateOnCreate: true });
		expect(sent.bodies[0].status).toBe('ACTIVE');
	});

	it.each([
		['a lifetime budget without end time', { budgetType: 'lifetime' }, 'End Time is required with a lifetime budget (item 0)'],
		['an end before the start', { startTime: '2026-12-05', endTime: '2026-12-01' }, 'End Time must be after Start Time on item 0'],
		['a missing campaign', { campaignId: byId('') }, 'Campaign ID is missing on item 0'],
		['a malformed campaign', { campaignId: byId('cmp_1') }, 'Campaign ID on item 0 must be a numeric Meta ID, got "cmp_1"'],
		['a non-numeric budget', { budgetAmount: '20 EUR' }, 'Budget on item 0 must be a number, got "20 EUR"'],
		['an unknown optimization goal', { optimizationGoal: 'CLICKS' }, 'Optimization Goal on item 0 is "CLICKS"'],
		['bad targeting JSON', { targetingJson: '{oops' }, 'Targeting (JSON) on item 0 is not valid JSON'],
		['no location', { countries: '', targetingJson: '{}' }, 'Targeting on item 0 needs a location'],
	])('rejects %s before any call', async (_label, override, message) => {
		const error = await runNodeError({ ...base, ...override });
		expect(error.message).toContain(message);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('refuses a daily budget below the account minimum', async () => {
		mockAccount('act_1', 'EUR', 500);
		const post = graph().post(v('/act_1/adsets')).reply(200, { id: 'never' });
		const error = await runNodeError({ ...base, budgetAmount: 4.99 });
		expect(error.message).toBe('Budget on item 0 is 4.99 EUR, below the account minimum daily budget of 5 EUR');
		expect(post.isDone()).toBe(false);
	});

	it('with Continue On Fail, the bad middle item is an error item and the others are created', async () => {
		const sent = capture();
		graph().post(v('/act_1/adsets'), sent.match).times(2).reply(200, { id: '800' });
		const { items } = await runNode(
			[{ ...base, budgetType: 'none' }, { ...base, budgetType: 'lifetime', budgetAmount: 10 }, { ...base, budgetType: 'none', name: 'Third' }],
			{ continueOnFail: true },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe('End Time is required with a lifetime budget (item 1)');
		expect(sent.bodies.map((body) => body.name)).toEqual(['DE 25-44', 'Third']);
	});
});
