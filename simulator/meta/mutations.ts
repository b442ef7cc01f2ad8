/**
 * Writes: `POST /act_X/{campaigns|adsets|ads|adcreatives}` creates,
 * `POST /{id}` updates, `DELETE /{id}` deletes. `execution_options=["validate_only"]`
 * runs every check and changes nothing.
 */
import type { SimResponse } from '../types';
import type { TreeAccount } from '../dataset/tree';
import { makeProfile } from '../dataset/metrics';
import type { MetaCall } from './call';
import { invalidParam, metaError } from './errors';
import { budgetTooLow, minimumDaily, parseBudget } from './budgets';
import { jsonParam, listParam, str } from './params';
import { metaTime, type MetaObject, type MetaStore, type ObjectType } from './store';
import type { MetaKnobs } from './knobs';
import {
	BID_STRATEGIES, BILLING_EVENTS, checkEnum, mustBeOneOf, OBJECTIVES, OPTIMIZATION_GOALS, required, SPECIAL_AD_CATEGORIES, STATUSES,
} from './validate';

type Result = SimResponse | Record<string, unknown>;

function isResponse(value: Result): value is SimResponse {
	return typeof (value as SimResponse).status === 'number' && 'body' in value;
}

function validateOnly(call: MetaCall): boolean {
	try {
		return (listParam(call.params, 'execution_options') ?? []).includes('validate_only');
	} catch {
		return false;
	}
}

function parseJsonField(call: MetaCall, name: string): unknown | SimResponse {
	try {
		return jsonParam(call.params, name);
	} catch {
		return invalidParam(`Param ${name} must be a valid JSON`);
	}
}

function budgetFields(call: MetaCall, account: TreeAccount, billingEvent: string | undefined, days: number): Result {
	const out: Record<string, unknown> = {};
	for (const name of ['daily_budget', 'lifetime_budget'] as const) {
		const budget = parseBudget(call.params.values[name]);
		if (budget === 'invalid') return invalidParam(`Param ${name} must be a non-negative integer`);
		if (budget === undefined) continue;
		const minimum = minimumDaily(account.currency.code, billingEvent) * (name === 'lifetime_budget' ? Math.max(1, days) : 1);
		if (budget < minimum) return budgetTooLow(minimum, account.currency.code, account.currency.minorFactor);
		out[name] = String(budget);
	}
	return out;
}

function scheduleDays(start: string | undefined, end: string | undefined, nowMs: number): number {
	const from = start ? Date.parse(start) : nowMs;
	const to = end ? Date.parse(end) : NaN;
	return Number.isNaN(to) ? 1 : Math.max(1, Math.ceil((to - from) / 86_400_000));
}

function createCampaign(call: MetaCall, store: MetaStore, account: TreeAccount): Result {
	const name = str(call.params, 'name');
	const objective = str(call.params, 'objective');
	if (!name) return required('name');
	if (!objective) return required('objective');
	if (!OBJECTIVES.has(objective)) return mustBeOneOf('objective', OBJECTIVES);
	let categories: string[] | undefined;
	try {
		categories = listParam(call.params, 'special_ad_categories');
	} catch {
		return invalidParam('Param special_ad_categories must be a JSON array');
	}
	if (categories === undefined && call.params.values.special_ad_categories === undefined) return required('special_ad_categories');
	const badCategory = (categories ?? []).find((c) => !SPECIAL_AD_CATEGORIES.has(c));
	if (badCategory) return mustBeOneOf('special_ad_categories[0]', SPECIAL_AD_CATEGORIES);
	const status = str(call.params, 'status') ?? 'PAUSED';
	const bidStrategy = str(call.params, 'bid_strategy');
	const bad = checkEnum('status', status, STATUSES) ?? checkEnum('bid_strategy', bidStrategy, BID_STRATEGIES);
	if (bad) return bad;
	const budgets = budgetFields(call, account, undefined, scheduleDays(str(call.params, 'start_time'), str(call.params, 'stop_time'), call.ctx.now()));
	if (isResponse(budgets)) return budgets;
	if (budgets.daily_budget && budgets.lifetime_budget) return invalidParam('Only one of daily_budget and lifetime_budget may be set');
	const sharing = str(call.params, 'is_adset_budget_sharing_enabled');
	if (!budgets.daily_budget && !budgets.lifetime_budget && sharing === undefined) {
		return invalidParam('Must specify True or False in is_adset_budget_sharing_enabled field if you are not using campaign budget', { subcode: 4834011 });
	}
	return {
		account_id: account.id,
		name,
		objective,
		status,
		buying_type: str(call.params, 'buying_type') ?? 'AUCTION',
		bid_strategy: bidStrategy ?? 'LOWEST_COST_WITHOUT_CAP',
		special_ad_categories: categories ?? [],
		...budgets,
		...(sharing !== undefined ? { is_adset_budget_sharing_enabled: sharing === 'true' } : {}),
		...(str(call.params, 'start_time') ? { start_time: str(call.params, 'start_time') } : {}),
		...(str(call.params, 'stop_time') ? { stop_time: str(call.params, 'stop_time') } : {}),
	};
}

