import { createHmac } from 'crypto';
import { NodeApiError } from 'n8n-workflow';

import { graphRequest, GraphApiError } from '../../../nodes/MetaAds/transport';
import { graph, instant, v, META_TEST_TOKEN, metaExecuteContext, metaLoadOptionsContext, rejectionOf } from '../helpers';

describe('graphRequest', () => {
	it('builds the URL from the credential, sends the Bearer token and returns the body', async () => {
		const scope = graph()
			.get(v('/act_1/campaigns'))
			.query({ fields: 'id,name', filtering: JSON.stringify([{ field: 'name', operator: 'CONTAIN', value: 'x' }]) })
			.matchHeader('authorization', `Bearer ${META_TEST_TOKEN}`)
			.reply(200, { data: [{ id: '1' }] });
		const ctx = metaExecuteContext();
		const body = await graphRequest<{ data: unknown[] }>(ctx, {
			method: 'GET',
			path: '/act_1/campaigns',
			qs: { fields: ['id', 'name'], filtering: [{ field: 'name', operator: 'CONTAIN', value: 'x' }] },
		});
		expect(body).toEqual({ data: [{ id: '1' }] });
		expect(scope.isDone()).toBe(true);
		expect(ctx.sentRequests[0].url).toBe('https://graph.meta.test/v25.0/act_1/campaigns');
	});

	it('accepts a version without "v" and a base URL with a trailing slash', async () => {
		const scope = graph().get(v('/me')).reply(200, { id: 'me' });
		const ctx = metaExecuteContext({ credential: { apiVersion: '25.0', baseUrl: 'https://graph.meta.test/' } });
		await expect(graphRequest(ctx, { method: 'GET', path: 'me' })).resolves.toEqual({ id: 'me' });
		expect(scope.isDone()).toBe(true);
	});

	it('adds appsecret_proof when the credential has an app secret', async () => {
		const proof = createHmac('sha256', 'shh').update(META_TEST_TOKEN).digest('hex');
		const scope = graph().get(v('/me')).query({ appsecret_proof: proof }).reply(200, { id: 'me' });
		const ctx = metaExecuteContext({ credential: { appSecret: 'shh' } });
		await graphRequest(ctx, { method: 'GET', path: '/me' });
		expect(scope.isDone()).toBe(true);
	});

	it('sends no appsecret_proof without an app secret', async () => {
		graph().get(v('/me')).reply(200, { id: 'me' });
		const ctx = metaExecuteContext();
		await graphRequest(ctx, { method: 'GET', path: '/me' });
		expect(ctx.sentRequests[0].qs).not.toHaveProperty('appsecret_proof');
	});

	it('posts JSON bodies with nested objects intact', async () => {
		let received: unknown;
		graph()
			.post(v('/act_1/campaigns'), (body) => {
				received = body;
				return true;
			})
			.reply(200, { id: '99' });
		const ctx = metaExecuteContext();
		const body = { name: 'C', special_ad_categories: [], targeting: { geo_locations: { countries: ['DE'] } } };
		await expect(graphRequest(ctx, { method: 'POST', path: '/act_1/campaigns', body })).resolves.toEqual({ id: '99' });
		expect(received).toEqual(body);
	});

	it('works from a load-options context too', async () => {
		graph().get(v('/me/adaccounts')).query(true).reply(200, { data: [] });
		const ctx = metaLoadOptionsContext();
		await expect(graphRequest(ctx, { method: 'GET', path: '/me/adaccounts', qs: { limit: 5 } })).resolves.toEqual({ data: [] });
	});
});

