/**
 * Subscribing on activation, unsubscribing on deactivation. Meta needs two
 * things for notifications to flow:
 *  1. the app subscribed to the object type with our callback URL
 *     (`POST /{app-id}/subscriptions`, app access token), and
 *  2. the app installed on the ad account (`POST /act_X/subscribed_apps`,
 *     user token with ads_management) or on the page
 *     (`POST /{page-id}/subscribed_apps?subscribed_fields=leadgen`, Page token).
 * In "manual" mode the trigger touches neither; the README lists the steps.
 */
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { META_APP_TOKEN_HEADER, META_PAGE_TOKEN_HEADER } from '../../credentials/metaAppToken';
import { graphRequest } from '../MetaAds/transport';
import type { WebhookObject } from './fields';

export interface SubscriptionTarget {
	object: WebhookObject;
	appId: string;
	/** Ad account id without `act_`, or the page id. */
	targetId: string;
	fields: string[];
	callbackUrl: string;
	verifyToken: string;
}

const NO_RETRY = { maxRetries: 1 };

export function readTarget(ctx: IHookFunctions, fields: string[]): SubscriptionTarget {
	const object = ctx.getNodeParameter('object') as WebhookObject;
	const appId = String(ctx.getNodeParameter('appId', '')).trim();
	const rawTarget = String(ctx.getNodeParameter(object === 'page' ? 'pageId' : 'adAccountId', '')).trim();
	const targetId = rawTarget.replace(/^act_/, '');
	const what = object === 'page' ? 'Page ID' : 'Ad Account ID';
	if (!/^\d+$/.test(appId)) throw new NodeOperationError(ctx.getNode(), `App ID must be the numeric id of your Meta app to subscribe automatically (got "${appId}")`);
	if (!/^\d+$/.test(targetId)) throw new NodeOperationError(ctx.getNode(), `${what} must be numeric to subscribe automatically (got "${rawTarget}")`);
	if (fields.length === 0) throw new NodeOperationError(ctx.getNode(), 'Pick at least one field under Fields to subscribe to');
	const callbackUrl = ctx.getNodeWebhookUrl('default');
	if (!callbackUrl) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this trigger a webhook URL');
	return { object, appId, targetId, fields, callbackUrl, verifyToken: String(ctx.getNodeParameter('verifyToken', '')) };
}

const appHeaders = (target: SubscriptionTarget) => ({ [META_APP_TOKEN_HEADER]: target.appId });

async function pageToken(ctx: IHookFunctions, pageId: string): Promise<string> {
	const page = await graphRequest<{ access_token?: string }>(ctx, { method: 'GET', path: `/${pageId}`, qs: { fields: 'access_token' }, options: NO_RETRY });
	if (typeof page.access_token !== 'string' || page.access_token === '') {
		throw new NodeOperationError(ctx.getNode(), `Meta returned no Page access token for page ${pageId}: the credential's token needs pages_manage_metadata and a role on the page. Subscribe the page by hand (see README) and set Subscription to Manual.`);
	}
	return page.access_token;
}

interface AppSubscription {
	object?: string;
	callback_url?: string;
	active?: boolean;
	fields?: Array<{ name?: string } | string>;
}

/** True when Meta already sends the chosen fields of this object type to our URL, and the app is installed on the target. */
export async function subscriptionExists(ctx: IHookFunctions, target: SubscriptionTarget): Promise<boolean> {
	const app = await graphRequest<{ data?: AppSubscription[] }>(ctx, { method: 'GET', path: `/${target.appId}/subscriptions`, headers: appHeaders(target), options: NO_RETRY });
	const current = (app.data ?? []).find((s) => s.object === target.object && s.callback_url === target.callbackUrl && s.active !== false);
	const names = new Set((current?.fields ?? []).map((f) => (typeof f === 'string' ? f : String(f.name ?? ''))));
	if (!current || !target.fields.every((f) => names.has(f))) return false;
	const installed = target.object === 'page'
		? await graphRequest<{ data?: IDataObject[] }>(ctx, { method: 'GET', path: `/${target.targetId}/subscribed_apps`, headers: { [META_PAGE_TOKEN_HEADER]: await pageToken(ctx, target.targetId) }, options: NO_RETRY })
		: await graphRequest<{ data?: IDataObject[] }>(ctx, { method: 'GET', path: `/act_${target.targetId}/subscribed_apps`, options: NO_RETRY });
	return (installed.data ?? []).some((app) => String(app.id) === target.appId);
}

export async function subscribe(ctx: IHookFunctions, target: SubscriptionTarget): Promise<void> {
	await graphRequest(ctx, {
		method: 'POST',
		path: `/${target.appId}/subscriptions`,
		headers: appHeaders(target),
		body: { object: target.object, callback_url: target.callbackUrl, fields: target.fields.join(','), verify_token: target.verifyToken, include_values: true },
		options: NO_RETRY,
	});
	if (target.object === 'page') {
		const headers = { [META_PAGE_TOKEN_HEADER]: await pageToken(ctx, target.targetId) };
		await graphRequest(ctx, { method: 'POST', path: `/${target.targetId}/subscribed_apps`, headers, body: { subscribed_fields: 'leadgen' }, options: NO_RETRY });
	} else {
		await graphRequest(ctx, { method: 'POST', path: `/act_${target.targetId}/subscribed_apps`, body: { app_id: target.appId }, options: NO_RETRY });
	}
}

/**
 * Removes the app's subscription to our fields and uninstalls the app from
 * the target. Other workflows using the same app and object type lose those
 * fields too (Meta keeps one callback URL per app and object type).
 */
export async function unsubscribe(ctx: IHookFunctions, target: SubscriptionTarget): Promise<void> {
	await graphRequest(ctx, {
		method: 'DELETE',
		path: `/${target.appId}/subscriptions`,
		headers: appHeaders(target),
		qs: { object: target.object, fields: target.fields.join(',') },
		options: NO_RETRY,
	});
	if (target.object === 'page') {
		const headers = { [META_PAGE_TOKEN_HEADER]: await pageToken(ctx, target.targetId) };
		await graphRequest(ctx, { method: 'DELETE', path: `/${target.targetId}/subscribed_apps`, headers, options: NO_RETRY });
	} else {
		await graphRequest(ctx, { method: 'DELETE', path: `/act_${target.targetId}/subscribed_apps`, qs: { app_id: target.appId }, options: NO_RETRY });
	}
}
