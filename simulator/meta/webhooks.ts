/**
 * Webhook plumbing of the Graph emulation, for the Meta Ads Trigger:
 *   /{app-id}/subscriptions          GET / POST / DELETE   (app access token only, like Graph: #15)
 *   /act_X/subscribed_apps           GET / POST / DELETE   (user token; POST names app_id)
 *   /{page-id}?fields=access_token   a Page token for the sandbox page
 *   /{page-id}/subscribed_apps       GET / POST / DELETE   (that page's token only, like Graph: #210)
 *   /{leadgen-id}                    the page's seeded Lead Ads leads
 * Subscriptions are state the tests read back (`webhookState`).
 */
import { SIM_META_APP_ID, SIM_META_PAGE_TOKEN_PREFIX } from '../credentials';
import type { SimResponse } from '../types';
import type { MetaCaller } from './auth';
import type { MetaCall } from './call';
import { invalidParam, metaError } from './errors';
import { str } from './params';

/** The page the dataset's creatives post as (simulator/meta/store.ts). */
export const SIM_META_PAGE_ID = '1000000000001';

export interface AppSubscription {
	object: string;
	callback_url: string;
	fields: string[];
	verify_token: string;
	active: boolean;
}

export interface SimLead {
	id: string;
	created_time: string;
	ad_id: string;
	form_id: string;
	field_data: Array<{ name: string; values: string[] }>;
}

/** Seeded leads on the sandbox page: deterministic, so tests and e2e can name them. */
export const SIM_LEADS: readonly SimLead[] = [
	{ id: '880000000000001', created_time: '2026-11-20T09:15:00+0000', ad_id: '', form_id: '770000000000001', field_data: [{ name: 'full_name', values: ['Ada Lovelace'] }, { name: 'email', values: ['ada@example.com'] }] },
	{ id: '880000000000002', created_time: '2026-11-20T10:40:00+0000', ad_id: '', form_id: '770000000000001', field_data: [{ name: 'full_name', values: ['Zoë Ünal'] }, { name: 'email', values: ['zoe@example.com'] }, { name: 'interests', values: ['running', 'trail'] }] },
];

export class WebhookState {
	readonly appSubscriptions = new Map<string, AppSubscription>();
	readonly accountApps = new Map<string, Set<string>>();
	readonly pageApps = new Map<string, Map<string, string[]>>();

	reset(): void {
		this.appSubscriptions.clear();
		this.accountApps.clear();
		this.pageApps.clear();
	}
}

const APP_TOKEN_REQUIRED = () => metaError({ message: '(#15) This method must be called with an app access_token.', code: 15, type: 'OAuthException' });
const PAGE_TOKEN_REQUIRED = () => metaError({ message: '(#210) A page access token is required to request this resource.', code: 210, type: 'OAuthException' });

