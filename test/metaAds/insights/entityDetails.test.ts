import { fetchEntityDetails, READ_BY_ID_LIMIT, toAttributes, type DetailsClient } from '../../../nodes/MetaAds/actions/insights/entityDetails';
import { graph, graphError, instantWaits, metaRow, params, runNode, v } from './helpers';

beforeEach(() => instantWaits());

type Entry = { method: string; relative_url: string };
const sub = (code: number, body: unknown) => ({ code, headers: [{ name: 'Content-Type', value: 'application/json' }], body: JSON.stringify(body) });
const adSetRow = (id: string, date: string, currency = 'EUR') => metaRow({ campaign_id: 'c1', adset_id: id, adset_name: `Set ${id}`, date, account_currency: currency });

describe('Insight → Get, Include Entity Details', () => {
	it('reads a few ad sets by id in one batch call and adds status, created time and budgets in account currency', async () => {
		graph().get(v('/act_1/insights')).query(true).reply(200, {
			data: [adSetRow('s1', '2026-03-01'), adSetRow('s1', '2026-03-02'), adSetRow('s2', '2026-03-01'), adSetRow('s3', '2026-03-01')],
		});
		const seen: Entry[][] = [];
		graph()
			.post(v('/'), (body: { batch: string }) => seen.push(JSON.parse(body.batch) as Entry[]) > 0)
			.reply(200, [
				sub(200, { id: 's1', status: 'ACTIVE', effective_status: 'ACTIVE', created_time: '2026-01-05T10:00:00+0000', daily_budget: '5000', lifetime_budget: '0' }),
				// Under a campaign budget, Meta reports the ad set's budgets as 0: no budget of its own.
				sub(200, { id: 's2', status: 'ACTIVE', effective_status: 'CAMPAIGN_PAUSED', created_time: '2026-02-01T00:00:00+0000', daily_budget: '0' }),
				sub(400, graphError(100, 33, 'Unsupported get request. Object with ID s3 does not exist')),
			]);

		const { items, ctx } = await runNode(params({ level: 'adset', options: { includeEntityDetails: true } }));

		expect(ctx.sentRequests).toHaveLength(2);
		expect(seen[0].map((e) => [e.method, e.relative_url])).toEqual([
			['GET', 's1?fields=id,status,effective_status,created_time,daily_budget,lifetime_budget'],
			['GET', 's2?fields=id,status,effective_status,created_time,daily_budget,lifetime_budget'],
			['GET', 's3?fields=id,status,effective_status,created_time,daily_budget,lifetime_budget'],
		]);
		const attrs = items.map((i) => [i.json.entityId, i.json.attributes]);
		expect(attrs).toEqual([
			['s1', { status: 'ACTIVE', createdTime: '2026-01-05T10:00:00+0000', dailyBudget: 50, lifetimeBudget: null }],
			['s1', { status: 'ACTIVE', createdTime: '2026-01-05T10:00:00+0000', dailyBudget: 50, lifetimeBudget: null }],
			['s2', { status: 'CAMPAIGN_PAUSED', createdTime: '2026-02-01T00:00:00+0000', dailyBudget: null, lifetimeBudget: null }],
			// The object Meta refused keeps its metrics and simply has no details.
			['s3', undefined],
		]);
	});

	it('leaves the rows alone and makes no extra call when off, or at account level', async () => {
		graph().get(v('/act_1/insights')).query(true).twice().reply(200, { data: [adSetRow('s1', '2026-03-01')] });
		const off = await runNode(params({ level: 'adset' }));
		expect(off.ctx.sentRequests).toHaveLength(1);
		expect(off.items[0].json.attributes).toBeUndefined();
		const account = await runNode(params({ level: 'account', options: { includeEntityDetails: true } }));
		expect(account.ctx.sentRequests).toHaveLength(1);
	});
});

describe('fetchEntityDetails', () => {
	function fakeClient(listing: Array<{ id: string }>, byId: Record<string, { id: string } | null>) {
		const calls: string[] = [];
		const client: DetailsClient = {
			async *pages<T>(req: { path: string; qs: Record<string, string>; pageSize: number }) {
				calls.push(`list ${req.path} ${req.qs.fields} ${req.pageSize}`);
				for (let i = 0; i < listing.length; i += req.pageSize) yield listing.slice(i, i + req.pageSize) as T[];
			},
			async getEach<T>(urls: string[]) {
				calls.push(`get ${urls.length}`);
				return urls.map((u) => (byId[u.split('?')[0]] ?? null) as T | null);
			},
		};
		return { client, calls };
	}
	const ids = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

	it('lists the edge when many ids are wanted, then reads only what the listing missed', async () => {
		const { client, calls } = fakeClient([...ids(120), ...ids(900, 'other')].map((id) => ({ id })), { x1: { id: 'x1' } });
		const found = await fetchEntityDetails(client, { level: 'ad', scopeId: 'act_1', scopeType: 'account', ids: [...ids(120), 'x1', 'x2'] });
		expect(calls).toEqual(['list act_1/ads id,status,effective_status,created_time 500', 'get 2']);
		expect(found.size).toBe(121);
		expect(found.has('other0')).toBe(false);
	});

	it(`reads up to ${READ_BY_ID_LIMIT} ids by id, and reads by id when the scope has no edge for the level`, async () => {
		const few = fakeClient([], Object.fromEntries(ids(3).map((id) => [id, { id }])));
		await fetchEntityDetails(few.client, { level: 'adset', scopeId: 'act_1', scopeType: 'account', ids: ids(3) });
		expect(few.calls).toEqual(['get 3']);
		// A campaign-level query scoped to one campaign: there is no campaign/campaigns edge.
		const scoped = fakeClient([], {});
		await fetchEntityDetails(scoped.client, { level: 'campaign', scopeId: '42', scopeType: 'campaign', ids: ids(60) });
		expect(scoped.calls).toEqual(['get 60']);
	});

	it('converts budgets from minor units with the currency offset (JPY has none)', () => {
		expect(toAttributes({ id: '1', daily_budget: '5000', lifetime_budget: '120000' }, 'campaign', 'JPY')).toMatchObject({ dailyBudget: 5000, lifetimeBudget: 120000 });
		expect(toAttributes({ id: '1', daily_budget: '5000' }, 'campaign', 'USD')).toMatchObject({ dailyBudget: 50, lifetimeBudget: null });
		expect(toAttributes({ id: '1', status: 'PAUSED' }, 'ad', 'USD')).toEqual({ status: 'PAUSED', createdTime: null });
	});
});
