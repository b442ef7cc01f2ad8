/**
 * What differs between the four Meta ad objects the generic operations
 * (get, get many, status, delete, budget) work on. Everything else is shared.
 */
export type ObjectResource = 'campaign' | 'adSet' | 'ad' | 'adCreative';

export interface ObjectKind {
	resource: ObjectResource;
	/** Human label used in field names and error messages. */
	label: string;
	/** Name of the locator parameter holding the object's id. */
	idParam: string;
	/** Ad-account edge, e.g. `campaigns` in `/act_1/campaigns`. */
	edge: string;
	/** Fields offered in the Fields picker; `id` is always requested. */
	fields: string[];
	defaultFields: string[];
	/** Creatives have no configured/effective status filter or budget. */
	hasStatus: boolean;
	/** Parent whose own edge lists this kind, e.g. ad sets under a campaign. */
	parents: Array<{ param: 'campaignId' | 'adSetId'; label: string }>;
}

export const campaignKind: ObjectKind = {
	resource: 'campaign',
	label: 'Campaign',
	idParam: 'campaignId',
	edge: 'campaigns',
	fields: [
		'account_id', 'bid_strategy', 'budget_remaining', 'buying_type', 'configured_status', 'created_time',
		'daily_budget', 'effective_status', 'lifetime_budget', 'name', 'objective', 'special_ad_categories',
		'spend_cap', 'start_time', 'status', 'stop_time', 'updated_time',
	],
	defaultFields: ['name', 'objective', 'status', 'effective_status', 'daily_budget', 'lifetime_budget', 'bid_strategy'],
	hasStatus: true,
	parents: [],
};

export const adSetKind: ObjectKind = {
	resource: 'adSet',
	label: 'Ad Set',
	idParam: 'adSetId',
	edge: 'adsets',
	fields: [
		'account_id', 'bid_amount', 'bid_strategy', 'billing_event', 'budget_remaining', 'campaign_id',
		'configured_status', 'created_time', 'daily_budget', 'effective_status', 'end_time', 'lifetime_budget',
		'name', 'optimization_goal', 'promoted_object', 'start_time', 'status', 'targeting', 'updated_time',
	],
	defaultFields: ['name', 'campaign_id', 'status', 'effective_status', 'daily_budget', 'lifetime_budget', 'optimization_goal', 'billing_event'],
	hasStatus: true,
	parents: [{ param: 'campaignId', label: 'Campaign' }],
};

export const adKind: ObjectKind = {
	resource: 'ad',
	label: 'Ad',
	idParam: 'adId',
	edge: 'ads',
	fields: [
		'account_id', 'adset_id', 'campaign_id', 'configured_status', 'created_time', 'creative', 'effective_status',
		'name', 'status', 'tracking_specs', 'updated_time',
	],
	defaultFields: ['name', 'adset_id', 'campaign_id', 'status', 'effective_status', 'creative'],
	hasStatus: true,
	parents: [
		{ param: 'adSetId', label: 'Ad Set' },
		{ param: 'campaignId', label: 'Campaign' },
	],
};

export const adCreativeKind: ObjectKind = {
	resource: 'adCreative',
	label: 'Ad Creative',
	idParam: 'adCreativeId',
	edge: 'adcreatives',
	fields: [
		'account_id', 'body', 'call_to_action_type', 'image_hash', 'image_url', 'instagram_user_id', 'link_url',
		'name', 'object_story_spec', 'object_type', 'status', 'thumbnail_url', 'title', 'video_id',
	],
	defaultFields: ['name', 'object_type', 'status', 'object_story_spec', 'thumbnail_url'],
	hasStatus: false,
	parents: [],
};
