/**
 * Meta-specific test helpers on top of test/helpers:
 *   const scope = graph().get(v('/act_1')).query(true).reply(200, {...});
 *   const ctx = metaExecuteContext({ parameters: {...} });
 *   await graphRequest(ctx, { method: 'GET', path: '/act_1', options: instant() });
 */
import nock from 'nock';

import type { GraphApiError } from '../../../nodes/MetaAds/transport';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	createExecuteContext,
	createLoadOptionsContext,
	type FakeContextOptions,
	type FakeExecuteContext,
	type FakeLoadOptionsContext,
	type LoadOptionsContextOptions,
} from '../../helpers';

export const META_BASE_URL = 'https://graph.meta.test';
export const META_VERSION = 'v25.0';
/** Looks like a real token (EAA prefix) so redaction is exercised for real. */
export const META_TEST_TOKEN = 'EAAtesttokenAbCdEf0123456789xyz';

export function metaCredentials(overrides: Partial<ICredentialDataDecryptedObject> = {}): ICredentialDataDecryptedObject {
	return { accessToken: META_TEST_TOKEN, appSecret: '', apiVersion: META_VERSION, baseUrl: META_BASE_URL, ...overrides };
}

export function metaExecuteContext(
	options: FakeContextOptions & { credential?: Partial<ICredentialDataDecryptedObject> } = {},
): FakeExecuteContext {
	return createExecuteContext({
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		...options,
		credentials: { adPilotMetaAdsApi: metaCredentials(options.credential), ...(options.credentials ?? {}) },
	});
}

export function metaLoadOptionsContext(
	options: LoadOptionsContextOptions & { credential?: Partial<ICredentialDataDecryptedObject> } = {},
): FakeLoadOptionsContext {
	return createLoadOptionsContext({
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		...options,
		credentials: { adPilotMetaAdsApi: metaCredentials(options.credential), ...(options.credentials ?? {}) },
	});
}

/** A nock scope on the fake Graph host; pair with v(): graph().get(v('/me')).reply(...).get(v('/me')).reply(...). */
export function graph(): nock.Scope {
	return nock(META_BASE_URL);
}

/** A Graph path under the test API version: v('/act_1') → '/v25.0/act_1'. */
export function v(path: string): string {
	return `/${META_VERSION}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Transport options that never really wait; `sleeps` records each requested pause. */
export function instant(extra: { maxRetries?: number; maxThrottleWaitMs?: number } = {}) {
	const sleeps: number[] = [];
	return {
		...extra,
		sleeps,
		sleep: async (ms: number) => {
			sleeps.push(ms);
		},
		random: () => 0.5,
	};
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<GraphApiError> {
	try {
		await promise;
	} catch (error) {
		return error as GraphApiError;
	}
	throw new Error('Expected the promise to reject, but it resolved');
}
