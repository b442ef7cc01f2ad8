import { byId, capture, graph, mockAccount, runNode, runNodeError, v } from '../campaign/helpers';

describe('ad set get / get many', () => {
	it('gets an ad set with its bid in major units', async () => {
		graph().get(v('/42')).query({ fields: 'id,name,bid_amount,account_id' }).reply(200, { id: '42', name: 'A', bid_amount: 150, account_id: '1' });
		graph().get(v('/act_1')).query({ fields: 'currency' }).reply(200, { currency: 'USD' });
		const { items } = await runNode({ resource: 'adSet', operation: 'get', adSetId: byId('42'), fields: ['name', 'bid_amount'] });
		expect(items[0].json).toMatchObject({ id: '42', bidAmount: 1.5, bidAmountMinor: 150, currency: 'USD' });
	});

	it('lists the ad sets of one campaign', async () => {
		const seen: Array<Record<string, string>> = [];
		graph()
			.get(v('/555/adsets'))
			.query((q) => {
				seen.push(q as Record<string, string>);
				return true;
			})
			.reply(200, { data: [{ id: '1', name: 'x' }] });
		const { items } = await runNode({
			resource: 'adSet', operation: 'getMany', listFrom: 'campaignId', campaignId: byId('555'), returnAll: true,
			fields: ['name'], filters: { status: ['ACTIVE'] }, options: {},
		});
		expect(JSON.parse(seen[0].filtering)).toEqual([{ field: 'configured_status', operator: 'IN', value: ['ACTIVE'] }]);
		expect(Number(seen[0].limit)).toBe(100);
		expect(items.map((item) => item.json)).toEqual([{ id: '1', name: 'x' }]);
	});

	it('names the parent field when its id is malformed', async () => {
		const error = await runNodeError({ resource: 'adSet', operation: 'getMany', listFrom: 'campaignId', campaignId: byId('x1'), returnAll: true, fields: [] });
		expect(error.message).toBe('Campaign ID on item 0 must be a numeric Meta ID, got "x1"');
	});
});

describe('ad set update', () => {
	it('updates targeting and bid amount (minor units)', async () => {
		const sent = capture();
		graph().get(v('/42')).query({ fields: 'account_id' }).reply(200, { account_id: '1' });
		graph().get(v('/act_1')).query({ fields: 'currency' }).reply(200, { currency: 'EUR' });
		graph().post(v('/42'), sent.match).reply(200, { success: true });
		const { items } = await runNode({
			resource: 'adSet', operation: 'update', adSetId: byId('42'),
			updateFields: { bidAmount: 2.5, targetingJson: '{"geo_locations":{"countries":["FR"]}}' },
		});
		expect(sent.bodies).toEqual([{ targeting: { geo_locations: { countries: ['FR'] } }, bid_amount: 250 }]);
		expect(items[0].json).toMatchObject({ updatedFields: ['targeting', 'bid_amount'], bidAmount: 2.5, bidAmountMinor: 250 });
	});

	it('refuses targeting without geo_locations', async () => {
		const error = await runNodeError({ resource: 'adSet', operation: 'update', adSetId: byId('42'), updateFields: { targetingJson: '{"age_min":20}' } });
		expect(error.message).toBe('Targeting (JSON) on item 0 must be an object with "geo_locations"');
	});
});

describe('ad set budgets and status', () => {
	it('sets an ad set daily budget', async () => {
		const sent = capture();
		graph().get(v('/42')).query(true).reply(200, { id: '42', account_id: '1', daily_budget: '1000' });
		mockAccount('act_1', 'EUR', 100);
		graph().post(v('/42'), sent.match).reply(200, { success: true });
		const { items } = await runNode({ resource: 'adSet', operation: 'setBudget', adSetId: byId('42'), budgetType: 'daily', amount: 15 });
		expect(sent.bodies).toEqual([{ daily_budget: 1500 }]);
		expect(items[0].json).toMatchObject({ object: 'adSet', oldBudget: 10, newBudget: 15 });
	});

	it('explains an ad set whose budget lives on the campaign', async () => {
		graph().get(v('/42')).query(true).reply(200, { id: '42', account_id: '1' });
		mockAccount();
		const error = await runNodeError({ resource: 'adSet', operation: 'changeBudget', adSetId: byId('42'), budgetType: 'daily', percent: 10, limits: {} });
		expect(error.message).toBe('Ad Set 42 has no daily budget to change (item 0)');
		expect(error.description).toContain('campaign');
	});

	it('pauses ad sets through one batch call', async () => {
		const sent = capture();
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }, { code: 200, body: '{"success":true}' }]);
		const { items } = await runNode(['8', '9'].map((id) => ({ resource: 'adSet', operation: 'pause', adSetId: byId(id) })));
		expect(JSON.parse(String(sent.bodies[0].batch))).toEqual([
			{ method: 'POST', relative_url: '8', body: 'status=PAUSED' },
			{ method: 'POST', relative_url: '9', body: 'status=PAUSED' },
		]);
		expect(items.map((item) => item.json.object)).toEqual(['adSet', 'adSet']);
	});
});
