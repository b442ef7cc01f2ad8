/** Read-side projection of stored objects: derived fields, references and the allowed-field check. */
import type { SimResponse } from '../types';
import type { FieldSpec } from './fields';
import { invalidParam } from './errors';
import type { MetaObject, MetaStore, ObjectType } from './store';

/** Graph's internal node type names, as they appear in Meta's error messages. */
export const NODE_TYPE: Record<ObjectType, string> = {
	campaign: 'AdCampaignGroup',
	adset: 'AdCampaign',
	ad: 'AdGroup',
	adcreative: 'AdCreative',
};

const ALLOWED: Record<ObjectType, ReadonlySet<string>> = {
	campaign: new Set([
		'id', 'account_id', 'name', 'objective', 'status', 'configured_status', 'effective_status', 'buying_type', 'bid_strategy',
		'special_ad_categories', 'special_ad_category', 'daily_budget', 'lifetime_budget', 'budget_remaining', 'spend_cap', 'created_time',
		'updated_time', 'start_time', 'stop_time', 'is_adset_budget_sharing_enabled', 'issues_info', 'source_campaign_id', 'smart_promotion_type',
		'pacing_type', 'can_use_spend_cap', 'promoted_object', 'adlabels',
	]),
	adset: new Set([
		'id', 'account_id', 'campaign_id', 'campaign', 'name', 'status', 'configured_status', 'effective_status', 'daily_budget', 'lifetime_budget',
		'budget_remaining', 'billing_event', 'optimization_goal', 'bid_amount', 'bid_strategy', 'targeting', 'promoted_object', 'created_time',
		'updated_time', 'start_time', 'end_time', 'issues_info', 'learning_stage_info', 'destination_type', 'pacing_type', 'attribution_spec',
		'daily_min_spend_target', 'daily_spend_cap', 'adlabels', 'is_dynamic_creative',
	]),
	ad: new Set([
		'id', 'account_id', 'campaign_id', 'adset_id', 'campaign', 'adset', 'name', 'status', 'configured_status', 'effective_status', 'creative',
		'created_time', 'updated_time', 'issues_info', 'ad_review_feedback', 'tracking_specs', 'conversion_specs', 'preview_shareable_link',
		'source_ad_id', 'bid_amount', 'adlabels',
	]),
	adcreative: new Set([
		'id', 'account_id', 'name', 'status', 'title', 'body', 'object_story_spec', 'image_hash', 'image_url', 'thumbnail_url', 'video_id',
		'call_to_action_type', 'object_type', 'asset_feed_spec', 'url_tags', 'effective_object_story_id', 'degrees_of_freedom_spec',
	]),
};

const DEFAULT_FIELDS: FieldSpec[] = [{ name: 'id' }];

/** ACTIVE only if every ancestor is ACTIVE; otherwise the reason, as Meta reports it. */
export function effectiveStatus(store: MetaStore, object: MetaObject): string {
	const status = String(object.data.status);
	if (status !== 'ACTIVE' || object.type === 'campaign' || object.type === 'adcreative') return status;
	if (object.type === 'ad') {
		const adSet = store.get(String(object.data.adset_id));
		if (adSet && adSet.data.status !== 'ACTIVE') return adSet.data.status === 'PAUSED' ? 'ADSET_PAUSED' : String(adSet.data.status);
	}
	const campaign = store.get(String(object.data.campaign_id));
	if (campaign && campaign.data.status !== 'ACTIVE') return campaign.data.status === 'PAUSED' ? 'CAMPAIGN_PAUSED' : String(campaign.data.status);
	return 'ACTIVE';
}

/** Checks requested fields exist on the node type; returns the (#100) error if not. */
export function checkFields(type: ObjectType, specs: FieldSpec[] | undefined): SimResponse | undefined {
	for (const spec of specs ?? []) {
		if (!ALLOWED[type].has(spec.name)) {
			return invalidParam(`Tried accessing nonexisting field (${spec.name}) on node type (${NODE_TYPE[type]})`);
		}
	}
	return undefined;
}

export function viewObject(store: MetaStore, object: MetaObject, specs: FieldSpec[] | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const spec of specs ?? DEFAULT_FIELDS) {
		const value = fieldValue(store, object, spec);
		if (value !== undefined) out[spec.name] = value;
	}
	// Graph always answers a node's id, requested or not.
	if (out.id === undefined) out.id = object.data.id;
	return out;
}

function fieldValue(store: MetaStore, object: MetaObject, spec: FieldSpec): unknown {
	const data = object.data;
	switch (spec.name) {
		case 'effective_status':
			return effectiveStatus(store, object);
		case 'configured_status':
			return data.status;
		case 'budget_remaining':
			return data.daily_budget ?? data.lifetime_budget ?? '0';
		case 'campaign':
		case 'adset': {
			const ref = store.get(String(data[`${spec.name}_id`]));
			return ref ? viewObject(store, ref, spec.children) : undefined;
		}
		case 'creative': {
			const ref = store.get(String((data.creative as { id?: string } | undefined)?.id));
			return ref ? viewObject(store, ref, spec.children) : data.creative;
		}
		default:
			return data[spec.name];
	}
}