function campaignHasBudget(campaign: MetaObject | undefined): boolean {
	return Boolean(campaign?.data.daily_budget || campaign?.data.lifetime_budget);
}

function createAdSet(call: MetaCall, store: MetaStore, account: TreeAccount): Result {
	const name = str(call.params, 'name');
	const campaignId = str(call.params, 'campaign_id');
	const billingEvent = str(call.params, 'billing_event');
	const optimizationGoal = str(call.params, 'optimization_goal');
	if (!name) return required('name');
	if (!campaignId) return required('campaign_id');
	const campaign = store.get(campaignId);
	if (!campaign || campaign.type !== 'campaign' || campaign.data.account_id !== account.id) return invalidParam(`Param campaign_id is invalid: campaign ${campaignId} does not exist in this ad account`);
	if (!billingEvent) return required('billing_event');
	if (!optimizationGoal) return required('optimization_goal');
	const badEnum = checkEnum('billing_event', billingEvent, BILLING_EVENTS) ?? checkEnum('optimization_goal', optimizationGoal, OPTIMIZATION_GOALS) ?? checkEnum('status', str(call.params, 'status'), STATUSES);
	if (badEnum) return badEnum;
	const targeting = parseJsonField(call, 'targeting');
	if (targeting && typeof targeting === 'object' && 'status' in targeting && 'body' in targeting) return targeting as SimResponse;
	if (targeting === undefined) return required('targeting');
	if (typeof targeting !== 'object' || targeting === null || !('geo_locations' in targeting)) {
		return invalidParam('Invalid parameter', { userTitle: 'Missing Target Audience Location', userMsg: 'Your audience is missing a location. Add targeting.geo_locations.' });
	}
	const startTime = str(call.params, 'start_time');
	const endTime = str(call.params, 'end_time');
	if (call.params.values.lifetime_budget !== undefined && !endTime) {
		return invalidParam('Invalid parameter', { userTitle: 'End Time Required', userMsg: 'An ad set with a lifetime budget needs an end_time.' });
	}
	const budgets = budgetFields(call, account, billingEvent, scheduleDays(startTime, endTime, call.ctx.now()));
	if (isResponse(budgets)) return budgets;
	const hasOwnBudget = Boolean(budgets.daily_budget || budgets.lifetime_budget);
	if (hasOwnBudget && campaignHasBudget(campaign)) {
		return invalidParam('Invalid parameter', { subcode: 1885621, userTitle: 'Budget Already Set On Campaign', userMsg: 'This campaign uses a campaign budget; remove the ad set budget.' });
	}
	if (!hasOwnBudget && !campaignHasBudget(campaign)) {
		return invalidParam('Invalid parameter', { userTitle: 'Budget Required', userMsg: 'Set a daily_budget or lifetime_budget on the ad set, or a budget on its campaign.' });
	}
	const promotedObject = parseJsonField(call, 'promoted_object');
	const bidAmount = str(call.params, 'bid_amount');
	return {
		account_id: account.id,
		campaign_id: campaignId,
		name,
		status: str(call.params, 'status') ?? 'PAUSED',
		billing_event: billingEvent,
		optimization_goal: optimizationGoal,
		targeting,
		...budgets,
		...(promotedObject !== undefined ? { promoted_object: promotedObject } : {}),
		...(bidAmount !== undefined ? { bid_amount: Number(bidAmount) } : {}),
		...(str(call.params, 'bid_strategy') ? { bid_strategy: str(call.params, 'bid_strategy') } : {}),
		start_time: startTime ?? metaTime(call.ctx.now()),
		...(endTime ? { end_time: endTime } : {}),
	};
}

function createAd(call: MetaCall, store: MetaStore, account: TreeAccount): Result {
	const name = str(call.params, 'name');
	const adSetId = str(call.params, 'adset_id');
	if (!name) return required('name');
	if (!adSetId) return required('adset_id');
	const adSet = store.get(adSetId);
	if (!adSet || adSet.type !== 'adset' || adSet.data.account_id !== account.id) return invalidParam(`Param adset_id is invalid: ad set ${adSetId} does not exist in this ad account`);
	const creative = parseJsonField(call, 'creative');
	if (creative === undefined) return required('creative');
	const creativeId = (creative as { creative_id?: unknown } | null)?.creative_id;
	const creativeObject = creativeId !== undefined ? store.get(String(creativeId)) : undefined;
	if (!creativeObject || creativeObject.type !== 'adcreative') return invalidParam('Param creative must reference an existing creative_id', { subcode: 1487212 });
	const badStatus = checkEnum('status', str(call.params, 'status'), STATUSES);
	if (badStatus) return badStatus;
	return {
		account_id: account.id,
		campaign_id: adSet.data.campaign_id,
		adset_id: adSetId,
		name,
		status: str(call.params, 'status') ?? 'PAUSED',
		creative: { id: String(creativeId) },
	};
}

