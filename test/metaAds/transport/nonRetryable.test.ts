import { NodeOperationError } from 'n8n-workflow';

import { graphBatch, graphPaginate, graphRequest, GraphApiError, isBudgetChangeLimit } from '../../../nodes/MetaAds/transport';
import { graph, instant, META_TEST_TOKEN, metaExecuteContext, rejectionOf, v } from '../helpers';

const useAsync = (code: number, subcode: number) => ({
	error: { message: 'Please reduce the amount of data or use async', code, error_subcode: subcode, is_transient: true, fbtrace_id: 'T' },
});

const budgetLimit = (userMsg?: string) => ({
	error: {
		message: '(#17) User request limit reached',
		code: 17,
		error_subcode: 2446079,
		is_transient: true,
		...(userMsg ? { error_user_title: 'Ad Set Budget Change Limit Reached', error_user_msg: userMsg } : {}),
	},
});

// High usage with a short regain time: without the budget rule the transport would wait and retry.
const bucHeader = { 'x-business-use-case-usage': JSON.stringify({ '1': [{ type: 'ads_management', call_count: 100, estimated_time_to_regain_access: 1 }] }) };

describe('graphRequest: answers that a retry cannot fix', () => {
	it.each([
		['2/1504038', 2, 1504038],
		['100/1504018', 100, 1504018],
	])('fails %s ("use async") at once, even flagged transient on HTTP 500', async (_label, code, subcode) => {
		const scope = graph().get(v('/act_1/insights')).query(true).reply(500, useAsync(code, subcode));
		const options = instant();
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'GET', path: '/act_1/insights', qs: { level: 'ad' }, options }));
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([]);
		expect(error).toBeInstanceOf(GraphApiError);
		expect(error.graph).toMatchObject({ code, subcode, httpStatus: 500 });
		expect(error.description).not.toContain('Gave up');
	});

	it('still retries code 2 without that subcode', async () => {
		const scope = graph()
			.get(v('/me')).reply(500, { error: { message: 'Unexpected', code: 2, error_subcode: 1504043 } })
			.get(v('/me')).reply(200, { id: 'me' });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'GET', path: '/me', options })).resolves.toEqual({ id: 'me' });
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toHaveLength(1);
	});

	it('fails an ad set budget change blocked by code 17 at once, saying when to retry', async () => {
		const scope = graph().post(v('/2301')).reply(400, budgetLimit(), bucHeader);
		const options = instant();
		const before = Date.now();
		const error = await rejectionOf(
			graphRequest(metaExecuteContext(), { method: 'POST', path: '/2301', body: { daily_budget: 9000 }, itemIndex: 2, options }),
		);
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([]);
		expect(error).toBeInstanceOf(GraphApiError);
		expect(error.message).toMatch(/^Meta blocked this budget change: an ad set's budget may change at most 4 times per hour\. Retry after (\S+) \(in about 60 minutes\)$/);
		const at = Date.parse(/Retry after (\S+) /.exec(error.message)![1]);
		expect(at).toBeGreaterThanOrEqual(before + 60 * 60_000 - 1000);
		expect(at).toBeLessThanOrEqual(Date.now() + 60 * 60_000 + 1000);
		expect(error.description).toContain('code 17/2446079');
		expect(error.context.itemIndex).toBe(2);
		expect(error.graph).toMatchObject({ code: 17, subcode: 2446079, isTransient: false });
	});

	it("uses Meta's own minutes when it says how long the block lasts", async () => {
		graph().post(v('/2301')).reply(400, budgetLimit('This ad set\'s budget was changed 4 times in the last hour. Try again in about 42 minutes.'));
		const error = await rejectionOf(
			graphRequest(metaExecuteContext(), { method: 'POST', path: '/2301', body: { name: 'x', lifetime_budget: 100000 }, options: instant() }),
		);
		expect(error.message).toContain('(in about 42 minutes)');
		expect(error.description).toContain('Try again in about 42 minutes');
	});

	it('recognises the budget limit from Meta text when the request body does not show it', async () => {
		const scope = graph().post(v('/2301')).reply(400, budgetLimit('Budget changed too often. Try again in about 5 minutes.'));
		const options = instant();
		const error = await rejectionOf(graphRequest(metaExecuteContext(), { method: 'POST', path: '/2301', body: { status: 'ACTIVE' }, options }));
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toEqual([]);
		expect(error.message).toContain('in about 5 minutes');
	});

	it('keeps retrying a plain code 17 throttle that is not a budget change', async () => {
		const scope = graph()
			.post(v('/2301')).reply(400, budgetLimit())
			.post(v('/2301')).reply(200, { success: true });
		const options = instant();
		await expect(graphRequest(metaExecuteContext(), { method: 'POST', path: '/2301', body: { status: 'PAUSED' }, options })).resolves.toEqual({ success: true });
		expect(scope.isDone()).toBe(true);
		expect(options.sleeps).toHaveLength(1);
	});

	it('classifies the budget limit from form bodies too', () => {
		const info = { httpStatus: 400, code: 17, subcode: 2446079, metaMessage: '(#17) User request limit reached' };
		expect(isBudgetChangeLimit(info, new URLSearchParams({ daily_budget: '100' }))).toBe(true);
		expect(isBudgetChangeLimit(info, 'name=a&lifetime_budget=5')).toBe(true);
		expect(isBudgetChangeLimit(info, 'name=daily_budget')).toBe(false);
		expect(isBudgetChangeLimit(info, { status: 'PAUSED' })).toBe(false);
		expect(isBudgetChangeLimit({ ...info, code: 4 }, { daily_budget: 1 })).toBe(false);
	});
});

