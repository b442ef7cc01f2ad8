import type { IDataObject } from 'n8n-workflow';

import { GoogleAds } from '../../../nodes/GoogleAds/GoogleAds.node';
import { createExecuteContext } from '../../helpers';

export const BASE = 'https://googleads.test';
export const CID = '1234567890';

export async function runGoogle(parameters: IDataObject | IDataObject[], continueOnFail = false) {
	const node = new GoogleAds();
	const withAuth = (p: IDataObject) => ({ authentication: 'oAuth2', ...p });
	const ctx = createExecuteContext({
		parameters: Array.isArray(parameters) ? parameters.map(withAuth) : withAuth(parameters),
		credentials: {
			adPilotGoogleAdsOAuth2Api: {
				developerToken: 'dev-token',
				loginCustomerId: '555-000-0000',
				apiVersion: 'v26',
				baseUrl: BASE,
				oauthTokenData: { access_token: 'test-access-token' },
			},
		},
		continueOnFail,
		nodeType: node,
	});
	const [items] = await node.execute.call(ctx);
	return { items, ctx };
}

export const locator = (value: string) => ({ __rl: true, mode: 'id', value });
