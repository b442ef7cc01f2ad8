import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { googleAdsCommonFields, googleAdsCredentialTest } from './googleAdsCommonFields';

/** Google Ads through n8n's OAuth2 consent flow (needs a browser once). */
export class AdPilotGoogleAdsOAuth2Api implements ICredentialType {
	name = 'adPilotGoogleAdsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'AdPilot Google Ads OAuth2 API';

	icon: Icon = { light: 'file:../nodes/GoogleAds/googleAds.svg', dark: 'file:../nodes/GoogleAds/googleAds.dark.svg' };

	documentationUrl = 'https://developers.google.com/google-ads/api/docs/oauth/overview';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: 'https://accounts.google.com/o/oauth2/v2/auth' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: 'https://oauth2.googleapis.com/token' },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'https://www.googleapis.com/auth/adwords' },
		// offline + consent: without them Google returns no refresh token and the credential dies in an hour.
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: 'access_type=offline&prompt=consent' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...googleAdsCommonFields,
	];

	test: ICredentialTestRequest = googleAdsCredentialTest;
}