function listOf(text: string | undefined): string[] {
	return (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function appSubscriptions(call: MetaCall, state: WebhookState): SimResponse {
	if (call.caller?.kind !== 'app') return APP_TOKEN_REQUIRED();
	const object = str(call.params, 'object');
	if (call.method === 'GET') {
		const data = [...state.appSubscriptions.values()].map((s) => ({ object: s.object, callback_url: s.callback_url, active: s.active, fields: s.fields.map((name) => ({ name, version: call.version })) }));
		return { status: 200, body: { data } };
	}
	if (!object || !['ad_account', 'page', 'user', 'instagram'].includes(object)) return invalidParam('(#100) Param object must be one of {ad_account, page, user, instagram}');
	if (call.method === 'POST') {
		const callback = str(call.params, 'callback_url');
		const fields = listOf(str(call.params, 'fields'));
		if (!callback || !/^https?:\/\//.test(callback)) return invalidParam('(#100) Param callback_url must be a valid URL');
		if (fields.length === 0) return invalidParam('(#100) Param fields must be non-empty');
		const previous = state.appSubscriptions.get(object);
		const merged = previous && previous.callback_url === callback ? [...new Set([...previous.fields, ...fields])] : fields;
		state.appSubscriptions.set(object, { object, callback_url: callback, fields: merged, verify_token: str(call.params, 'verify_token') ?? '', active: true });
		return { status: 200, body: { success: true } };
	}
	if (call.method === 'DELETE') {
		const remove = listOf(str(call.params, 'fields'));
		const current = state.appSubscriptions.get(object);
		if (current && remove.length > 0) current.fields = current.fields.filter((f) => !remove.includes(f));
		if (current && (remove.length === 0 || current.fields.length === 0)) state.appSubscriptions.delete(object);
		return { status: 200, body: { success: true } };
	}
	return invalidParam('Unsupported method');
}

function accountApps(call: MetaCall, state: WebhookState, accountId: string): SimResponse {
	const apps = state.accountApps.get(accountId) ?? new Set<string>();
	if (call.method === 'GET') return { status: 200, body: { data: [...apps].map((id) => ({ id, name: id === SIM_META_APP_ID ? 'AdPilot Sandbox App' : `App ${id}` })) } };
	const appId = str(call.params, 'app_id');
	if (!appId || !/^\d+$/.test(appId)) return invalidParam('(#100) Param app_id must be a valid app id');
	if (call.method === 'POST') apps.add(appId);
	else if (call.method === 'DELETE') apps.delete(appId);
	state.accountApps.set(accountId, apps);
	return { status: 200, body: { success: true } };
}

function pageApps(call: MetaCall, state: WebhookState, pageId: string): SimResponse {
	if (call.caller?.kind !== 'page' || call.caller.pageId !== pageId) return PAGE_TOKEN_REQUIRED();
	const apps = state.pageApps.get(pageId) ?? new Map<string, string[]>();
	if (call.method === 'GET') return { status: 200, body: { data: [...apps].map(([id, fields]) => ({ id, subscribed_fields: fields })) } };
	// Graph takes the app from the Page token; the sandbox has one app.
	if (call.method === 'POST') {
		const fields = listOf(str(call.params, 'subscribed_fields'));
		if (fields.length === 0) return invalidParam('(#100) Param subscribed_fields must be non-empty');
		apps.set(SIM_META_APP_ID, fields);
	} else if (call.method === 'DELETE') apps.delete(SIM_META_APP_ID);
	state.pageApps.set(pageId, apps);
	return { status: 200, body: { success: true } };
}

/** Answers a webhook-related call, or undefined when the call is not one. */
export function routeWebhookCall(call: MetaCall, state: WebhookState, accountExists: (id: string) => boolean, firstAdId: () => string): SimResponse | undefined {
	const [head, edge, ...rest] = call.segments;
	if (rest.length > 0 || head === undefined) return undefined;
	if (head === SIM_META_APP_ID && edge === 'subscriptions') return appSubscriptions(call, state);
	if (head.startsWith('act_') && edge === 'subscribed_apps' && accountExists(head)) return accountApps(call, state, head.slice(4));
	if (head === SIM_META_PAGE_ID) {
		if (edge === 'subscribed_apps') return pageApps(call, state, head);
		if (edge === undefined && call.method === 'GET') {
			return { status: 200, body: { id: head, name: 'AdPilot Sandbox Page', access_token: `${SIM_META_PAGE_TOKEN_PREFIX}${head}` } };
		}
	}
	const lead = SIM_LEADS.find((l) => l.id === head);
	if (lead && edge === undefined && call.method === 'GET') {
		return { status: 200, body: { ...lead, ad_id: firstAdId(), campaign_id: undefined, is_organic: false, platform: 'fb' } };
	}
	return undefined;
}

/** Non-user tokens reach only the routes above; elsewhere Graph refuses them. */
export function refuseNonUser(caller: MetaCaller | undefined): SimResponse | undefined {
	if (!caller || caller.kind === 'user') return undefined;
	return metaError({ message: '(#200) This endpoint needs a user access token', code: 200, type: 'OAuthException' });
}
