import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { normalizeCustomerId } from './customerId';
import { credentialSetting } from '../../shared/n8n/credentialSetting';

export type GoogleAdsContext = IExecuteFunctions | ILoadOptionsFunctions;

export type GoogleAdsCredentialType = 'adPilotGoogleAdsOAuth2Api' | 'adPilotGoogleAdsApi';

function isLoadOptions(ctx: GoogleAdsContext): ctx is ILoadOptionsFunctions {
	return 'getCurrentNodeParameter' in ctx;
}

/** A node parameter from either an execute or a load-options context. */
export function readParameter(ctx: GoogleAdsContext, name: string, itemIndex: number, fallback: unknown): unknown {
	if (isLoadOptions(ctx)) return ctx.getNodeParameter(name, fallback) as unknown;
	return ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
}

/** The node's `authentication` parameter picks the credential. */
export function getCredentialType(ctx: GoogleAdsContext, itemIndex = 0): GoogleAdsCredentialType {
	const auth = readParameter(ctx, 'authentication', itemIndex, 'oAuth2');
	return auth === 'refreshToken' ? 'adPilotGoogleAdsApi' : 'adPilotGoogleAdsOAuth2Api';
}

/** The non-auth settings the transport needs. Secrets stay in this object, never in logs. */
export interface GoogleAdsSettings {
	credentialType: GoogleAdsCredentialType;
	developerToken: string;
	/** No dashes; '' when access is direct. */
	loginCustomerId: string;
	/** e.g. 'v26'. */
	apiVersion: string;
	/** Without trailing slash. */
	baseUrl: string;
}

export async function getGoogleAdsSettings(ctx: GoogleAdsContext, itemIndex = 0): Promise<GoogleAdsSettings> {
	const credentialType = getCredentialType(ctx, itemIndex);
	const credentials = await ctx.getCredentials(credentialType);
	const rawLogin = String(credentials.loginCustomerId ?? '').trim();
	const version = credentialSetting(ctx.getNode(), credentials, 'apiVersion', 'API Version', 'Google Ads');
	return {
		credentialType,
		developerToken: String(credentials.developerToken ?? '').trim(),
		loginCustomerId: rawLogin === '' ? '' : normalizeCustomerId(rawLogin, itemIndex),
		apiVersion: /^v/i.test(version) ? version.toLowerCase() : `v${version}`,
		baseUrl: credentialSetting(ctx.getNode(), credentials, 'baseUrl', 'Base URL', 'Google Ads').replace(/\/+$/, ''),
	};
}
