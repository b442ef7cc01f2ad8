import nock from 'nock';

import { BASE, locator, runGoogle } from '../report/helpers';

describe('Customer resource', () => {
	it('lists accessible customers', async () => {
		nock(BASE).get('/v26/customers:listAccessibleCustomers').reply(200, { resourceNames: ['customers/5550000000', 'customers/1112223333'] });
		const { items } = await runGoogle({ resource: 'customer', operation: 'listAccessible' });
		expect(items.map((i) => i.json)).toEqual([
			{ customerId: '5550000000', resourceName: 'customers/5550000000' },
			{ customerId: '1112223333', resourceName: 'customers/1112223333' },
		]);
	});

	it('gets one customer (dashes stripped)', async () => {
		nock(BASE)
			.post('/v26/customers/1112223333/googleAds:search', (b) => /FROM customer LIMIT 1/.test(b.query))
			.matchHeader('login-customer-id', '5550000000')
			.reply(200, { results: [{ customer: { id: '1112223333', descriptiveName: 'Acme', currencyCode: 'EUR', timeZone: 'Europe/Berlin', manager: false, status: 'ENABLED' } }] });
		const { items } = await runGoogle({ resource: 'customer', operation: 'get', customerId: locator('111-222-3333') });
		expect(items[0].json).toMatchObject({ customerId: '1112223333', name: 'Acme', currency: 'EUR', manager: false });
	});

	it('lists clients under a manager through customer_client', async () => {
		let query = '';
		nock(BASE)
			.post('/v26/customers/5550000000/googleAds:search', (b) => Boolean((query = b.query)))
			.reply(200, { results: [{ customerClient: { id: '5550000001', descriptiveName: 'Shop', currencyCode: 'USD', level: '1', manager: false, status: 'ENABLED' } }] });
		const { items } = await runGoogle({ resource: 'customer', operation: 'getManyClients', customerId: locator('5550000000'), directOnly: true, includeManagers: false, includeInactive: false, returnAll: true });
		expect(query).toContain('FROM customer_client WHERE customer_client.level = 1 AND customer_client.manager = FALSE');
		expect(items[0].json).toMatchObject({ customerId: '5550000001', level: 1, currency: 'USD', managerId: '5550000000' });
	});
});
