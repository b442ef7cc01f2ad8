import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { getGoogleAdsErrors, googleAdsRequest, normalizeCustomerId, getCredentialType } from '../../../nodes/GoogleAds/transport';
import type { GoogleAdsErrorDetail } from '../../../nodes/GoogleAds/transport/errors';
import { backoffMs } from '../../../nodes/GoogleAds/transport/request';
import { BASE, CID, fakeSleep, googleContext, googleFailure } from './context';

const PATH = `/v26/customers/${CID}/googleAds:search`;

describe('googleAdsRequest', () => {
	it('sends developer-token, login-customer-id without dashes and linked-customer-id; version from the credential', async () => {
		const scope = nock(BASE)
			.post(PATH, { query: 'SELECT customer.id FROM customer' })
			.matchHeader('developer-token', 'dev-token-secret')
			.matchHeader('login-customer-id', '5550000000')
			.matchHeader('linked-customer-id', '1112223333')
			.matchHeader('authorization', 'Bearer access-token-secret')
			.reply(200, { results: [] });
		const ctx = googleContext();
		const answer = await googleAdsRequest(ctx, {
			method: 'POST',
			path: `customers/${CID}/googleAds:search`,
			body: { query: 'SELECT customer.id FROM customer' },
			options: { linkedCustomerId: '111-222-3333' },
		});
		expect(answer).toEqual({ results: [] });
		expect(scope.isDone()).toBe(true);
	});

	it('omits login-customer-id when the credential has none and honours another version', async () => {
		const scope = nock(BASE, { badheaders: ['login-customer-id'] }).get('/v27/customers:listAccessibleCustomers').reply(200, { resourceNames: [] });
		await googleAdsRequest(googleContext({ loginCustomerId: '', apiVersion: '27' }), { method: 'GET', path: 'customers:listAccessibleCustomers' });
		expect(scope.isDone()).toBe(true);
	});

	it('retries RESOURCE_EXHAUSTED honouring QuotaErrorDetails.retryDelay', async () => {
		nock(BASE)
			.post(PATH)
			.reply(429, googleFailure(429, [{
				errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
				message: 'Too many requests. Retry in 7 seconds.',
				details: { quotaErrorDetails: { rateScope: 'DEVELOPER', retryDelay: '7s' } },
			}]))
			.post(PATH)
			.reply(200, { results: [{ customer: { id: CID } }] });
		const { delays, sleep } = fakeSleep();
		const answer = await googleAdsRequest<{ results: unknown[] }>(googleContext(), {
			method: 'POST', path: `customers/${CID}/googleAds:search`, body: { query: 'q' }, options: { sleep, random: () => 0 },
		});
		expect(answer.results).toHaveLength(1);
		expect(delays).toEqual([7000]);
	});

	it('retries TRANSIENT_ERROR, CONCURRENT_MODIFICATION and bare 5xx with growing backoff', async () => {
		nock(BASE)
			.post(PATH).reply(503, googleFailure(503, [{ errorCode: { internalError: 'TRANSIENT_ERROR' }, message: 'try again' }]))
			.post(PATH).reply(409, googleFailure(409, [{ errorCode: { databaseError: 'CONCURRENT_MODIFICATION' }, message: 'busy' }]))
			.post(PATH).reply(502, '<html>bad gateway</html>')
			.post(PATH).reply(200, { results: [] });
		const { delays, sleep } = fakeSleep();
		await googleAdsRequest(googleContext(), { method: 'POST', path: `customers/${CID}/googleAds:search`, body: { query: 'q' }, options: { sleep, random: () => 1 } });
		expect(delays).toEqual([1000, 2000, 4000]);
	});

	it('fails at once on a non-retryable error, naming code, trigger and field path', async () => {
		const scope = nock(BASE)
			.post(PATH)
			.reply(400, googleFailure(400, [{
				errorCode: { fieldError: 'REQUIRED' },
				message: 'The required field was not present.',
				trigger: { stringValue: '' },
				location: { fieldPathElements: [{ fieldName: 'operations', index: 2 }, { fieldName: 'create' }, { fieldName: 'contains_eu_political_advertising' }] },
			}]));
		const { delays, sleep } = fakeSleep();
		const error = await googleAdsRequest(googleContext(), {
			method: 'POST', path: `customers/${CID}/googleAds:search`, body: { query: 'q' }, itemIndex: 3, options: { sleep },
		}).catch((e: unknown) => e);
		expect(scope.isDone()).toBe(true);
		expect(delays).toEqual([]);
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toBe('Google Ads: FieldError.REQUIRED at operations[2].create.contains_eu_political_advertising (trigger "")');
		expect(apiError.description).toContain('Request ID req-42');
		expect(apiError.context.itemIndex).toBe(3);
		expect(getGoogleAdsErrors(error)[0]).toMatchObject({ code: 'FieldError.REQUIRED', operationIndex: 2 });
		// No secret ever ends up in the error.
		const text = JSON.stringify({ message: apiError.message, description: apiError.description, context: apiError.context });
		expect(text).not.toMatch(/secret/);
	});

	it('gives up after maxRetries and says so', async () => {
		nock(BASE).post(PATH).times(3).reply(500, { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } });
		const { delays, sleep } = fakeSleep();
		const error = (await googleAdsRequest(googleContext(), {
			method: 'POST', path: `customers/${CID}/googleAds:search`, body: { query: 'q' }, options: { sleep, maxRetries: 2, random: () => 0 },
		}).catch((e: unknown) => e)) as NodeApiError;
		// random 0: the low end of each backoff step, half its ceiling
		expect(delays).toEqual([500, 1000]);
		expect(error.message).toBe('Google Ads: INTERNAL');
		expect(error.description).toContain('Gave up after 3 attempts');
	});

	it('does not wait for a retryDelay beyond the limit (daily quota)', async () => {
		nock(BASE).post(PATH).reply(429, googleFailure(429, [{
			errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message: 'Daily quota', details: { quotaErrorDetails: { retryDelay: '86400s' } },
		}]));
		const { delays, sleep } = fakeSleep();
		const error = (await googleAdsRequest(googleContext(), {
			method: 'POST', path: `customers/${CID}/googleAds:search`, body: { query: 'q' }, options: { sleep },
		}).catch((e: unknown) => e)) as NodeApiError;
		expect(delays).toEqual([]);
		expect(error.description).toContain('not waiting that long');
	});

	it('refuses to call without a developer token', async () => {
		const error = await googleAdsRequest(googleContext({ developerToken: '' }), { method: 'GET', path: 'customers:listAccessibleCustomers', itemIndex: 1 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain('no developer token');
	});

	it('picks the credential type from the authentication parameter', () => {
		expect(getCredentialType(googleContext({}, { authentication: 'refreshToken' }))).toBe('adPilotGoogleAdsApi');
		expect(getCredentialType(googleContext())).toBe('adPilotGoogleAdsOAuth2Api');
	});
});

describe('normalizeCustomerId', () => {
	it.each([
		['123-456-7890', '1234567890'],
		['1234567890', '1234567890'],
		[' customers/1234567890 ', '1234567890'],
	])('%s → %s', (raw, id) => expect(normalizeCustomerId(raw)).toBe(id));

	it.each(['12-3456-7890', '123456789', 'abc', '', '123-456-78901'])('rejects %p with a clear message', (raw) => {
		expect(() => normalizeCustomerId(raw, 4)).toThrow(/Customer ID ".*" is not valid \(item 4\)/);
	});
});

describe('backoffMs', () => {
	const quota = (retryDelayMs: number): GoogleAdsErrorDetail[] => [{ code: 'QuotaError.RESOURCE_EXHAUSTED', errorType: 'quotaError', errorValue: 'RESOURCE_EXHAUSTED', message: 'slow down', retryDelayMs }];

	it('spreads exponential steps between half and all of their ceiling, capped at 32 s', () => {
		expect([0, 1, 2].map((a) => backoffMs(a, [], () => 0))).toEqual([500, 1000, 2000]);
		expect([0, 1, 2].map((a) => backoffMs(a, [], () => 0.999999))).toEqual([1000, 2000, 4000]);
		expect(backoffMs(10, [], () => 0.999999)).toBe(32_000);
		// Two workers failing together draw different waits.
		expect(backoffMs(3, [], () => 0.1)).not.toBe(backoffMs(3, [], () => 0.7));
	});

	it("never waits less than Google's retryDelay, and at most 10 % more", () => {
		expect(backoffMs(0, quota(7000), () => 0)).toBe(7000);
		expect(backoffMs(4, quota(7000), () => 0.999999)).toBe(7700);
	});
});
