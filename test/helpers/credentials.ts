import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	IAuthenticateGeneric,
} from 'n8n-workflow';

import { AdPilotGoogleAdsApi } from '../../credentials/AdPilotGoogleAdsApi.credentials';
import { AdPilotGoogleAdsOAuth2Api } from '../../credentials/AdPilotGoogleAdsOAuth2Api.credentials';
import { AdPilotMetaAdsApi } from '../../credentials/AdPilotMetaAdsApi.credentials';
import { AdPilotOpenAiApi } from '../../credentials/AdPilotOpenAiApi.credentials';

/** Our credential types by name, so the fake context can apply their `authenticate`. */
export function defaultCredentialTypes(): Record<string, ICredentialType> {
	const types: ICredentialType[] = [
		new AdPilotMetaAdsApi(),
		new AdPilotGoogleAdsApi(),
		new AdPilotGoogleAdsOAuth2Api(),
		new AdPilotOpenAiApi(),
	];
	return Object.fromEntries(types.map((type) => [type.name, type]));
}

/** Resolves `={{$credentials.x}}` and `=prefix {{$credentials.x}}` the way n8n does for simple cases. */
function resolveTemplate(template: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof template !== 'string' || !template.startsWith('=')) return template;
	return template.slice(1).replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
}

function applyGeneric(
	auth: IAuthenticateGeneric,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	const props = auth.properties;
	const resolveAll = (record: Record<string, unknown> | undefined) =>
		Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, resolveTemplate(v, credentials)])) as IDataObject;
	// In place, key by key, like n8n's CredentialsHelper.authenticate: the caller's headers object gets the token.
	const into = (key: 'headers' | 'qs' | 'body', values: IDataObject) => {
		const target = ((options as unknown as Record<string, unknown>)[key] ??= {}) as IDataObject;
		Object.assign(target, values);
	};
	if (props.headers) into('headers', resolveAll(props.headers));
	if (props.qs) into('qs', resolveAll(props.qs));
	if (props.body) into('body', resolveAll(props.body));
	return options;
}

/**
 * Applies a credential to request options like n8n's CredentialsHelper:
 * an `authenticate` function or generic block, or for OAuth2 credentials a
 * Bearer header from `oauthTokenData.access_token` (no token refresh here).
 */
export async function applyCredential(
	type: ICredentialType | undefined,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const auth = type?.authenticate;
	if (typeof auth === 'function') return await auth(credentials, options);
	if (auth && auth.type === 'generic') return applyGeneric(auth, credentials, options);
	const oauth = credentials.oauthTokenData as { access_token?: string } | undefined;
	if (type?.extends?.includes('oAuth2Api') && oauth?.access_token) {
		options.headers = { ...(options.headers ?? {}), Authorization: `Bearer ${oauth.access_token}` };
	}
	return options;
}
