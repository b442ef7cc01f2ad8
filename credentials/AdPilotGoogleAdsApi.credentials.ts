import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { googleAdsCommonFields, googleAdsCredentialTest } from './googleAdsCommonFields';

/**
 * Google Ads for servers without a browser: client id, client secret and a
 * refresh token obtained elsewhere. n8n calls `preAuthentication` whenever the
 * expirable access token is empty or a request answers 401.
 */
export class AdPilotGoogleAdsApi implements ICredentialType {
	name = 'adPilotGoogleAdsApi';

	displayName = 'AdPilot Google Ads (Refresh Token) API';

	icon: Icon = { light: 'file:../nodes/GoogleAds/googleAds.svg', dark: 'file:../nodes/GoogleAds/googleAds.dark.svg' };

	documentationUrl = 'https://developers.google.com/google-ads/api/docs/oauth/cloud-project';

	properties: INodeProperties[] = [
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A refresh token granted for the https://www.googleapis.com/auth/adwords scope',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://oauth2.googleapis.com/token',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		...googleAdsCommonFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: String(credentials.tokenUrl),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				client_id: String(credentials.clientId),
				client_secret: String(credentials.clientSecret),
				refresh_token: String(credentials.refreshToken),
			}).toString(),
			json: true,
		})) as { access_token?: string };
		return { accessToken: answer.access_token ?? '' };
	}

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = googleAdsCredentialTest;
}
