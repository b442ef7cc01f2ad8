/**
 * The webhook fields the trigger understands, as Meta's Webhooks reference
 * names them (Graph API → Webhooks → Ad Account; Page → leadgen), and where
 * each change's ids live in its `value`.
 */
export type WebhookObject = 'ad_account' | 'page';

/** What a change is about: an ad object (with its level when Meta says), a lead, or a product set. */
export type ChangeSubject = 'adObject' | 'adObjects' | 'ad' | 'lead' | 'productSet' | 'asyncRequest';

export interface FieldInfo {
	object: WebhookObject;
	name: string;
	/** Shown in the node's field picker. */
	label: string;
	description: string;
	subject: ChangeSubject;
}

export const AD_ACCOUNT_FIELDS: readonly FieldInfo[] = [
	{
		object: 'ad_account',
		name: 'with_issues_ad_objects',
		label: 'Ads With Issues (Disapprovals, Delivery Errors)',
		description: 'A campaign, ad set or ad changed to WITH_ISSUES (e.g. a disapproved ad)',
		subject: 'adObject',
	},
	{
		object: 'ad_account',
		name: 'in_process_ad_objects',
		label: 'In-Process Ad Objects Finished',
		description: 'A campaign, ad set or ad finished processing and left IN_PROCESS',
		subject: 'adObject',
	},
	{
		object: 'ad_account',
		name: 'creative_fatigue',
		label: 'Creative Fatigue',
		description: 'An active ad entered or left creative fatigue (levels such as LOW, MEDIUM, HIGH)',
		subject: 'ad',
	},
	{
		object: 'ad_account',
		name: 'ad_recommendations',
		label: 'Ad Recommendations',
		description: 'Meta generated recommendations for ad objects',
		subject: 'adObjects',
	},
	{
		object: 'ad_account',
		name: 'product_set_issue',
		label: 'Product Set Issues',
		description: 'A product set has issues that affect ads',
		subject: 'productSet',
	},
	{
		object: 'ad_account',
		name: 'ads_async_creation_request',
		label: 'Async Ad Creation Requests',
		description: 'An asynchronous ad creation request finished or failed',
		subject: 'asyncRequest',
	},
];

export const PAGE_FIELDS: readonly FieldInfo[] = [
	{ object: 'page', name: 'leadgen', label: 'Lead Ads Leads', description: 'A person submitted a Lead Ads form', subject: 'lead' },
];

export const ALL_FIELDS: readonly FieldInfo[] = [...AD_ACCOUNT_FIELDS, ...PAGE_FIELDS];

export function fieldInfo(object: string, name: string): FieldInfo | undefined {
	return ALL_FIELDS.find((field) => field.object === object && field.name === name);
}

/** Fields the trigger subscribes to by default: everything about ad delivery. */
export const DEFAULT_AD_ACCOUNT_FIELDS = ['with_issues_ad_objects', 'in_process_ad_objects', 'creative_fatigue', 'ad_recommendations'];
