/** Which GAQL fields exist, and which resources each FROM resource may select. */

export const RESOURCE_FIELDS: Record<string, string[]> = {
	customer: ['resource_name', 'id', 'descriptive_name', 'currency_code', 'time_zone', 'manager', 'test_account', 'status', 'auto_tagging_enabled'],
	customer_client: ['resource_name', 'client_customer', 'level', 'manager', 'descriptive_name', 'currency_code', 'time_zone', 'id', 'status', 'hidden', 'test_account'],
	campaign: [
		'resource_name', 'id', 'name', 'status', 'serving_status', 'advertising_channel_type', 'bidding_strategy_type',
		'campaign_budget', 'start_date', 'end_date', 'contains_eu_political_advertising',
		'network_settings.target_google_search', 'network_settings.target_search_network', 'network_settings.target_content_network',
	],
	campaign_budget: ['resource_name', 'id', 'name', 'amount_micros', 'delivery_method', 'period', 'explicitly_shared', 'reference_count', 'status'],
	ad_group: ['resource_name', 'id', 'name', 'status', 'campaign', 'type', 'cpc_bid_micros'],
	ad_group_ad: [
		'resource_name', 'status', 'ad_group', 'ad.resource_name', 'ad.id', 'ad.name', 'ad.type', 'ad.final_urls',
		'ad.responsive_search_ad.headlines', 'ad.responsive_search_ad.descriptions', 'ad.responsive_search_ad.path1',
		'ad.responsive_search_ad.path2', 'policy_summary.approval_status', 'policy_summary.review_status',
	],
	ad_group_criterion: [
		'resource_name', 'criterion_id', 'ad_group', 'status', 'type', 'negative', 'keyword.text', 'keyword.match_type',
		'cpc_bid_micros', 'quality_info.quality_score',
	],
	campaign_criterion: ['resource_name', 'criterion_id', 'campaign', 'status', 'type', 'negative', 'keyword.text', 'keyword.match_type'],
	keyword_view: ['resource_name'],
	recommendation: [
		'resource_name', 'type', 'campaign', 'campaign_budget', 'dismissed',
		'impact.base_metrics.impressions', 'impact.base_metrics.clicks', 'impact.base_metrics.cost_micros',
		'impact.potential_metrics.impressions', 'impact.potential_metrics.clicks', 'impact.potential_metrics.cost_micros',
	],
};

export const METRIC_FIELDS = [
	'impressions', 'clicks', 'cost_micros', 'conversions', 'conversions_value', 'all_conversions', 'all_conversions_value',
	'ctr', 'average_cpc', 'average_cpm', 'cost_per_conversion', 'interactions',
];

export const SEGMENT_FIELDS = ['date'];

/** Resources whose fields a FROM resource may select (its own first). */
export const ATTRIBUTED: Record<string, string[]> = {
	customer: ['customer'],
	customer_client: ['customer_client', 'customer'],
	campaign: ['campaign', 'campaign_budget', 'customer'],
	campaign_budget: ['campaign_budget', 'customer'],
	ad_group: ['ad_group', 'campaign', 'campaign_budget', 'customer'],
	ad_group_ad: ['ad_group_ad', 'ad_group', 'campaign', 'campaign_budget', 'customer'],
	ad_group_criterion: ['ad_group_criterion', 'ad_group', 'campaign', 'customer'],
	campaign_criterion: ['campaign_criterion', 'campaign', 'customer'],
	keyword_view: ['keyword_view', 'ad_group_criterion', 'ad_group', 'campaign', 'customer'],
	recommendation: ['recommendation', 'campaign', 'customer'],
};

/** FROM resources that carry metrics and segments. */
export const METRIC_RESOURCES = new Set(['customer', 'campaign', 'ad_group', 'ad_group_ad', 'ad_group_criterion', 'keyword_view']);

export function camel(snake: string): string {
	return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** 'campaign.network_settings.target_google_search' → ['campaign', 'networkSettings', 'targetGoogleSearch']. */
export function camelPath(field: string): string[] {
	return field.split('.').map(camel);
}
