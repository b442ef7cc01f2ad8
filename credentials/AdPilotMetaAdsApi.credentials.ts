import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { META_APP_TOKEN_HEADER, META_PAGE_TOKEN_HEADER } from './metaAppToken';

/** Meta Marketing API access: a system-user or long-lived user token. */
export class AdPilotMetaAdsApi implements ICredentialType {
	name = 'adPilotMetaAdsApi';

	displayName = 'AdPilot Meta Ads API';

	icon: Icon = { light: 'file:../nodes/MetaAds/metaAds.svg', dark: 'file:../nodes/MetaAds/metaAds.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/marketing-api/get-started/authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A system-user token (recommended) or a long-lived user token with ads_read and ads_management',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'When set, every call carries appsecret_proof (HMAC-SHA256 of the token), which Meta requires when the app enforces it. The Meta Ads Trigger needs it to verify webhook signatures.',
		},
		{
			displayName: 'Graph API Version',
			name: 'apiVersion',
			type: 'string',
			default: 'v25.0',
			description: 'Change this when Meta retires a version; no node update needed',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description: 'Point this at a proxy or at the AdPilot sandbox simulator',
		},
	];

	// A function rather than a generic block: appsecret_proof must be computed from the token.
	// The token travels in a header, never in a URL, so it cannot leak through logged URLs.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers = { ...(requestOptions.headers ?? {}) };
		// The Meta Ads Trigger manages webhook subscriptions, which Meta accepts only
		// with an app access token ("<app id>|<app secret>"). It names the app id in
		// this header and the secret is joined here, so it never passes through node code.
		const appId = String(headers[META_APP_TOKEN_HEADER] ?? '');
		const pageToken = String(headers[META_PAGE_TOKEN_HEADER] ?? '');
		delete headers[META_APP_TOKEN_HEADER];
		delete headers[META_PAGE_TOKEN_HEADER];
		const appSecret = String(credentials.appSecret ?? '');
		if (appId !== '') {
			requestOptions.headers = { ...headers, Authorization: `Bearer ${appId}|${appSecret}` };
			return requestOptions;
		}
		const token = pageToken !== '' ? pageToken : String(credentials.accessToken ?? '');
		requestOptions.headers = { ...headers, Authorization: `Bearer ${token}` };
		if (appSecret !== '') {
			const proof = createHmac('sha256', appSecret).update(token).digest('hex');
			requestOptions.qs = { ...(requestOptions.qs ?? {}), appsecret_proof: proof };
		}
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.apiVersion}}',
			url: '/me',
			qs: { fields: 'id,name' },
		},
	};
}
