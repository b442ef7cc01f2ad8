/**
 * Deep links people click from a message: Ads Manager for Meta entities,
 * the Google Ads web UI for Google ones. `__e` is the Google Ads UI's
 * parameter for the (dash-less) customer id; campaign and ad group ids go in
 * the UI's own query parameters.
 */
const META_VIEW: Record<string, [string, string | null]> = {
	account: ['campaigns', null],
	campaign: ['campaigns', 'selected_campaign_ids'],
	adSet: ['adsets', 'selected_adset_ids'],
	adset: ['adsets', 'selected_adset_ids'],
	ad: ['ads', 'selected_ad_ids'],
};

function digits(id: string): string | null {
	const clean = id.replace(/^act_/, '').replace(/-/g, '');
	return /^\d+$/.test(clean) ? clean : null;
}

export function metaLink(accountId: string, level: string, entityId: string): string | null {
	const account = digits(accountId);
	const view = META_VIEW[level];
	if (!account || !view) return null;
	const [page, selector] = view;
	const url = new URL(`https://adsmanager.facebook.com/adsmanager/manage/${page}`);
	url.searchParams.set('act', account);
	const entity = digits(entityId);
	if (selector && entity) url.searchParams.set(selector, entity);
	return url.toString();
}

export function googleLink(customerId: string, level: string, entityId: string): string | null {
	const customer = digits(customerId);
	if (!customer) return null;
	const entity = digits(entityId.split('~').pop() ?? entityId);
	let url: URL;
	if (level === 'campaign' && entity) {
		url = new URL('https://ads.google.com/aw/adgroups');
		url.searchParams.set('campaignId', entity);
	} else if ((level === 'adSet' || level === 'adGroup') && entity) {
		url = new URL('https://ads.google.com/aw/ads');
		url.searchParams.set('adGroupId', entity);
	} else if (level === 'keyword') {
		url = new URL('https://ads.google.com/aw/keywords');
	} else {
		url = new URL('https://ads.google.com/aw/overview');
	}
	url.searchParams.set('__e', customer);
	return url.toString();
}

export function deepLink(platform: string, accountId: string, level: string, entityId: string): string | null {
	if (platform === 'meta') return metaLink(accountId, level, entityId);
	if (platform === 'google') return googleLink(accountId, level, entityId);
	return null;
}
