import nock from 'nock';

import { GoogleAds } from '../../nodes/GoogleAds/GoogleAds.node';
import { createLoadOptionsContext } from '../helpers';

// What the pickers ask Google: bounded rows per page, and no repeated hierarchy reads.
const BASE = 'https://googleads.test';
const credentials = {
	adPilotGoogleAdsOAuth2Api: { developerToken: 'dev-token', apiVersion: 'v26', baseUrl: BASE, oauthTokenData: { access_token: 'test-access-token' } },
};
const search = new GoogleAds().methods.listSearch;

function context(parameters: Record<string, unknown> = {}) {
	return createLoadOptionsContext({ parameters: { authentication: 'oAuth2', ...parameters }, credentials });
}

const client = (id: string, name: string, manager = false, level = 1) => ({ customerClient: { id, descriptiveName: name, manager, level } });

afterEach(() => nock.cleanAll());

describe('Google Ads pickers: queries', () => {
	it('asks for one page plus one row, growing with the page token', async () => {
		const queries: string[] = [];
		nock(BASE)
			.post('/v26/customers/1112223333/googleAds:search', (b) => queries.push(b.query) > 0)
			.times(2)
			.reply(200, { results: [] });
		const ctx = context({ customerId: { __rl: true, mode: 'id', value: '111-222-3333' } });
		await search.searchCampaigns.call(ctx);
		await search.searchCampaigns.call(ctx, 'spring', '100');
		expect(queries[0]).toMatch(/ORDER BY campaign\.name, campaign\.id LIMIT 101$/);
		expect(queries[1]).toContain("campaign.name LIKE '%spring%'");
		expect(queries[1]).toMatch(/LIMIT 201$/);
	});

	it('reads each manager once, skips accessible customers already listed as a client, and keeps going past one that refuses', async () => {
		const asked: string[] = [];
		nock(BASE)
			.get('/v26/customers:listAccessibleCustomers')
			.reply(200, { resourceNames: ['customers/9000000001', 'customers/1000000001', 'customers/9000000002'] });
		nock(BASE)
			.post(/\/v26\/customers\/\d+\/googleAds:search/)
			.times(3)
			.reply((uri) => {
				const id = uri.split('/')[3];
				asked.push(id);
				if (id === '9000000001') return [200, { results: [client('9000000001', 'Agency', true, 0), client('1000000001', 'Shoe shop')] }];
				if (id === '9000000002') return [403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } }];
				return [200, { results: [client(id, 'Shoe shop', false, 0)] }];
			});
		const answer = await search.searchCustomers.call(context());
		expect(answer.results).toEqual([
			{ name: 'Agency (manager) — 900-000-0001', value: '9000000001' },
			{ name: 'Shoe shop — 100-000-0001', value: '1000000001' },
			{ name: '900-000-0002', value: '9000000002' },
		]);
		// The shop may or may not be asked, depending on whether the agency answered first; never more than once each.
		expect(new Set(asked).size).toBe(asked.length);
		expect(asked).toEqual(expect.arrayContaining(['9000000001', '9000000002']));
	});
});
