import type { IHttpRequestOptions } from 'n8n-workflow';

import { createExecuteContext } from '../helpers';
import { deepText } from './deepText';

/**
 * The leak tests only find a token where the test context puts one. n8n's
 * CredentialsHelper authenticates the caller's own request options in place,
 * so after a call the node's options (and any error built from them) hold the
 * token; the context must do the same, or a node quoting its request in an
 * error would pass every leak test and leak in n8n.
 */
const TOKEN = 'EAAcanaryAuthenticatedRequest0000';
const GOOGLE_ACCESS = 'ya29.canary-access-token-0000';

function context() {
	return createExecuteContext({
		credentials: {
			adPilotMetaAdsApi: { accessToken: TOKEN, appSecret: '', apiVersion: 'v25.0', baseUrl: 'http://127.0.0.1:9' },
			adPilotGoogleAdsApi: { accessToken: GOOGLE_ACCESS, developerToken: 'dev', clientId: 'c', clientSecret: 's', refreshToken: 'r', apiVersion: 'v26', baseUrl: 'http://127.0.0.1:9' },
		},
	});
}

/** A transport with the bug the leak tests must catch: its error quotes the request it sent. */
async function leakyCall(type: string): Promise<string> {
	const ctx = context();
	const options: IHttpRequestOptions = { method: 'GET', url: 'http://127.0.0.1:9/v25.0/me', headers: { Accept: 'application/json' } };
	try {
		await ctx.helpers.httpRequestWithAuthentication.call(ctx, type, options);
		return 'no error';
	} catch {
		return deepText(new Error(`request failed: ${JSON.stringify(options)}`));
	}
}

describe('the test context authenticates like n8n, so leaks are visible', () => {
	it('Meta (authenticate function): the caller’s options carry the token after the call, and a quoting error shows it', async () => {
		expect(await leakyCall('adPilotMetaAdsApi')).toContain(TOKEN);
	});

	it('Google (generic authenticate): the caller’s own headers object gets the token', async () => {
		const ctx = context();
		const headers: Record<string, string> = { Accept: 'application/json' };
		await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'adPilotGoogleAdsApi', { method: 'GET', url: 'http://127.0.0.1:9/x', headers }).catch(() => undefined);
		expect(headers.Authorization).toBe(`Bearer ${GOOGLE_ACCESS}`);
		expect(await leakyCall('adPilotGoogleAdsApi')).toContain(GOOGLE_ACCESS);
	});

	it('what the context records as sent is the authenticated request', async () => {
		const ctx = context();
		await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'adPilotMetaAdsApi', { method: 'GET', url: 'http://127.0.0.1:9/v25.0/me' }).catch(() => undefined);
		expect(ctx.sentRequests[0].headers).toMatchObject({ Authorization: `Bearer ${TOKEN}` });
	});
});
