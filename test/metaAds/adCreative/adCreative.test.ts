import { buildObjectStorySpec } from '../../../nodes/MetaAds/actions/adCreative/storySpec';
import { byId, capture, graph, runNode, runNodeError, v } from '../campaign/helpers';

const HASH = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const base = {
	resource: 'adCreative',
	operation: 'create',
	adAccountId: byId('act_1'),
	name: 'Creative',
	pageId: '1234',
	linkUrl: 'https://shop.example/spring',
	message: 'Spring is here',
	additionalFields: {},
};

describe('object_story_spec builder', () => {
	it('builds a link ad from an image hash', () => {
		expect(buildObjectStorySpec({ type: 'link', pageId: '1', link: 'https://x.example', imageHash: HASH, headline: 'H', callToAction: 'SHOP_NOW' }, 0)).toEqual({
			page_id: '1',
			link_data: { link: 'https://x.example', image_hash: HASH, name: 'H', call_to_action: { type: 'SHOP_NOW', value: { link: 'https://x.example' } } },
		});
	});

	it.each([
		[{ type: 'link', pageId: 'page', link: 'https://x.example', imageHash: HASH }, 'Page ID on item 3 must be a numeric Facebook Page ID, got "page"'],
		[{ type: 'link', pageId: '1', link: 'x.example', imageHash: HASH }, 'Link URL on item 3 must be a full http(s) URL, got "x.example"'],
		[{ type: 'link', pageId: '1', link: 'https://x.example' }, 'Image Hash is required on item 3'],
		[{ type: 'video', pageId: '1', videoId: '5' }, 'A video ad needs a thumbnail on item 3'],
		[{ type: 'video', pageId: '1', videoId: 'v5', thumbnailImageHash: HASH }, 'Video ID on item 3 must be a numeric Meta video ID, got "v5"'],
		[{ type: 'video', pageId: '1', videoId: '5', thumbnailImageHash: HASH, callToAction: 'LEARN_MORE' }, 'Link URL is required on item 3 when a video ad has a call to action'],
		[{ type: 'carousel', pageId: '1', link: 'https://x.example', cards: [{ link: 'https://a.example', imageHash: HASH }] }, 'a carousel needs 2 to 10 cards, got 1'],
		[{ type: 'carousel', pageId: '1', link: 'https://x.example', cards: [{ link: 'https://a.example', imageHash: HASH }, { link: 'https://b.example', imageHash: 'nope!' }] }, 'Card 2 Image Hash on item 3 does not look like an image hash'],
	] as const)('refuses bad input %#', (input, message) => {
		expect(() => buildObjectStorySpec(input as never, 3)).toThrow(message);
	});
});

