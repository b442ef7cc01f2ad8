import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { GoogleAds } from '../../../nodes/GoogleAds/GoogleAds.node';
import { createExecuteContext, type FakeExecuteContext } from '../../helpers';

/** Shared by the Google Ads resource tests (campaign, ad group, ad, keyword, recommendation). */
export const BASE = 'https://googleads.test';
export const CID = '1234567890';
export const PREFIX = `/v26/customers/${CID}`;

export function credentials() {
	return {
		adPilotGoogleAdsOAuth2Api: {
			developerToken: 'dev-token',
			loginCustomerId: '',
			apiVersion: 'v26',
			baseUrl: BASE,
			oauthTokenData: { access_token: 'test-access-token' },
		},
	};
}

export interface RunResult {
	items: INodeExecutionData[];
	ctx: FakeExecuteContext;
}

/** Runs the Google Ads node over items with these parameters (one object for all items, or one per item). */
export async function runNode(
	parameters: IDataObject | IDataObject[],
	{ continueOnFail = false, inputItems }: { continueOnFail?: boolean; inputItems?: INodeExecutionData[] } = {},
): Promise<RunResult> {
	const node = new GoogleAds();
	const withAuth = (p: IDataObject) => ({ authentication: 'oAuth2', ...p });
	const ctx = createExecuteContext({
		parameters: Array.isArray(parameters) ? parameters.map(withAuth) : withAuth(parameters),
		credentials: credentials(),
		continueOnFail,
		inputItems,
		nodeType: node,
	});
	const [items] = await node.execute.call(ctx);
	return { items, ctx };
}

/** A nock interceptor that records every body it receives. */
export function capture(path: string, reply: (body: any, n: number) => unknown, times = 1): { bodies: any[]; scope: nock.Scope } {
	const bodies: any[] = [];
	const scope = nock(BASE)
		.post(path, (body) => {
			bodies.push(body);
			return true;
		})
		.times(times)
		.reply(200, () => reply(bodies[bodies.length - 1], bodies.length));
	return { bodies, scope };
}

/** Google's failure body, for partialFailureError or an HTTP 400 error. */
export function failure(errors: Array<{ code: Record<string, string>; message: string; operation?: number; trigger?: string; details?: IDataObject }>) {
	return {
		code: 3,
		message: 'Multiple errors in ‘details’. First error: ' + errors[0].message,
		status: 'INVALID_ARGUMENT',
		details: [
			{
				'@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure',
				errors: errors.map((e) => ({
					errorCode: e.code,
					message: e.message,
					...(e.trigger ? { trigger: { stringValue: e.trigger } } : {}),
					...(e.operation !== undefined
						? { location: { fieldPathElements: [{ fieldName: 'operations', index: e.operation }, { fieldName: 'create' }] } }
						: {}),
					...(e.details ? { details: e.details } : {}),
				})),
				requestId: 'req-1',
			},
		],
	};
}

/** An HTTP 400 Google error answer. */
export function errorBody(errors: Parameters<typeof failure>[0]) {
	return { error: failure(errors) };
}
