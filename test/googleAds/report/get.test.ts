import nock from 'nock';

import { BASE, CID, locator, runGoogle } from './helpers';

const STREAM = `/v26/customers/${CID}/googleAds:searchStream`;
const SEARCH = `/v26/customers/${CID}/googleAds:search`;

const currencyReply = { results: [{ customer: { currencyCode: 'USD', descriptiveName: 'Acme' } }] };

function rows(n: number, offset = 0, withCustomer = false) {
	return Array.from({ length: n }, (_, i) => ({
		...(withCustomer ? { customer: { currencyCode: 'USD', descriptiveName: 'Acme' } } : {}),
		campaign: { id: String(offset + i), name: `C${offset + i}`, status: 'ENABLED' },
		segments: { date: '2026-11-01' },
		metrics: { impressions: '100', clicks: '5', costMicros: '2500000', conversions: 1, conversionsValue: 10 },
	}));
}

describe('Report → Get', () => {
	it('builder: one stream call per item, no account lookup: currency and name ride on the rows', async () => {
		const bodies: string[] = [];
		const stream = nock(BASE)
			.post(STREAM, (b) => bodies.push(b.query) > 0)
			.times(2)
			.reply(200, JSON.stringify([{ results: rows(2, 0, true) }, { results: rows(1, 2, true) }]));
		const params = { resource: 'report', operation: 'get', customerId: locator('123-456-7890'), mode: 'builder', level: 'campaign', datePreset: 'LAST_7_DAYS', daily: true, metrics: [], includeRemoved: false, output: 'normalized' };
		const { items } = await runGoogle([params, params]);
		expect(stream.isDone()).toBe(true);
		expect(bodies[0]).toMatch(/^SELECT customer\.currency_code, customer\.descriptive_name, /);
		expect(bodies[0]).toContain('FROM campaign WHERE segments.date DURING LAST_7_DAYS');
		expect(items).toHaveLength(6);
		expect(items[0].json).toMatchObject({ platform: 'google', level: 'campaign', spend: 2.5, currency: 'USD', accountName: 'Acme', ctr: 0.05 });
		expect(items[3].pairedItem).toEqual({ item: 1 });
	});

	it('GAQL without customer.currency_code: the currency is asked once for several items', async () => {
		const currency = nock(BASE).post(SEARCH, (b) => /FROM customer/.test(b.query)).once().reply(200, currencyReply);
		const stream = nock(BASE).post(STREAM).times(2).reply(200, JSON.stringify([{ results: rows(2) }]));
		const params = { resource: 'report', operation: 'get', customerId: locator(CID), mode: 'gaql', query: "SELECT campaign.id, segments.date, metrics.clicks FROM campaign WHERE segments.date DURING LAST_7_DAYS", output: 'normalized' };
		const { items } = await runGoogle([params, params]);
		expect(currency.isDone()).toBe(true);
		expect(stream.isDone()).toBe(true);
		expect(items).toHaveLength(4);
		expect(items.map((i) => [i.json.currency, i.json.accountName])).toEqual(Array(4).fill(['USD', 'Acme']));
	});

	it('GAQL raw output returns Google rows untouched and skips the currency query', async () => {
		nock(BASE).post(STREAM, { query: 'SELECT campaign.id FROM campaign' }).reply(200, [{ results: [{ campaign: { id: '1' } }] }]);
		const { items } = await runGoogle({ resource: 'report', operation: 'get', customerId: locator(CID), mode: 'gaql', query: 'SELECT campaign.id FROM campaign', output: 'raw' });
		expect(items.map((i) => i.json)).toEqual([{ campaign: { id: '1' } }]);
	});

	it("unknown GAQL field: Google's error with the field, per item under Continue On Fail", async () => {
		nock(BASE).post(SEARCH).reply(200, currencyReply);
		nock(BASE).post(STREAM).reply(400, [{ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.', details: [{
			'@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure',
			errors: [{ errorCode: { queryError: 'UNRECOGNIZED_FIELD' }, message: "Unrecognized field in the query: 'campaign.nme'.", trigger: { stringValue: 'campaign.nme' } }],
		}] } }]);
		const { items } = await runGoogle(
			[
				{ resource: 'report', operation: 'get', customerId: locator(CID), mode: 'gaql', query: 'SELECT campaign.nme FROM campaign', output: 'normalized' },
				{ resource: 'report', operation: 'get', customerId: locator('12-34'), mode: 'gaql', query: 'SELECT campaign.id FROM campaign', output: 'normalized' },
			],
			true,
		);
		expect(items[0].json.error).toBe('Google Ads: QueryError.UNRECOGNIZED_FIELD (trigger "campaign.nme")');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.error).toBe('Customer ID "12-34" is not valid (item 1)');
	});

	it('normalized output refuses resources without a level', async () => {
		await expect(runGoogle({ resource: 'report', operation: 'get', customerId: locator(CID), mode: 'gaql', query: 'SELECT campaign_budget.id FROM campaign_budget', output: 'normalized' }))
			.rejects.toThrow(/Normalized rows need a query FROM/);
	});
});
