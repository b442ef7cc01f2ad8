import { GraphApiError, graphRequest, parseUsageHeaders, slowdownMs } from '../../../nodes/MetaAds/transport';
import { graph, instant, metaExecuteContext, v, rejectionOf } from '../helpers';

const buc = (pct: number, regainMinutes: number) =>
	JSON.stringify({ '1234': [{ type: 'ads_management', call_count: pct, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: regainMinutes }] });

describe('parseUsageHeaders', () => {
	it('takes the worst percentage and the longest regain time over all headers', () => {
		expect(
			parseUsageHeaders({
				'x-app-usage': JSON.stringify({ call_count: 12, total_cputime: 40, total_time: 5 }),
				'X-Ad-Account-Usage': JSON.stringify({ acc_id_util_pct: 60, reset_time_duration: 100 }),
				'x-business-use-case-usage': buc(81, 3),
				'x-fb-ads-insights-throttle': JSON.stringify({ app_id_util_pct: 20, acc_id_util_pct: 77 }),
			}),
		).toEqual({ maxUsagePct: 81, regainSeconds: 180 });
	});

	it('uses the ad account reset time once the account is at 100%', () => {
		expect(parseUsageHeaders({ 'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 42 }) })).toEqual({
			maxUsagePct: 100,
			regainSeconds: 42,
		});
	});

	it('ignores missing or malformed headers', () => {
		expect(parseUsageHeaders(undefined)).toEqual({ maxUsagePct: 0, regainSeconds: 0 });
		expect(parseUsageHeaders({ 'x-app-usage': '{not json' })).toEqual({ maxUsagePct: 0, regainSeconds: 0 });
	});
});

describe('slowdownMs', () => {
	it('is zero below 75% and grows towards a minute near 100%', () => {
		expect(slowdownMs({ maxUsagePct: 74, regainSeconds: 0 }, 300_000)).toBe(0);
		expect(slowdownMs({ maxUsagePct: 87.5, regainSeconds: 0 }, 300_000)).toBe(30_000);
		expect(slowdownMs({ maxUsagePct: 100, regainSeconds: 120 }, 300_000)).toBe(120_000);
		expect(slowdownMs({ maxUsagePct: 100, regainSeconds: 1000 }, 300_000)).toBe(300_000);
	});
});

describe('graphRequest throttling', () => {
	it('does not pause at low usage', async () => {
		graph().get(v('/me')).reply(200, { id: 'me' }, { 'x-app-usage': JSON.stringify({ call_count: 10 }) });
		const options = instant();
		await graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options });
		expect(options.sleeps).toEqual([]);
	});

	it('slows down after a successful response above 75% usage', async () => {
		graph().get(v('/me')).reply(200, { id: 'me' }, { 'x-business-use-case-usage': buc(90, 0) });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options })).resolves.toEqual({ id: 'me' });
		expect(options.sleeps).toEqual([36_000]);
	});

	it('pauses for the announced regain time on a rate-limit error, then retries', async () => {
		const scope = graph()
			.get(v('/act_1/ads')).reply(400, { error: { message: 'Too many calls', code: 80004, error_subcode: 2446079 } }, { 'x-business-use-case-usage': buc(100, 2) })
			.get(v('/act_1/ads')).reply(200, { data: [] });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/act_1/ads', options })).resolves.toEqual({ data: [] });
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([120_000]);
	});

	it('fails at once, saying when access returns, when the wait exceeds the bound', async () => {
		const scope = graph()
			.get(v('/act_1/ads'))
			.reply(400, { error: { message: 'Too many calls', code: 17, fbtrace_id: 'T1' } }, { 'x-business-use-case-usage': buc(100, 30) });
		const options = instant({ maxThrottleWaitMs: 5 * 60_000 });
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/act_1/ads', itemIndex: 1, options }));
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([]);
		expect(error).toBeInstanceOf(GraphApiError);
		expect(error.message).toMatch(/^Meta rate limit reached: access returns in about 30 minutes \(around \d{4}-\d\d-\d\dT/);
		expect(error.description).toContain('more than the allowed 300 s');
		expect(error.description).toContain('fbtrace_id T1');
		expect(error.context.itemIndex).toBe(1);
	});

	it('reads the bound from the node option "options.maxThrottleWaitMinutes"', async () => {
		graph()
			.get(v('/me')).reply(400, { error: { message: 'Too many calls', code: 17 } }, { 'x-business-use-case-usage': buc(100, 10) })
			.get(v('/me')).reply(200, { id: 'me' });
		const ctx = metaExecuteContext({ parameters: { options: { maxThrottleWaitMinutes: 15 } } });
		const options = instant();
		await expect(graphRequest(ctx, { method: 'GET', path: '/me', itemIndex: 0, options: { sleep: options.sleep } })).resolves.toEqual({
			id: 'me',
		});
		expect(options.sleeps).toEqual([600_000]);
	});
});

describe('graphRequest: announced waits and transient retries are separate budgets', () => {
	const throttled = (regainMinutes: number) =>
		[400, { error: { message: 'Too many calls', code: 80004 } }, { 'x-business-use-case-usage': buc(100, regainMinutes) }] as const;

	it('waits out a long throttle episode without using up the transient retries', async () => {
		const scope = graph()
			.get(v('/me')).reply(...throttled(1))
			.get(v('/me')).reply(503, { error: { message: 'Service unavailable', code: 2, is_transient: true } })
			.get(v('/me')).reply(...throttled(1))
			.get(v('/me')).reply(500, { error: { message: 'Unknown error', code: 1 } })
			.get(v('/me')).reply(...throttled(1))
			.get(v('/me')).reply(200, { id: 'me' });
		// Two transient retries allowed; three announced one-minute waits within the five-minute bound.
		const options = instant({ maxRetries: 2 });
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options })).resolves.toEqual({ id: 'me' });
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps.filter((ms) => ms === 60_000)).toHaveLength(3);
	});

	it('fails, saying when access returns, once the announced waits would pass the bound in total', async () => {
		graph().get(v('/me')).times(3).reply(...throttled(2));
		const options = instant({ maxThrottleWaitMs: 5 * 60_000 });
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options }));
		expect(error).toBeInstanceOf(GraphApiError);
		// 2 + 2 minutes waited; a third 2-minute wait would make 6 > 5.
		expect(options.sleeps).toEqual([120_000, 120_000]);
		expect(error.message).toMatch(/access/i);
	});
});
