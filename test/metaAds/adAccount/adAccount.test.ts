import type { IDataObject } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { listSearch } from '../../../nodes/MetaAds/methods/listSearch';
import { graph, META_TEST_TOKEN, metaExecuteContext, metaLoadOptionsContext, v } from '../helpers';

const FIELDS = 'id,account_id,name,currency,timezone_name,account_status,spend_cap,amount_spent,business';
const account = (n: number, extra: IDataObject = {}) => ({
	id: `act_${n}`,
	account_id: String(n),
	name: `Account ${n}`,
	currency: 'EUR',
	timezone_name: 'Europe/Berlin',
	account_status: 1,
	spend_cap: '500000',
	amount_spent: '12345',
	business: { id: '77', name: 'Biz' },
	...extra,
});

async function run(parameters: IDataObject | IDataObject[], continueOnFail = false) {
	const node = new MetaAds();
	const ctx = metaExecuteContext({ parameters, continueOnFail, nodeType: node });
	const [items] = await node.execute.call(ctx);
	return { items, ctx };
}

describe('Ad Account: Get', () => {
	it('reads the account by ID and converts money to major units', async () => {
		graph().get(v('/act_123')).query({ fields: FIELDS }).reply(200, account(123));
		const { items } = await run({ resource: 'adAccount', operation: 'get', adAccountId: { __rl: true, mode: 'id', value: '123' } });
		expect(items).toEqual([
			{
				json: {
					id: 'act_123',
					accountId: '123',
					name: 'Account 123',
					currency: 'EUR',
					timezoneName: 'Europe/Berlin',
					accountStatus: 1,
					status: 'ACTIVE',
					spendCap: 5000,
					amountSpent: 123.45,
					moneyUnit: 'major',
					business: { id: '77', name: 'Biz' },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('accepts an Ads Manager URL, maps other statuses, treats spend cap 0 as none and keeps offset-1 currencies', async () => {
		graph().get(v('/act_555')).query(true).reply(200, account(555, { currency: 'JPY', account_status: 101, spend_cap: '0', amount_spent: '5000' }));
		const { items } = await run({
			resource: 'adAccount',
			operation: 'get',
			adAccountId: { __rl: true, mode: 'url', value: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=555&business_id=1' },
		});
		expect(items[0].json).toMatchObject({ id: 'act_555', status: 'CLOSED', spendCap: null, amountSpent: 5000, currency: 'JPY' });
	});

	it('fails on a bad ID naming the field and item', async () => {
		await expect(
			run([
				{ resource: 'adAccount', operation: 'get', adAccountId: { __rl: true, mode: 'id', value: 'nope' } },
			]),
		).rejects.toMatchObject({ message: '"nope" is not a Meta ad account ID', context: { itemIndex: 0 } });
	});

	it('turns a failing item into an error item under Continue On Fail, without the token', async () => {
		graph()
			.get(v('/act_1')).query(true).reply(200, account(1))
			.get(v('/act_2')).query(true).reply(400, {
				error: { message: `Unsupported get request ${META_TEST_TOKEN}`, code: 100, error_subcode: 33, fbtrace_id: 'TR' },
			});
		const { items } = await run(
			[
				{ resource: 'adAccount', operation: 'get', adAccountId: { __rl: true, mode: 'id', value: 'act_1' } },
				{ resource: 'adAccount', operation: 'get', adAccountId: { __rl: true, mode: 'id', value: 'act_2' } },
			],
			true,
		);
		expect(items).toHaveLength(2);
		expect(items[0].json.id).toBe('act_1');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.error).toBe('Meta API error: Unsupported get request [redacted token]');
		expect(items[1].json.details).toContain('code 100/33');
		expect(JSON.stringify(items)).not.toContain(META_TEST_TOKEN);
	});
});

describe('Ad Account: Get Many', () => {
	it('returns all accounts over every page', async () => {
		const scope = graph()
			.get(v('/me/adaccounts')).query({ fields: FIELDS, limit: '100' })
			.reply(200, { data: [account(1), account(2)], paging: { cursors: { after: 'A' }, next: 'https://graph.facebook.com/v25.0/me/adaccounts?after=A' } })
			.get(v('/me/adaccounts')).query({ fields: FIELDS, limit: '100', after: 'A' })
			.reply(200, { data: [account(3)], paging: { cursors: { after: 'B' } } });
		const { items } = await run({ resource: 'adAccount', operation: 'getMany', returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(['act_1', 'act_2', 'act_3']);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(scope.isDone()).toBe(true);
	});

	it('stops at the limit', async () => {
		graph().get(v('/me/adaccounts')).query({ fields: FIELDS, limit: '2' }).reply(200, {
			data: [account(1), account(2)],
			paging: { cursors: { after: 'A' }, next: 'https://graph.facebook.com/v25.0/me/adaccounts?after=A' },
		});
		const { items } = await run({ resource: 'adAccount', operation: 'getMany', returnAll: false, limit: 2 });
		expect(items).toHaveLength(2);
		expect(items[1].json).toMatchObject({ amountSpent: 123.45, spendCap: 5000, currency: 'EUR' });
	});
});

describe('list searches', () => {
	it('searchAdAccounts filters by name or id and passes Meta cursor as the pagination token', async () => {
		graph()
			.get(v('/me/adaccounts')).query({ fields: 'id,account_id,name', limit: '100', after: 'P1' })
			.reply(200, { data: [account(1, { name: 'Shoes DE' }), account(2, { name: 'Bags' })], paging: { cursors: { after: 'P2' }, next: 'https://x/?after=P2' } });
		const result = await listSearch.searchAdAccounts.call(metaLoadOptionsContext(), 'shoe', 'P1');
		expect(result).toEqual({
			results: [{ name: 'Shoes DE (1)', value: 'act_1', url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1' }],
			paginationToken: 'P2',
		});
	});

	it('searchCampaigns uses the selected account and filters by name on the server', async () => {
		graph()
			.get(v('/act_9/campaigns'))
			.query({ fields: 'id,name,status', limit: '100', filtering: JSON.stringify([{ field: 'name', operator: 'CONTAIN', value: 'Sale' }]) })
			.reply(200, { data: [{ id: '11', name: 'Summer Sale', status: 'PAUSED' }], paging: { cursors: { after: 'Z' } } });
		const ctx = metaLoadOptionsContext({ parameters: { adAccountId: { __rl: true, mode: 'id', value: '9' } } });
		const result = await listSearch.searchCampaigns.call(ctx, 'Sale');
		expect(result.paginationToken).toBeUndefined();
		expect(result.results).toEqual([
			{ name: 'Summer Sale [PAUSED]', value: '11', url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=9&selected_campaign_ids=11' },
		]);
	});

	it('searchCampaigns asks for an account first', async () => {
		await expect(listSearch.searchCampaigns.call(metaLoadOptionsContext())).rejects.toThrow('Choose an ad account first');
	});

	it('searchAdSets lists the selected campaign, else the account', async () => {
		graph()
			.get(v('/44/adsets')).query(true).reply(200, { data: [{ id: '5', name: 'DE 18-34', status: 'ACTIVE', account_id: '9' }] })
			.get(v('/act_9/adsets')).query(true).reply(200, { data: [{ id: '6', name: 'FR', account_id: '9' }] });
		const byCampaign = await listSearch.searchAdSets.call(
			metaLoadOptionsContext({ parameters: { adAccountId: 'act_9', campaignId: { __rl: true, mode: 'id', value: '44' } } }),
		);
		expect(byCampaign.results).toEqual([
			{ name: 'DE 18-34 [ACTIVE]', value: '5', url: 'https://adsmanager.facebook.com/adsmanager/manage/adsets?act=9&selected_adset_ids=5' },
		]);
		const byAccount = await listSearch.searchAdSets.call(metaLoadOptionsContext({ parameters: { adAccountId: 'act_9' } }));
		expect(byAccount.results.map((r) => r.value)).toEqual(['6']);
	});
});
