/** Dispatches one authenticated Graph call (direct or from a batch) to its endpoint. */
import type { SimResponse } from '../types';
import { listActivities } from './activities';
import { getAccount, getMe, getMinimumBudgets, listMyAccounts } from './accounts';
import type { MetaCall } from './call';
import { invalidParam, metaError, unsupportedGet } from './errors';
import { deleteImage, listImages, uploadImages } from './images';
import type { InsightsEndpoints } from './insights/handler';
import type { MetaKnobs } from './knobs';
import { createObject, deleteObject, updateObject } from './mutations';
import { getObject, listObjects } from './objects';
import type { MetaStore, ObjectType } from './store';
import type { VideoUploads } from './videos';
import { refuseNonUser, routeWebhookCall, type WebhookState } from './webhooks';

export interface MetaServices {
	store: MetaStore;
	knobs: MetaKnobs;
	insights: InsightsEndpoints;
	videos: VideoUploads;
	webhooks: WebhookState;
}

const LIST_EDGES: Record<string, ObjectType> = { campaigns: 'campaign', adsets: 'adset', ads: 'ad', adcreatives: 'adcreative' };
const CHILD_EDGES: Partial<Record<ObjectType, Record<string, ObjectType>>> = {
	campaign: { adsets: 'adset', ads: 'ad' },
	adset: { ads: 'ad' },
};
const SCOPE_FIELD: Record<ObjectType, string> = { campaign: 'campaign_id', adset: 'adset_id', ad: 'id', adcreative: 'id' };

function unsupported(method: string, id: string): SimResponse {
	if (method === 'GET') return unsupportedGet(id);
	return metaError({
		message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		type: 'GraphMethodException', code: 100, subcode: 33,
	});
}

/** The ad account a call concerns, for usage headers. */
export function callAccountId(services: MetaServices, segments: string[]): string | undefined {
	const [head] = segments;
	if (!head) return undefined;
	if (head.startsWith('act_')) return services.store.account(head)?.id;
	const object = services.store.get(head);
	if (object) return String(object.data.account_id);
	return services.insights.accountOfJob(head) ?? services.videos.videos.get(head)?.accountId;
}

export function routeCall(call: MetaCall, services: MetaServices): SimResponse {
	const { store, knobs, insights, videos } = services;
	const webhookAnswer = routeWebhookCall(call, services.webhooks, (id) => store.account(id) !== undefined, () => String(store.list('ad', () => true)[0]?.data.id ?? ''));
	if (webhookAnswer) return webhookAnswer;
	const refused = refuseNonUser(call.caller);
	if (refused) return refused;
	const [head, edge, ...rest] = call.segments;
	const method = call.method;
	if (rest.length > 0 || head === undefined) return unsupported(method, call.segments.join('/'));
	if (head === 'me') {
		if (edge === undefined && method === 'GET') return getMe(call);
		if (edge === 'adaccounts' && method === 'GET') return listMyAccounts(call, store);
		return unsupported(method, `me/${edge ?? ''}`);
	}
	if (head.startsWith('act_')) {
		const account = store.account(head);
		if (!account) return unsupported(method, head);
		if (edge === undefined) return method === 'GET' ? getAccount(call, store, account) : unsupported(method, head);
		if (edge === 'minimum_budgets' && method === 'GET') return getMinimumBudgets(call, knobs.defaultPageLimit);
		if (edge === 'activities' && method === 'GET') return listActivities(call, account.id, knobs.defaultPageLimit);
		if (edge in LIST_EDGES) {
			if (method === 'GET') return listObjects(call, store, LIST_EDGES[edge], 'account_id', account.id, knobs.defaultPageLimit);
			if (method === 'POST') return createObject(call, store, account, edge, (id) => videos.videos.has(id));
		}
		if (edge === 'insights' && (method === 'GET' || method === 'POST')) return insights.objectInsights(call, { level: 'account', id: account.id }, account.id);
		if (edge === 'adimages') {
			if (method === 'GET') return listImages(call, store, account);
			if (method === 'POST') return uploadImages(call, store, account, knobs);
			if (method === 'DELETE') return deleteImage(call, store, account);
		}
		if (edge === 'advideos' && method === 'POST') return videos.handle(call, account);
		return unsupported(method, `${head}/${edge}`);
	}
	if (insights.hasJob(head)) {
		if (edge === undefined && method === 'GET') return insights.pollJob(call, head);
		if (edge === 'insights' && method === 'GET') return insights.jobRows(call, head);
		return unsupported(method, head);
	}
	if (videos.videos.has(head)) {
		if (edge === undefined && method === 'GET') return videos.get(call, head);
		if (edge === 'thumbnails' && method === 'GET') return videos.getThumbnails(call, head);
		return unsupported(method, head);
	}
	const object = store.get(head);
	if (!object) return unsupported(method, head);
	if (edge === undefined) {
		if (method === 'GET') return getObject(call, store, object);
		if (method === 'POST') return updateObject(call, store, object, knobs);
		if (method === 'DELETE') return deleteObject(call, store, object);
		return unsupported(method, head);
	}
	const childType = CHILD_EDGES[object.type]?.[edge];
	if (childType && method === 'GET') return listObjects(call, store, childType, SCOPE_FIELD[object.type], head, knobs.defaultPageLimit);
	if (edge === 'insights' && object.type !== 'adcreative' && (method === 'GET' || method === 'POST')) {
		return insights.objectInsights(call, { level: object.type, id: head }, String(object.data.account_id));
	}
	return edge ? invalidParam(`Unknown edge ${edge} on this object`) : unsupported(method, head);
}
