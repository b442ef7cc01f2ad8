import { buildAdBody } from '../../../nodes/MetaAds/actions/ad/create.operation';
import { byId, capture, expectNoToken, graph, runNode, runNodeError, v } from '../campaign/helpers';

const base = {
	resource: 'ad',
	operation: 'create',
	adAccountId: byId('act_1'),
	adSetId: byId('42'),
	name: 'Ad A',
	creativeId: '9001',
	activateOnCreate: false,
	additionalFields: {},
};

describe('ad create', () => {
	it('builds the body with the creative reference', () => {
		expect(buildAdBody({ name: 'n', adSetId: '1', creativeId: '2', status: 'PAUSED', trackingSpecs: [] })).toEqual({
			name: 'n', adset_id: '1', creative: { creative_id: '2' }, status: 'PAUSED',
		});
	});

	it('creates PAUSED with tracking specs', async () => {
		const sent = capture();
		graph().post(v('/act_1/ads'), sent.match).reply(200, { id: '31' });
		const { items } = await runNode({ ...base, additionalFields: { trackingSpecs: '[{"action.type":["offsite_conversion"],"fb_pixel":["5"]}]' } });
		expect(sent.bodies[0]).toEqual({
			name: 'Ad A',
			adset_id: '42',
			creative: { creative_id: '9001' },
			status: 'PAUSED',
			tracking_specs: [{ 'action.type': ['offsite_conversion'], fb_pixel: ['5'] }],
		});
		expect(items[0].json).toEqual({ id: '31', accountId: 'act_1', adSetId: '42', creativeId: '9001', name: 'Ad A', status: 'PAUSED' });
	});

	it('creates ACTIVE only with the opt-in', async () => {
		const sent = capture();
		graph().post(v('/act_1/ads'), sent.match).reply(200, { id: '32' });
		await runNode({ ...base, activateOnCreate: true });
		expect(sent.bodies[0].status).toBe('ACTIVE');
	});

	it.each([
		['a missing creative id', { creativeId: '' }, 'Creative ID is required on item 0'],
		['a malformed creative id', { creativeId: 'abc' }, 'Creative ID on item 0 must be a numeric Meta ID, got "abc"'],
		['a missing ad set', { adSetId: byId('') }, 'Ad Set ID is missing on item 0'],
		['tracking specs that are not a list', { additionalFields: { trackingSpecs: '{"a":1}' } }, 'Tracking Specs (JSON) on item 0 must be a JSON list'],
	])('rejects %s before any call', async (_label, override, message) => {
		const error = await runNodeError({ ...base, ...override });
		expect(error.message).toBe(message);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('with Continue On Fail, a bad middle item becomes an error item', async () => {
		graph().post(v('/act_1/ads')).times(2).reply(200, { id: '33' });
		const { items } = await runNode([base, { ...base, creativeId: 'x' }, base], { continueOnFail: true });
		expect(items.map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, '33'],
			[{ item: 1 }, 'Creative ID on item 1 must be a numeric Meta ID, got "x"'],
			[{ item: 2 }, '33'],
		]);
	});

	it('reports an expired token without leaking it', async () => {
		graph().post(v('/act_1/ads')).reply(401, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
		const error = await runNodeError(base);
		expect(error.message).toMatch(/token/i);
		expectNoToken([error.message, error.description]);
	});
});

describe('ad read, update and status', () => {
	it('lists the ads of an ad set with an effective status filter', async () => {
		const seen: Array<Record<string, string>> = [];
		graph()
			.get(v('/42/ads'))
			.query((q) => {
				seen.push(q as Record<string, string>);
				return true;
			})
			.reply(200, { data: [{ id: '1', name: 'a', effective_status: 'ADSET_PAUSED' }] });
		const { items } = await runNode({
			resource: 'ad', operation: 'getMany', listFrom: 'adSetId', adSetId: byId('42'), returnAll: false, limit: 10,
			fields: ['name', 'effective_status'], filters: { effectiveStatus: ['ADSET_PAUSED'] }, options: {},
		});
		expect(seen[0].effective_status).toBe('["ADSET_PAUSED"]');
		expect(seen[0].fields).toBe('id,name,effective_status');
		expect(items[0].json).toEqual({ id: '1', name: 'a', effective_status: 'ADSET_PAUSED' });
	});

	it('gets an ad', async () => {
		graph().get(v('/31')).query({ fields: 'id,name,creative' }).reply(200, { id: '31', name: 'a', creative: { id: '9001' } });
		const { items } = await runNode({ resource: 'ad', operation: 'get', adId: byId('31'), fields: ['name', 'creative'] });
		expect(items[0].json).toEqual({ id: '31', name: 'a', creative: { id: '9001' } });
	});

	it('swaps the creative', async () => {
		const sent = capture();
		graph().post(v('/31'), sent.match).reply(200, { success: true });
		const { items } = await runNode({ resource: 'ad', operation: 'update', adId: byId('31'), updateFields: { creativeId: '9002', name: 'B' } });
		expect(sent.bodies).toEqual([{ name: 'B', creative: { creative_id: '9002' } }]);
		expect(items[0].json).toEqual({ id: '31', object: 'ad', updatedFields: ['name', 'creative'], success: true });
	});

	it('activates and deletes through batch calls', async () => {
		const sent = capture();
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }]);
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }]);
		await runNode({ resource: 'ad', operation: 'activate', adId: byId('31') });
		const { items } = await runNode({ resource: 'ad', operation: 'delete', adId: byId('31') });
		expect(sent.bodies.map((body) => JSON.parse(String(body.batch)))).toEqual([
			[{ method: 'POST', relative_url: '31', body: 'status=ACTIVE' }],
			[{ method: 'DELETE', relative_url: '31' }],
		]);
		expect(items[0].json).toEqual({ id: '31', object: 'ad', deleted: true });
	});
});