describe('graphRequest retries', () => {
	it('retries a 5xx and then succeeds, with growing jittered backoff', async () => {
		const scope = graph()
			.get(v('/me')).reply(503, 'Service Unavailable')
			.get(v('/me')).reply(500, { error: { message: 'An unknown error occurred', code: 1 } })
			.get(v('/me')).reply(200, { id: 'me' });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options })).resolves.toEqual({ id: 'me' });
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toHaveLength(2);
		expect(options.sleeps[1]).toBeGreaterThan(options.sleeps[0]);
	});

	it('retries code 17 (user request limit) and then succeeds', async () => {
		const scope = graph()
			.get(v('/me')).reply(400, { error: { message: 'User request limit reached', code: 17, error_subcode: 2446079 } })
			.get(v('/me')).reply(200, { id: 'me' });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options })).resolves.toEqual({ id: 'me' });
		expect(scope.isDone()).toBe(true);
		// Rate limits back off from a larger base than plain transient errors.
		expect(options.sleeps[0]).toBeGreaterThanOrEqual(2500);
	});

	it('retries is_transient errors even with an unknown code', async () => {
		graph()
			.get(v('/me')).reply(400, { error: { message: 'try later', code: 9999, is_transient: true } })
			.get(v('/me')).reply(200, { id: 'me' });
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options: instant() })).resolves.toEqual({ id: 'me' });
	});

	it('fails a non-transient 400 (code 100) at once with Meta fields in the error', async () => {
		const scope = graph().get(v('/act_1')).reply(400, {
			error: {
				message: '(#100) Invalid parameter',
				type: 'OAuthException',
				code: 100,
				error_subcode: 1885621,
				error_user_title: 'Budget conflict',
				error_user_msg: 'You cannot set a budget on both the campaign and the ad set.',
				fbtrace_id: 'AbCdTrace',
			},
		});
		const options = instant();
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/act_1', itemIndex: 3, options }));
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Meta API error: Budget conflict: You cannot set a budget on both the campaign and the ad set.');
		expect(error.description).toContain('(#100) Invalid parameter');
		expect(error.description).toContain('code 100/1885621');
		expect(error.description).toContain('fbtrace_id AbCdTrace');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
		expect((error as GraphApiError).graph).toMatchObject({ code: 100, subcode: 1885621, fbtraceId: 'AbCdTrace', httpStatus: 400 });
	});

	it('uses Meta message when there is no user message', async () => {
		graph().get(v('/x')).reply(404, { error: { message: 'Unsupported get request.', code: 100, fbtrace_id: 'T' } });
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/x', options: instant() }));
		expect(error.message).toBe('Meta API error: Unsupported get request.');
	});

	it('gives up after maxRetries transient failures and says so', async () => {
		const scope = graph().get(v('/me')).times(3).reply(500, { error: { message: 'boom', code: 2 } });
		const options = instant({ maxRetries: 2 });
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options }));
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toHaveLength(2);
		expect(error).toBeInstanceOf(GraphApiError);
		expect(error.message).toBe('Meta API error: boom');
		expect(error.description).toContain('Gave up after 3 attempts');
	});

	it('turns code 190 into a clear credential message without the token', async () => {
		graph().get(v('/me')).reply(401, {
			error: { message: `Error validating access token: token ${META_TEST_TOKEN} has expired`, type: 'OAuthException', code: 190, error_subcode: 463 },
		});
		const options = instant();
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options }));
		expect(options.sleeps).toEqual([]);
		expect(error.message).toBe('The Meta access token is invalid or has expired');
		expect(error.description).toContain('Update the access token in the AdPilot Meta Ads API credential');
		expect(JSON.stringify({ m: error.message, d: error.description, c: error.cause, ctx: error.context, e: error })).not.toContain(META_TEST_TOKEN);
	});

	it('never puts the token or paging URLs with access_token into errors', async () => {
		graph().get(v('/act_1/ads')).query(true).reply(400, {
			error: { message: `Bad next url https://graph.facebook.com/v25.0/act_1/ads?access_token=${META_TEST_TOKEN}&after=x`, code: 100 },
		});
		const error = await rejectionOf(graphRequest(metaExecuteContext({ credential: { appSecret: 's' } }), {
			method: 'GET',
			path: '/act_1/ads',
			options: instant(),
		}));
		const dump = JSON.stringify({ m: error.message, d: error.description, c: error.cause, ctx: error.context, s: error.stack });
		expect(dump).not.toContain(META_TEST_TOKEN);
		expect(dump).toContain('access_token=[redacted]');
		expect(dump).not.toMatch(/authorization|bearer/i);
	});

	// nock's replyWithError hangs with n8n's axios client, so the helper is stubbed
	// to throw what n8n-core throws for a reset: a NodeApiError whose cause carries the code.
	it('retries connection resets, then fails with a clean network error', async () => {
		const ctx = metaExecuteContext();
		let calls = 0;
		ctx.helpers.httpRequestWithAuthentication = (async () => {
			calls++;
			const cause = Object.assign(new Error('socket hang up'), {
				code: 'ECONNRESET',
				config: { headers: { Authorization: `Bearer ${META_TEST_TOKEN}` } },
			});
			throw new NodeApiError(ctx.getNode(), cause as never);
		}) as never;
		const options = instant({ maxRetries: 1 });
		const error = await rejectionOf(graphRequest(ctx, { method: 'GET', path: '/me', options }));
		expect(calls).toBe(2);
		expect(options.sleeps).toHaveLength(1);
		expect(error).toBeInstanceOf(GraphApiError);
		expect(error.message).toMatch(/^Could not reach the Meta API: The connection to the server was closed/);
		const dump = JSON.stringify({ m: error.message, d: error.description, c: error.cause, ctx: error.context });
		expect(dump).not.toContain(META_TEST_TOKEN);
	});

	it('does not retry a network failure that is not a connection problem', async () => {
		const ctx = metaExecuteContext();
		let calls = 0;
		ctx.helpers.httpRequestWithAuthentication = (async () => {
			calls++;
			throw Object.assign(new Error('blocked by SSRF protection'), { code: 'ERR_SSRF' });
		}) as never;
		const error = await rejectionOf(graphRequest(ctx, { method: 'GET', path: '/me', options: instant() }));
		expect(calls).toBe(1);
		expect(error.message).toBe('Could not reach the Meta API: blocked by SSRF protection');
	});

	it('reads the Graph error from a thrown HTTP error when status errors were not ignored', async () => {
		const ctx = metaExecuteContext();
		ctx.helpers.httpRequestWithAuthentication = (async () => {
			const cause = Object.assign(new Error('Request failed with status code 400'), {
				response: { status: 400, data: { error: { message: 'Invalid parameter', code: 100 } }, headers: {} },
			});
			throw new NodeApiError(ctx.getNode(), cause as never);
		}) as never;
		const error = await rejectionOf(graphRequest(ctx, { method: 'GET', path: '/me', options: instant() }));
		expect(error.message).toBe('Meta API error: Invalid parameter');
		expect((error as GraphApiError).graph.code).toBe(100);
	});

	it('rethrows a missing credential as is', async () => {
		const ctx = metaExecuteContext();
		(ctx as unknown as { getCredentials: () => Promise<never> }).getCredentials = async () => {
			throw new Error('no credential');
		};
		await expect(graphRequest(ctx, { method: 'GET', path: '/me' })).rejects.toThrow('no credential');
	});
});
