import { googleAdsRequest } from '../../nodes/GoogleAds/transport';
import { graphRequest } from '../../nodes/MetaAds/transport';
import { createExecuteContext } from '../helpers';

// No node guesses a host: a credential whose base URL or version was cleared says so.
describe('credential settings', () => {
	it('Meta: an empty Base URL is a clear error, not a call to a guessed host', async () => {
		const ctx = createExecuteContext({ credentials: { adPilotMetaAdsApi: { accessToken: 't', appSecret: '', apiVersion: 'v25.0', baseUrl: ' ' } } });
		await expect(graphRequest(ctx, { method: 'GET', path: '/me' })).rejects.toThrow('The Meta Ads credential has no Base URL');
		expect(ctx.sentRequests).toEqual([]);
	});

	it('Google: an empty API Version is a clear error', async () => {
		const ctx = createExecuteContext({
			parameters: { authentication: 'oAuth2' },
			credentials: { adPilotGoogleAdsOAuth2Api: { developerToken: 'd', loginCustomerId: '', apiVersion: '', baseUrl: 'https://ads.test', oauthTokenData: { access_token: 'a' } } },
		});
		await expect(googleAdsRequest(ctx, { method: 'GET', path: 'customers:listAccessibleCustomers' })).rejects.toThrow('The Google Ads credential has no API Version');
		expect(ctx.sentRequests).toEqual([]);
	});
});