describe('ad creative create', () => {
	it('creates a link ad', async () => {
		const sent = capture();
		graph().post(v('/act_1/adcreatives'), sent.match).reply(200, { id: '600' });
		const { items } = await runNode({ ...base, creativeType: 'link', imageHash: HASH, additionalFields: { headline: 'Sale', callToAction: 'SHOP_NOW' } });
		expect(sent.bodies[0]).toEqual({
			name: 'Creative',
			object_story_spec: {
				page_id: '1234',
				link_data: {
					link: 'https://shop.example/spring',
					image_hash: HASH,
					message: 'Spring is here',
					name: 'Sale',
					call_to_action: { type: 'SHOP_NOW', value: { link: 'https://shop.example/spring' } },
				},
			},
		});
		expect(items[0].json).toMatchObject({ id: '600', type: 'link' });
	});

	it('creates a video ad with a thumbnail URL', async () => {
		const sent = capture();
		graph().post(v('/act_1/adcreatives'), sent.match).reply(200, { id: '601' });
		await runNode({
			...base, creativeType: 'video', videoId: '777', thumbnailSource: 'url', thumbnailImageUrl: 'https://cdn.example/t.jpg',
			additionalFields: { callToAction: 'WATCH_MORE', headline: 'Watch' },
		});
		expect(sent.bodies[0].object_story_spec).toEqual({
			page_id: '1234',
			video_data: {
				video_id: '777',
				image_url: 'https://cdn.example/t.jpg',
				message: 'Spring is here',
				title: 'Watch',
				call_to_action: { type: 'WATCH_MORE', value: { link: 'https://shop.example/spring' } },
			},
		});
	});

	it('creates a carousel from cards', async () => {
		const sent = capture();
		graph().post(v('/act_1/adcreatives'), sent.match).reply(200, { id: '602' });
		await runNode({
			...base,
			creativeType: 'carousel',
			cards: {
				card: [
					{ link: 'https://shop.example/a', imageHash: HASH, name: 'A', description: '', callToAction: 'SHOP_NOW' },
					{ link: 'https://shop.example/b', imageHash: HASH, name: 'B', description: 'Bee', callToAction: 'SHOP_NOW' },
				],
			},
		});
		const linkData = (sent.bodies[0].object_story_spec as { link_data: Record<string, unknown> }).link_data;
		expect(linkData.link).toBe('https://shop.example/spring');
		expect(linkData.child_attachments).toEqual([
			{ link: 'https://shop.example/a', image_hash: HASH, name: 'A', call_to_action: { type: 'SHOP_NOW', value: { link: 'https://shop.example/a' } } },
			{ link: 'https://shop.example/b', image_hash: HASH, name: 'B', description: 'Bee', call_to_action: { type: 'SHOP_NOW', value: { link: 'https://shop.example/b' } } },
		]);
	});

	it('names the field and item for bad input, and Continue On Fail keeps the others', async () => {
		graph().post(v('/act_1/adcreatives')).times(2).reply(200, { id: '603' });
		const good = { ...base, creativeType: 'link', imageHash: HASH };
		const { items } = await runNode([good, { ...good, pageId: '' }, good], { continueOnFail: true });
		expect(items[1]).toEqual({
			json: { error: 'Page ID on item 1 must be a numeric Facebook Page ID, got ""' },
			pairedItem: { item: 1 },
		});
		expect([items[0].json.id, items[2].json.id]).toEqual(['603', '603']);
	});

	it('passes Meta\'s missing-image error through with the item', async () => {
		graph().post(v('/act_1/adcreatives')).reply(400, { error: { message: 'Invalid parameter', code: 100, error_subcode: 1487212, error_user_msg: 'Image not found' } });
		const error = await runNodeError({ ...base, creativeType: 'link', imageHash: HASH });
		expect(error.message).toContain('Image not found');
		expect(error.context?.itemIndex).toBe(0);
	});
});

describe('ad creative get, get many, delete', () => {
	it('gets a creative', async () => {
		graph().get(v('/600')).query({ fields: 'id,name,object_type' }).reply(200, { id: '600', name: 'C', object_type: 'SHARE' });
		const { items } = await runNode({ resource: 'adCreative', operation: 'get', adCreativeId: byId('600'), fields: ['name', 'object_type'] });
		expect(items[0].json).toEqual({ id: '600', name: 'C', object_type: 'SHARE' });
	});

	it('lists creatives of an account without status filters', async () => {
		const seen: Array<Record<string, string>> = [];
		graph()
			.get(v('/act_1/adcreatives'))
			.query((q) => {
				seen.push(q as Record<string, string>);
				return true;
			})
			.reply(200, { data: [{ id: '600' }, { id: '601' }] });
		const { items } = await runNode({ resource: 'adCreative', operation: 'getMany', adAccountId: byId('1'), returnAll: true, fields: [], options: { pageSize: 50 } });
		expect(seen[0]).not.toHaveProperty('filtering');
		expect(Number(seen[0].limit)).toBe(50);
		expect(items.map((item) => item.json.id)).toEqual(['600', '601']);
	});

	it('deletes creatives in one batch', async () => {
		const sent = capture();
		graph().post(v('/'), sent.match).reply(200, [{ code: 200, body: '{"success":true}' }, { code: 200, body: '{"success":true}' }]);
		const { items } = await runNode(['600', '601'].map((id) => ({ resource: 'adCreative', operation: 'delete', adCreativeId: byId(id) })));
		expect(JSON.parse(String(sent.bodies[0].batch))).toEqual([
			{ method: 'DELETE', relative_url: '600' },
			{ method: 'DELETE', relative_url: '601' },
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ id: '600', object: 'adCreative', deleted: true },
			{ id: '601', object: 'adCreative', deleted: true },
		]);
	});
});