function createCreative(call: MetaCall, store: MetaStore, account: TreeAccount, videoExists: (id: string) => boolean): Result {
	const spec = parseJsonField(call, 'object_story_spec');
	const assetFeed = parseJsonField(call, 'asset_feed_spec');
	if (spec === undefined && assetFeed === undefined) return required('object_story_spec');
	const story = (spec ?? {}) as { page_id?: unknown; link_data?: { image_hash?: string }; video_data?: { video_id?: string; image_hash?: string; image_url?: string } };
	if (spec !== undefined && !story.page_id) return invalidParam('Param object_story_spec[page_id] is required');
	const hash = story.link_data?.image_hash ?? story.video_data?.image_hash;
	if (hash && !store.images.has(`${account.id}:${hash}`)) {
		return invalidParam('Invalid parameter', { subcode: 1487212, userTitle: 'Image Not Found', userMsg: `The image with hash ${hash} was not found in this ad account.` });
	}
	const videoId = story.video_data?.video_id;
	if (story.video_data && (!videoId || !videoExists(videoId))) return invalidParam('Param object_story_spec[video_data][video_id] is invalid: video not found');
	if (story.video_data && !story.video_data.image_hash && !story.video_data.image_url) {
		return invalidParam('Invalid parameter', { userTitle: 'Video Thumbnail Required', userMsg: 'A video ad needs image_hash or image_url for its thumbnail.' });
	}
	return {
		account_id: account.id,
		name: str(call.params, 'name') ?? `Creative ${metaTime(call.ctx.now())}`,
		status: 'ACTIVE',
		...(spec !== undefined ? { object_story_spec: spec } : {}),
		...(assetFeed !== undefined ? { asset_feed_spec: assetFeed } : {}),
		...(hash ? { image_hash: hash } : {}),
		...(videoId ? { video_id: videoId } : {}),
	};
}

const EDGE_TYPE: Record<string, ObjectType> = { campaigns: 'campaign', adsets: 'adset', ads: 'ad', adcreatives: 'adcreative' };
const ID_KIND = { campaign: 'campaign', adset: 'adSet', ad: 'ad', adcreative: 'creative' } as const;

export function createObject(call: MetaCall, store: MetaStore, account: TreeAccount, edge: string, videoExists: (id: string) => boolean): SimResponse {
	const type = EDGE_TYPE[edge];
	const result =
		type === 'campaign' ? createCampaign(call, store, account)
		: type === 'adset' ? createAdSet(call, store, account)
		: type === 'ad' ? createAd(call, store, account)
		: createCreative(call, store, account, videoExists);
	if (isResponse(result)) return result;
	if (validateOnly(call)) return { status: 200, body: { success: true } };
	const id = store.mintId(ID_KIND[type]);
	const now = metaTime(call.ctx.now());
	store.objects.set(id, { type, data: { id, ...result, created_time: now, updated_time: now } });
	call.ctx.changes.record({ api: 'meta', accountId: account.id, entity: id, objectType: type, operation: 'create', fields: { status: { before: null, after: result.status ?? null } } });
	if (type === 'ad') {
		// New ads have no history; they would start delivering from today.
		store.profiles.set(id, makeProfile({
			seed: store.tree.settings.seed, key: id, goal: 'sales', minorFactor: account.currency.minorFactor,
			eurPerUnit: account.currency.eurPerUnit, firstDay: store.tree.settings.today, windowEnd: store.tree.settings.today,
		}));
	}
	store.touch();
	return { status: 200, body: { id } };
}

const UPDATABLE: Record<ObjectType, Set<string>> = {
	campaign: new Set(['name', 'status', 'daily_budget', 'lifetime_budget', 'bid_strategy', 'spend_cap', 'stop_time', 'special_ad_categories', 'is_adset_budget_sharing_enabled']),
	adset: new Set(['name', 'status', 'daily_budget', 'lifetime_budget', 'bid_amount', 'bid_strategy', 'end_time', 'start_time', 'targeting', 'optimization_goal', 'promoted_object']),
	ad: new Set(['name', 'status', 'creative']),
	adcreative: new Set(['name', 'status']),
};