describe('graphBatch: budget-change limit', () => {
	it('reports a blocked budget change without retrying it, while retrying the plain throttle', async () => {
		const calls: string[][] = [];
		graph()
			.post(v('/'), (body: { batch: string }) => {
				calls.push((JSON.parse(body.batch) as Array<{ relative_url: string }>).map((e) => e.relative_url));
				return true;
			})
			.reply(200, [
				{ code: 400, body: JSON.stringify(budgetLimit()) },
				{ code: 400, body: JSON.stringify(budgetLimit()) },
			])
			.post(v('/'), (body: { batch: string }) => {
				calls.push((JSON.parse(body.batch) as Array<{ relative_url: string }>).map((e) => e.relative_url));
				return true;
			})
			.reply(200, [{ code: 200, body: '{"success":true}' }]);
		const options = instant();
		const results = await graphBatch(
			metaExecuteContext(),
			[
				{ method: 'POST', relativeUrl: '11', body: { daily_budget: 5000 }, itemIndex: 0 },
				{ method: 'POST', relativeUrl: '12', body: { status: 'PAUSED' }, itemIndex: 1 },
			],
			{ options },
		);
		expect(calls).toEqual([['11', '12'], ['12']]);
		expect(results[1]).toEqual({ ok: true, status: 200, body: { success: true } });
		expect(results[0].ok).toBe(false);
		const failure = results[0] as { ok: false; error: GraphApiError };
		expect(failure.error.message).toMatch(/^Meta blocked this budget change.*Retry after /);
		expect(failure.error.context.itemIndex).toBe(0);
	});
});

describe('graphRequest: headers and error_data', () => {
	it('sends extra headers as given with a Buffer body', async () => {
		const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n');
		let received = '';
		const scope = graph()
			.post(v('/act_1/advideos'), (raw: string) => {
				received = raw;
				return true;
			})
			.matchHeader('content-type', 'multipart/form-data; boundary=b')
			.matchHeader('authorization', `Bearer ${META_TEST_TOKEN}`)
			.reply(200, { ok: true });
		const ctx = metaExecuteContext();
		await expect(
			graphRequest(ctx, { method: 'POST', path: '/act_1/advideos', body, headers: { 'Content-Type': 'multipart/form-data; boundary=b' }, options: instant() }),
		).resolves.toEqual({ ok: true });
		expect(scope.isDone()).toBe(true);
		expect(Buffer.from(received, 'hex').equals(body) || received === body.toString('utf8')).toBe(true);
	});

	it('keeps error_data on the error, parsed from JSON text and redacted', async () => {
		graph()
			.post(v('/act_1/advideos')).reply(400, { error: { message: 'mismatch', code: 6001, error_subcode: 1363037, error_data: `{"start_offset":"5","end_offset":"9","note":"token ${META_TEST_TOKEN}"}` } })
			.post(v('/act_1/advideos')).reply(400, { error: { message: 'mismatch', code: 6001, error_subcode: 1363037, error_data: { start_offset: 1, end_offset: 2 } } })
			.post(v('/act_1/advideos')).reply(400, { error: { message: 'plain', code: 100, error_data: 'not json' } });
		const send = () => rejectionOf(graphRequest(metaExecuteContext(), { method: 'POST', path: '/act_1/advideos', body: {}, options: instant() }));
		expect((await send()).graph.errorData).toEqual({ start_offset: '5', end_offset: '9', note: 'token [redacted token]' });
		expect((await send()).graph.errorData).toEqual({ start_offset: 1, end_offset: 2 });
		expect((await send()).graph.errorData).toBe('not json');
	});
});

describe('graphPaginate: errors', () => {
	it('hands on n8n errors unchanged and wraps anything else as a NodeOperationError', async () => {
		const ctx = metaExecuteContext();
		(ctx as unknown as { getCredentials: () => Promise<never> }).getCredentials = async () => {
			throw new Error(`no credential for ${META_TEST_TOKEN}`);
		};
		const wrapped = await rejectionOf(graphPaginate(ctx, { path: '/me/adaccounts', returnAll: true, pageSize: 100, itemIndex: 1 }));
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('no credential for [redacted token]');

		graph().get(v('/me/adaccounts')).query(true).reply(400, { error: { message: 'Bad field', code: 100 } });
		const api = await rejectionOf(graphPaginate(metaExecuteContext(), { path: '/me/adaccounts', returnAll: true, pageSize: 100, options: instant() }));
		expect(api).toBeInstanceOf(GraphApiError);
		expect(api.message).toBe('Meta API error: Bad field');
	});
});
