import { BATCH_LIMIT, encodeBatchBody, graphBatch } from '../../../nodes/MetaAds/transport';
import { graph, instant, metaExecuteContext, v } from '../helpers';

type Entry = { method: string; relative_url: string; body?: string };
const sub = (code: number, body: unknown) => ({ code, headers: [{ name: 'Content-Type', value: 'application/json' }], body: JSON.stringify(body) });

/** Registers one batch call and records the entries it received. */
function expectBatch(reply: (entries: Entry[]) => unknown[], seen: Entry[][]) {
	graph()
		.post(v('/'), (body: { batch: string }) => {
			seen.push(JSON.parse(body.batch) as Entry[]);
			return true;
		})
		.reply(200, () => reply(seen[seen.length - 1]));
}

describe('graphBatch', () => {
	it('returns one result per request in order, and retries only the failed transient ones', async () => {
		const seen: Entry[][] = [];
		expectBatch(
			() => [
				sub(200, { id: '1', success: true }),
				sub(400, { error: { message: 'Too many calls', code: 17 } }),
				sub(400, { error: { message: 'Invalid status', code: 100, fbtrace_id: 'F' } }),
				null,
			],
			seen,
		);
		expectBatch(() => [sub(200, { id: '2' }), sub(200, { id: '4' })], seen);
		const options = instant();
		const results = await graphBatch(
			metaExecuteContext(),
			[
				{ method: 'POST', relativeUrl: '/1', body: { status: 'PAUSED' }, itemIndex: 0 },
				{ method: 'POST', relativeUrl: '2', body: { status: 'PAUSED' }, itemIndex: 1 },
				{ method: 'POST', relativeUrl: '3', body: { status: 'BAD' }, itemIndex: 2 },
				{ method: 'GET', relativeUrl: '4?fields=id', itemIndex: 3 },
			],
			{ options },
		);
		expect(seen.map((entries) => entries.map((e) => e.relative_url))).toEqual([['1', '2', '3', '4?fields=id'], ['2', '4?fields=id']]);
		expect(seen[0][0]).toEqual({ method: 'POST', relative_url: '1', body: 'status=PAUSED' });
		expect(results[0]).toEqual({ ok: true, status: 200, body: { id: '1', success: true } });
		expect(results[1]).toEqual({ ok: true, status: 200, body: { id: '2' } });
		expect(results[3]).toEqual({ ok: true, status: 200, body: { id: '4' } });
		expect(results[2].ok).toBe(false);
		const failure = results[2] as unknown as { ok: false; error: { message: string; description: string; context: { itemIndex: number } } };
		expect(failure.error.message).toBe('Meta API error: Invalid status');
		expect(failure.error.description).toContain('fbtrace_id F');
		expect(failure.error.context.itemIndex).toBe(2);
		expect(options.sleeps).toHaveLength(1);
	});

	it('reports a transient failure once retries run out', async () => {
		const seen: Entry[][] = [];
		expectBatch(() => [sub(500, { error: { message: 'Temporary', code: 2 } })], seen);
		expectBatch(() => [sub(500, { error: { message: 'Temporary', code: 2 } })], seen);
		const results = await graphBatch(metaExecuteContext(), [{ method: 'GET', relativeUrl: 'me' }], { options: instant({ maxRetries: 1 }) });
		expect(seen).toHaveLength(2);
		expect(results[0]).toMatchObject({ ok: false });
		expect((results[0] as { error: Error }).error.message).toBe('Meta API error: Temporary');
	});

	it('splits more than 50 requests into calls of at most 50', async () => {
		const seen: Entry[][] = [];
		const ok = (entries: Entry[]) => entries.map((e) => sub(200, { id: e.relative_url }));
		expectBatch(ok, seen);
		expectBatch(ok, seen);
		expectBatch(ok, seen);
		const requests = Array.from({ length: 120 }, (_, i) => ({ method: 'GET' as const, relativeUrl: String(i) }));
		const results = await graphBatch(metaExecuteContext(), requests, { options: instant() });
		expect(seen.map((s) => s.length)).toEqual([BATCH_LIMIT, BATCH_LIMIT, 20]);
		expect(results.map((r) => (r.ok ? (r.body as { id: string }).id : 'x'))).toEqual(requests.map((r) => r.relativeUrl));
	});

	it('fails a throttled sub-request at once when its regain time exceeds the bound', async () => {
		const seen: Entry[][] = [];
		graph()
			.post(v('/'), (body: { batch: string }) => {
				seen.push(JSON.parse(body.batch) as Entry[]);
				return true;
			})
			.reply(200, [
				{
					code: 400,
					headers: [{ name: 'X-Business-Use-Case-Usage', value: JSON.stringify({ b: [{ call_count: 100, estimated_time_to_regain_access: 60 }] }) }],
					body: JSON.stringify({ error: { message: 'Too many calls', code: 80004 } }),
				},
			]);
		const results = await graphBatch(metaExecuteContext(), [{ method: 'GET', relativeUrl: 'act_1/ads' }], { options: instant() });
		expect(seen).toHaveLength(1);
		expect((results[0] as { error: Error }).error.message).toMatch(/access returns in about 60 minutes/);
	});

	it('returns no calls for no requests', async () => {
		await expect(graphBatch(metaExecuteContext(), [])).resolves.toEqual([]);
	});
});

describe('encodeBatchBody', () => {
	it('form-encodes, with JSON text for structured values', () => {
		expect(encodeBatchBody({ name: 'A B', targeting: { geo_locations: { countries: ['DE'] } }, skip: undefined })).toBe(
			'name=A+B&targeting=%7B%22geo_locations%22%3A%7B%22countries%22%3A%5B%22DE%22%5D%7D%7D',
		);
		expect(encodeBatchBody(undefined)).toBeUndefined();
	});
});
