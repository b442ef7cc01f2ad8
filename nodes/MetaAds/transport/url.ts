import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { credentialSetting } from '../../shared/n8n/credentialSetting';
import type { MetaContext } from './types';

/** `https://host/v25.0` from the credential; the version may be written with or without its "v". */
export async function graphBaseUrl(ctx: MetaContext): Promise<string> {
	const credentials = await ctx.getCredentials('adPilotMetaAdsApi');
	const base = credentialSetting(ctx.getNode(), credentials, 'baseUrl', 'Base URL', 'Meta Ads').replace(/\/+$/, '');
	return `${base}/${graphVersion(ctx, credentials)}`;
}

/** The credential's Graph API version as Meta writes it in paths: `v25.0` (also from `25.0` or `/v25.0/`). */
function graphVersion(ctx: MetaContext, credentials: ICredentialDataDecryptedObject): string {
	const version = credentialSetting(ctx.getNode(), credentials, 'apiVersion', 'Graph API Version', 'Meta Ads').replace(/^\/+|\/+$/g, '');
	return /^\d/.test(version) ? `v${version}` : version;
}

/**
 * The major number of the credential's Graph API version (25 for `v25.0`), for
 * fields and parameters that exist only from some version on; undefined when
 * the version is not written as Meta numbers them.
 */
export async function graphMajorVersion(ctx: MetaContext): Promise<number | undefined> {
	const version = graphVersion(ctx, await ctx.getCredentials('adPilotMetaAdsApi'));
	const match = /^v(\d+)(\.\d+)?$/.exec(version);
	return match ? Number(match[1]) : undefined;
}

export function joinPath(baseUrl: string, path: string): string {
	const clean = path.replace(/^\/+/, '');
	return clean === '' ? `${baseUrl}/` : `${baseUrl}/${clean}`;
}

/**
 * Graph expects JSON text for structured query values (time_range, filtering,
 * breakdowns arrays). Axios would otherwise send `a[b]=c`. `fields` lists are
 * joined with commas, the form Meta documents.
 */
export function serializeQs(qs: IDataObject | undefined): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		if (key === 'fields' && Array.isArray(value)) out[key] = value.join(',');
		else if (typeof value === 'object') out[key] = JSON.stringify(value);
		else out[key] = value;
	}
	return out;
}
