import { graphPages, graphPaginate, nextPageParams } from '../../../nodes/MetaAds/transport';
import { graph, instant, META_TEST_TOKEN, metaExecuteContext, v } from '../helpers';

const page = (ids: string[], after?: string) => ({
	data: ids.map((id) => ({ id })),
	paging: after
		? { cursors: { before: 'b', after }, next: `https://graph.facebook.com/v25.0/act_1/ads?access_token=${META_TEST_TOKEN}&after=${after}` }
		: { cursors: { before: 'b', after: 'last' } },
});

describe('graphPaginate', () => {
	it('follows cursors over three pages with Return All', async () => {
		const scope = graph()
			.get(v('/act_1/ads')).query({ fields: 'id', limit: '2' }).reply(200, page(['1', '2'], 'c1'))
			.get(v('/act_1/ads')).query({ fields: 'id', limit: '2', after: 'c1' }).reply(200, page(['3', '4'], 'c2'))
			.get(v('/act_1/ads')).query({ fields: 'id', limit: '2', after: 'c2' }).reply(200, page(['5']));
		const ctx = metaExecuteContext();
		const rows = await graphPaginate(ctx, { path: '/act_1/ads', qs: { fields: 'id' }, returnAll: true, pageSize: 2, options: instant() });
		expect(rows.map((r) => (r as { id: string }).id)).toEqual(['1', '2', '3', '4', '5']);
		expect(scope.isDone()).toBe(true);
		// The next URL (with its access_token) is never requested verbatim.
		for (const request of ctx.sentRequests) expect(request.qs).not.toHaveProperty('access_token');
	});

	it('stops at the limit and asks only for what is still needed', async () => {
		const scope = graph()
			.get(v('/act_1/ads')).query({ limit: '2' }).reply(200, page(['1', '2'], 'c1'))
			.get(v('/act_1/ads')).query({ limit: '1', after: 'c1' }).reply(200, page(['3'], 'c2'));
		const rows = await graphPaginate(metaExecuteContext(), { path: '/act_1/ads', returnAll: false, limit: 3, pageSize: 2, options: instant() });
		expect(rows).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('halves the page size on "reduce the amount of data" and continues from the same cursor', async () => {
		const reduce = { error: { message: "Please reduce the amount of data you're asking for, then retry your request", code: 1 } };
		const scope = graph()
			.get(v('/act_1/insights')).query({ limit: '500' }).reply(200, page(['1'], 'c1'))
			.get(v('/act_1/insights')).query({ limit: '500', after: 'c1' }).reply(500, reduce)
			.get(v('/act_1/insights')).query({ limit: '250', after: 'c1' }).reply(500, reduce)
			.get(v('/act_1/insights')).query({ limit: '125', after: 'c1' }).reply(200, page(['2'], 'c2'))
			.get(v('/act_1/insights')).query({ limit: '125', after: 'c2' }).reply(200, page(['3']));
		const options = instant();
		const rows = await graphPaginate(metaExecuteContext(), { path: '/act_1/insights', returnAll: true, pageSize: 500, options });
		expect(rows).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
		// Halving is not a retry: no backoff pauses.
		expect(options.sleeps).toEqual([]);
	});

	it('gives up when even a page of one row is too much', async () => {
		const reduce = { error: { message: 'Please reduce the amount of data you are asking for', code: 1 } };
		graph().get(v('/x/insights')).query({ limit: '2' }).reply(500, reduce).get(v('/x/insights')).query({ limit: '1' }).reply(500, reduce);
		await expect(graphPaginate(metaExecuteContext(), { path: '/x/insights', returnAll: true, pageSize: 2, options: instant() })).rejects.toThrow(
			/reduce the amount of data/,
		);
	});

	it('streams page by page with graphPages', async () => {
		graph()
			.get(v('/act_1/ads')).query(true).reply(200, page(['1', '2'], 'c1'))
			.get(v('/act_1/ads')).query(true).reply(200, page(['3']));
		const pages: unknown[][] = [];
		for await (const rows of graphPages(metaExecuteContext(), { path: '/act_1/ads', returnAll: true, pageSize: 2, options: instant() })) pages.push(rows);
		expect(pages.map((p) => p.length)).toEqual([2, 1]);
	});

	it('stops when Meta repeats a cursor', async () => {
		const scope = graph().get(v('/a/ads')).query(true).times(2).reply(200, page(['1'], 'same'));
		const rows = await graphPaginate(metaExecuteContext(), { path: '/a/ads', returnAll: true, pageSize: 1, options: instant() });
		expect(rows).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});

	it('rejects a bad limit or page size naming the field and item', async () => {
		const ctx = metaExecuteContext();
		await expect(graphPaginate(ctx, { path: '/a', returnAll: false, limit: 0, pageSize: 10, itemIndex: 2 })).rejects.toMatchObject({
			message: 'Limit must be at least 1 when Return All is off, got 0',
			context: { itemIndex: 2 },
		});
		await expect(graphPaginate(ctx, { path: '/a', returnAll: true, pageSize: 0 })).rejects.toThrow(/Page size/);
	});
});

describe('nextPageParams', () => {
	it('prefers the after cursor', () => {
		expect(nextPageParams({ cursors: { after: 'A' }, next: 'https://x/y?after=A' })).toEqual({ after: 'A' });
	});
	it('takes paging keys from next but never the access token', () => {
		expect(nextPageParams({ next: `https://x/y?access_token=${META_TEST_TOKEN}&offset=50&limit=25` })).toEqual({ offset: '50' });
	});
	it('is undefined on the last page', () => {
		expect(nextPageParams({ cursors: { after: 'A' } })).toBeUndefined();
		expect(nextPageParams(undefined)).toBeUndefined();
	});
});
