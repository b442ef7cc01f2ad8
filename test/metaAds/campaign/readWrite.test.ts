import { buildListQuery } from '../../../nodes/MetaAds/actions/common/getMany';
import { byId, capture, expectNoToken, graph, mockAccount, runNode, runNodeError, v } from './helpers';

describe('campaign get', () => {
	it('reads the chosen fields and gives budgets in major and minor units', async () => {
		graph()
			.get(v('/123'))
			.query({ fields: 'id,name,daily_budget,account_id' })
			.reply(200, { id: '123', name: 'C', daily_budget: '4550', account_id: '1' });
		mockAccount('act_1', 'USD');
		const { items } = await runNode({ resource: 'campaign', operation: 'get', campaignId: byId('123'), fields: ['name', 'daily_budget'] });
		expect(items[0].json).toEqual({ id: '123', name: 'C', dailyBudget: 45.5, dailyBudgetMinor: 4550, account_id: '1', currency: 'USD' });
	});

	it('skips the currency lookup when no money field is read', async () => {
		graph().get(v('/123')).query({ fields: 'id,name' }).reply(200, { id: '123', name: 'C' });
		const { items, ctx } = await runNode({ resource: 'campaign', operation: 'get', campaignId: byId('123'), fields: ['name'] });
		expect(items[0].json).toEqual({ id: '123', name: 'C' });
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('names the field and the item for a missing id', async () => {
		const error = await runNodeError({ resource: 'campaign', operation: 'get', campaignId: byId(''), fields: [] });
		expect(error.message).toBe('Campaign ID is missing on item 0');
	});

	it('maps Meta 404-style errors to a node error with the item', async () => {
		graph().get(v('/999')).query(true).reply(400, { error: { message: 'Unsupported get request. Object with ID 999 does not exist', code: 100, error_subcode: 33 } });
		const error = await runNodeError({ resource: 'campaign', operation: 'get', campaignId: byId('999'), fields: ['name'] });
		expect(error.message).toContain('does not exist');
		expect(error.context?.itemIndex).toBe(0);
		expectNoToken(error.message);
	});
});

describe('campaign get many', () => {
	it('builds effective_status and filtering for status and name', () => {
		expect(buildListQuery(['id', 'name'], { effectiveStatus: ['ACTIVE'], status: ['PAUSED'], nameContains: ' sale ' })).toEqual({
			fields: 'id,name',
			effective_status: '["ACTIVE"]',
			filtering: JSON.stringify([
				{ field: 'configured_status', operator: 'IN', value: ['PAUSED'] },
				{ field: 'name', operator: 'CONTAIN', value: 'sale' },
			]),
		});
		expect(buildListQuery(['id'], {})).toEqual({ fields: 'id' });
	});

	it('lists from the account with page size, limit and filters', async () => {
		const seen: Array<Record<string, string>> = [];
		graph()
			.get(v('/act_1/campaigns'))
			.query((q) => {
				seen.push(q as Record<string, string>);
				return true;
			})
			.reply(200, {
				data: [
					{ id: '1', name: 'Sale A', lifetime_budget: '100000', account_id: '1' },
					{ id: '2', name: 'Sale B', account_id: '1' },
				],
				paging: { cursors: { after: 'x' } },
			});
		graph().get(v('/act_1')).query({ fields: 'currency' }).reply(200, { currency: 'EUR' });
		const { items } = await runNode({
			resource: 'campaign',
			operation: 'getMany',
			adAccountId: byId('1'),
			returnAll: false,
			limit: 2,
			fields: ['name', 'lifetime_budget'],
			filters: { effectiveStatus: ['ACTIVE', 'PAUSED'], nameContains: 'Sale' },
			options: { pageSize: 25 },
		});
		expect(seen[0].fields).toBe('id,name,lifetime_budget,account_id');
		expect(seen[0].effective_status).toBe('["ACTIVE","PAUSED"]');
		expect(JSON.parse(seen[0].filtering)).toEqual([{ field: 'name', operator: 'CONTAIN', value: 'Sale' }]);
		expect(Number(seen[0].limit)).toBeLessThanOrEqual(25);
		expect(items.map((item) => item.json)).toEqual([
			{ id: '1', name: 'Sale A', lifetimeBudget: 1000, lifetimeBudgetMinor: 100000, account_id: '1', currency: 'EUR' },
			{ id: '2', name: 'Sale B', account_id: '1' },
		]);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('follows pages when Return All is on', async () => {
		graph().get(v('/act_1/campaigns')).query((q) => !q.after).reply(200, { data: [{ id: '1' }], paging: { cursors: { after: 'c1' }, next: 'https://graph.meta.test/v25.0/act_1/campaigns?after=c1' } });
		graph().get(v('/act_1/campaigns')).query((q) => q.after === 'c1').reply(200, { data: [{ id: '2' }], paging: { cursors: { after: 'c2' } } });
		const { items } = await runNode({ resource: 'campaign', operation: 'getMany', adAccountId: byId('act_1'), returnAll: true, fields: [], filters: {}, options: {} });
		expect(items.map((item) => item.json.id)).toEqual(['1', '2']);
	});

	it('rejects a malformed account', async () => {
		const error = await runNodeError({ resource: 'campaign', operation: 'getMany', adAccountId: byId('acct-9'), returnAll: true, fields: [] });
		expect(error.message).toContain('"acct-9" is not a Meta ad account ID');
		expect(error.context?.itemIndex).toBe(0);
	});
});

describe('campaign update', () => {
	it('sends only the chosen fields, spend cap in minor units', async () => {
		const sent = capture();
		graph().get(v('/123')).query({ fields: 'account_id' }).reply(200, { id: '123', account_id: '1' });
		graph().get(v('/act_1')).query({ fields: 'currency' }).reply(200, { currency: 'GBP' });
		graph().post(v('/123'), sent.match).reply(200, { success: true });
		const { items } = await runNode({
			resource: 'campaign',
			operation: 'update',
			campaignId: byId('123'),
			updateFields: { name: 'Renamed', spendCap: 1000, bidStrategy: 'COST_CAP' },
		});
		expect(sent.bodies).toEqual([{ name: 'Renamed', bid_strategy: 'COST_CAP', spend_cap: 100000 }]);
		expect(items[0].json).toMatchObject({ id: '123', success: true, spendCap: 1000, spendCapMinor: 100000, currency: 'GBP' });
	});

	it('refuses an empty update', async () => {
		const error = await runNodeError({ resource: 'campaign', operation: 'update', campaignId: byId('123'), updateFields: {} });
		expect(error.message).toBe('Update Fields on item 0 is empty: add at least one field to change');
	});

	it('refuses an unknown bid strategy', async () => {
		const error = await runNodeError({ resource: 'campaign', operation: 'update', campaignId: byId('123'), updateFields: { bidStrategy: 'CHEAP' } });
		expect(error.message).toContain('Bid Strategy on item 0 is "CHEAP"');
	});
});

/** The batch call's decoded sub-requests. */
function batchOf(body: Record<string, unknown>) {
	return JSON.parse(String(body.batch)) as Array<{ method: string; relative_url: string; body?: string }>;
}

describe('campaign pause / activate / delete (batched)', () => {
	it('pauses three campaigns in one HTTP call', async () => {
		const sent = capture();
		graph()
			.post(v('/'), sent.match)
			.reply(200, [1, 2, 3].map(() => ({ code: 200, body: '{"success":true}' })));
		const { items, ctx } = await runNode(['1', '2', '3'].map((id) => ({ resource: 'campaign', operation: 'pause', campaignId: byId(id) })));
		expect(ctx.sentRequests).toHaveLength(1);
		expect(batchOf(sent.bodies[0])).toEqual([
			{ method: 'POST', relative_url: '1', body: 'status=PAUSED' },
			{ method: 'POST', relative_url: '2', body: 'status=PAUSED' },
			{ method: 'POST', relative_url: '3', body: 'status=PAUSED' },
		]);
		expect(items).toEqual(['1', '2', '3'].map((id, item) => ({ json: { id, object: 'campaign', status: 'PAUSED', success: true }, pairedItem: { item } })));
	});

	it('activates with status=ACTIVE', async () => {
		const sent = capture();
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }]);
		const { items } = await runNode({ resource: 'campaign', operation: 'activate', campaignId: byId('7') });
		expect(batchOf(sent.bodies[0])).toEqual([{ method: 'POST', relative_url: '7', body: 'status=ACTIVE' }]);
		expect(items[0].json).toEqual({ id: '7', object: 'campaign', status: 'ACTIVE', success: true });
	});

	it('maps a failed sub-request back to its item under Continue On Fail', async () => {
		graph()
			.post(v('/'))
			.reply(200, [
				{ code: 200, body: '{"success":true}' },
				{ code: 400, body: JSON.stringify({ error: { message: 'Object does not exist', code: 100, error_subcode: 33 } }) },
				{ code: 200, body: '{"success":true}' },
			]);
		const { items } = await runNode(
			['1', '2', '3'].map((id) => ({ resource: 'campaign', operation: 'delete', campaignId: byId(id) })),
			{ continueOnFail: true },
		);
		expect(items[0]).toEqual({ json: { id: '1', object: 'campaign', deleted: true }, pairedItem: { item: 0 } });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.error).toContain('does not exist');
		expect(items[2]).toEqual({ json: { id: '3', object: 'campaign', deleted: true }, pairedItem: { item: 2 } });
	});

	it('a malformed middle id fails only that item and is never sent', async () => {
		const sent = capture();
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }, { code: 200, body: '{"success":true}' }]);
		const { items } = await runNode(
			[byId('1'), byId('not-an-id'), byId('3')].map((campaignId) => ({ resource: 'campaign', operation: 'delete', campaignId })),
			{ continueOnFail: true },
		);
		expect(batchOf(sent.bodies[0]).map((entry) => [entry.method, entry.relative_url])).toEqual([['DELETE', '1'], ['DELETE', '3']]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe('Campaign ID on item 1 must be a numeric Meta ID, got "not-an-id"');
	});

	it('without Continue On Fail, a malformed id stops the node before anything is sent', async () => {
		const post = graph().post(v('/')).reply(200, []);
		const error = await runNodeError([byId('1'), byId('x')].map((campaignId) => ({ resource: 'campaign', operation: 'pause', campaignId })));
		expect(error.message).toBe('Campaign ID on item 1 must be a numeric Meta ID, got "x"');
		expect(post.isDone()).toBe(false);
	});

	it('an expired token fails every item clearly', async () => {
		graph().post(v('/')).reply(400, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
		const { items } = await runNode(
			['1', '2'].map((id) => ({ resource: 'campaign', operation: 'pause', campaignId: byId(id) })),
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		for (const item of items) expect(String(item.json.error)).toMatch(/token/i);
		expectNoToken(items);
	});
});
