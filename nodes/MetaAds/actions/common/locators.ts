import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** Ads Manager / Business Suite URLs carry the account as `act=<digits>`. */
export const AD_ACCOUNT_URL_REGEX = 'https?://(?:[a-z]+\\.)?facebook\\.com/.*[?&#]act=(\\d+)';

function listMode(method: string): INodePropertyMode {
	return { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: method, searchable: true } };
}

function idMode(placeholder: string, regex: string, what: string): INodePropertyMode {
	return {
		displayName: 'By ID',
		name: 'id',
		type: 'string',
		placeholder,
		validation: [{ type: 'regex', properties: { regex, errorMessage: `Not a valid ${what} ID` } }],
	};
}

/**
 * Ad account picker: from list (searchAdAccounts), by ID (act_123 or 123),
 * or by Ads Manager URL. Read it with extractValue and pass the value to
 * normalizeAdAccountId. Name defaults to `adAccountId`, the parameter the
 * campaign and ad-set list searches read.
 */
export function adAccountLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Ad Account',
		name: 'adAccountId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Meta ad account',
		modes: [
			listMode('searchAdAccounts'),
			idMode('act_1234567890', '^\\s*(act_)?\\d+\\s*$', 'ad account'),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1234567890',
				validation: [{ type: 'regex', properties: { regex: AD_ACCOUNT_URL_REGEX, errorMessage: 'Not an Ads Manager URL with act=…' } }],
				extractValue: { type: 'regex', regex: AD_ACCOUNT_URL_REGEX },
			},
		],
		...overrides,
	};
}

/** An Ads Manager URL that selects one object: ...selected_campaign_ids=123 etc. */
function selectedUrlRegex(param: string): string {
	return `https?://(?:[a-z]+\\.)?facebook\\.com/.*[?&]${param}=(\\d+)`;
}

function objectLocator(
	name: string,
	label: string,
	method: string,
	urlParam: string,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	const regex = selectedUrlRegex(urlParam);
	return {
		displayName: label,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			listMode(method),
			idMode('120200000000000000', '^\\s*\\d+\\s*$', label.toLowerCase()),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://adsmanager.facebook.com/adsmanager/manage/…?act=1&${urlParam}=120200000000000000`,
				validation: [{ type: 'regex', properties: { regex, errorMessage: `Not an Ads Manager URL with ${urlParam}=…` } }],
				extractValue: { type: 'regex', regex },
			},
		],
		...overrides,
	};
}

/** Campaign picker (searchCampaigns lists the campaigns of `adAccountId`). */
export function campaignLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return objectLocator('campaignId', 'Campaign', 'searchCampaigns', 'selected_campaign_ids', overrides);
}

/** Ad set picker (searchAdSets lists the ad sets of `campaignId` if set, else of `adAccountId`). */
export function adSetLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return objectLocator('adSetId', 'Ad Set', 'searchAdSets', 'selected_adset_ids', overrides);
}