/** Params every call may carry; never "unknown" on an update. */
const TRANSPORT_PARAMS = new Set(['access_token', 'appsecret_proof', 'fields', 'execution_options', 'method', 'format', 'suppress_http_code', 'pretty', 'include_headers']);

export function updateObject(call: MetaCall, store: MetaStore, object: MetaObject, knobs: MetaKnobs): SimResponse {
	const account = store.account(String(object.data.account_id));
	if (!account) return invalidParam('Object has no ad account');
	const changes: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(call.params.values)) {
		if (TRANSPORT_PARAMS.has(key)) continue;
		if (!UPDATABLE[object.type].has(key)) return invalidParam(`Param ${key} is not updatable on this object`);
		if (key === 'status') {
			const bad = checkEnum('status', String(raw), STATUSES);
			if (bad) return bad;
		}
		if (key === 'targeting' || key === 'promoted_object' || key === 'creative' || key === 'special_ad_categories') {
			const parsed = parseJsonField(call, key);
			if (parsed && typeof parsed === 'object' && 'status' in parsed && 'body' in parsed) return parsed as SimResponse;
			changes[key] = parsed;
		} else changes[key] = typeof raw === 'string' ? raw : String(raw);
	}
	const budgetChange = 'daily_budget' in changes || 'lifetime_budget' in changes;
	if (budgetChange) {
		const billing = object.type === 'adset' ? String(object.data.billing_event) : undefined;
		const budgets = budgetFields(call, account, billing, scheduleDays(String(object.data.start_time ?? ''), String(changes.end_time ?? object.data.end_time ?? ''), call.ctx.now()));
		if (isResponse(budgets)) return budgets;
		if (object.type === 'adset' && campaignHasBudget(store.get(String(object.data.campaign_id)))) {
			return invalidParam('Invalid parameter', { subcode: 1885621, userTitle: 'Budget Already Set On Campaign', userMsg: 'This campaign uses a campaign budget; change it on the campaign.' });
		}
		if (object.type === 'adset') {
			const limited = checkBudgetRate(store, String(object.data.id), call.ctx.now(), knobs.budgetChangesPerHour);
			if (limited) return limited;
		}
	}
	if (validateOnly(call)) return { status: 200, body: { success: true } };
	if (budgetChange && object.type === 'adset') store.budgetChanges.get(String(object.data.id))!.push(call.ctx.now());
	recordUpdate(call, object, changes);
	Object.assign(object.data, changes, { updated_time: metaTime(call.ctx.now()) });
	store.touch();
	return { status: 200, body: { success: true } };
}

/** Logs the fields an update really changes (a write of the same value changes nothing). */
function recordUpdate(call: MetaCall, object: MetaObject, changes: Record<string, unknown>): void {
	const fields: Record<string, { before: unknown; after: unknown }> = {};
	for (const [key, after] of Object.entries(changes)) {
		const before = object.data[key];
		if (JSON.stringify(before) !== JSON.stringify(after)) fields[key] = { before: before ?? null, after };
	}
	if (Object.keys(fields).length === 0) return;
	call.ctx.changes.record({
		api: 'meta', accountId: String(object.data.account_id), entity: String(object.data.id), objectType: object.type,
		operation: 'update', fields, ...(object.data.campaign_id ? { campaign: String(object.data.campaign_id) } : {}),
	});
}

/** Ad set budgets may change a limited number of times per rolling hour. */
function checkBudgetRate(store: MetaStore, adSetId: string, nowMs: number, perHour: number): SimResponse | undefined {
	const recent = (store.budgetChanges.get(adSetId) ?? []).filter((t) => t > nowMs - 3_600_000);
	store.budgetChanges.set(adSetId, recent);
	if (recent.length < perHour) return undefined;
	return metaError({
		message: '(#17) User request limit reached',
		code: 17,
		subcode: 2446079,
		transient: true,
		userTitle: 'Ad Set Budget Change Limit Reached',
		userMsg: `This ad set's budget was changed ${recent.length} times in the last hour. Try again in about ${Math.ceil((recent[0] + 3_600_000 - nowMs) / 60_000)} minutes.`,
	});
}

export function deleteObject(call: MetaCall, store: MetaStore, object: MetaObject): SimResponse {
	if (validateOnly(call)) return { status: 200, body: { success: true } };
	call.ctx.changes.record({ api: 'meta', accountId: String(object.data.account_id), entity: String(object.data.id), objectType: object.type, operation: 'delete', fields: { status: { before: object.data.status ?? null, after: 'DELETED' } } });
	object.data.status = 'DELETED';
	object.data.updated_time = metaTime(call.ctx.now());
	store.touch();
	return { status: 200, body: { success: true } };
}
