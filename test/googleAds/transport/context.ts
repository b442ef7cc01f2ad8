import { createExecuteContext, type FakeExecuteContext } from '../../helpers';

export const BASE = 'https://googleads.test';
export const CID = '1234567890';

export function googleContext(
	overrides: Record<string, unknown> = {},
	parameters: Record<string, unknown> = {},
): FakeExecuteContext {
	return createExecuteContext({
		parameters: { authentication: 'oAuth2', ...parameters },
		credentials: {
			adPilotGoogleAdsOAuth2Api: {
				developerToken: 'dev-token-secret',
				loginCustomerId: '555-000-0000',
				apiVersion: 'v26',
				baseUrl: `${BASE}/`,
				oauthTokenData: { access_token: 'access-token-secret' },
				...overrides,
			},
		},
	});
}

/** A sleep that records delays instead of waiting. */
export function fakeSleep() {
	const delays: number[] = [];
	return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

export function googleFailure(
	httpCode: number,
	errors: Array<Record<string, unknown>>,
	extraDetails: Array<Record<string, unknown>> = [],
) {
	return {
		error: {
			code: httpCode,
			message: 'Request contains an invalid argument.',
			status: httpCode === 429 ? 'RESOURCE_EXHAUSTED' : 'INVALID_ARGUMENT',
			details: [
				{ '@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure', errors, requestId: 'req-42' },
				...extraDetails,
			],
		},
	};
}
