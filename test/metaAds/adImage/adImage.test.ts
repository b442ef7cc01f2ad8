import nock from 'nock';

import { META_BASE_URL, v } from '../helpers';
import { byId, fakeTime, runWithFiles, runWithFilesError } from '../adVideo/helpers';

const graph = () => nock(META_BASE_URL);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png-body')]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpg-body')]);
const upload = {
	resource: 'adImage',
	operation: 'upload',
	adAccountId: byId('act_1'),
	source: 'binary',
	binarySelection: 'names',
	binaryPropertyName: 'data',
	options: {},
};

let time: ReturnType<typeof fakeTime>;
beforeEach(() => {
	time = fakeTime();
});
afterEach(() => time.restore());

function answer(name: string, hash: string) {
	return { images: { [name]: { hash, url: `https://cdn.test/${hash}.png` } } };
}

describe('ad image upload', () => {
	it('uploads one image as base64 bytes and returns its hash and URL', async () => {
		const scope = graph()
			.post(v('/act_1/adimages'), { bytes: PNG.toString('base64'), name: 'logo.png' })
			.reply(200, answer('logo.png', 'h1'));
		const { items } = await runWithFiles(upload, [{ data: { data: PNG, mimeType: 'image/png', fileName: 'logo.png' } }]);
		expect(items).toEqual([
			{
				json: { hash: 'h1', url: 'https://cdn.test/h1.png', name: 'logo.png', accountId: 'act_1', format: 'png', mimeType: 'image/png', fileSize: PNG.length, binaryProperty: 'data' },
				pairedItem: { item: 0 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('uploads several named images of one item, each paired with it', async () => {
		graph()
			.post(v('/act_1/adimages'), (b: { name: string }) => b.name === 'promo-1')
			.reply(200, answer('promo-1', 'h1'))
			.post(v('/act_1/adimages'), (b: { name: string }) => b.name === 'promo-2')
			.reply(200, answer('promo-2', 'h2'));
		const { items } = await runWithFiles({ ...upload, binaryPropertyName: 'a, b', options: { imageName: 'promo' } }, [
			{ a: { data: PNG, mimeType: 'image/png' }, b: { data: JPG, mimeType: 'image/jpeg', stored: true } },
		]);
		expect(items.map((i) => [i.json.hash, i.json.binaryProperty, i.json.format, i.pairedItem])).toEqual([
			['h1', 'a', 'png', { item: 0 }],
			['h2', 'b', 'jpg', { item: 0 }],
		]);
	});

	it('finds all binary properties that are images', async () => {
		graph()
			.post(v('/act_1/adimages'))
			.reply(200, answer('one.png', 'h1'))
			.post(v('/act_1/adimages'))
			.reply(200, answer('two.jpg', 'h2'));
		const { items } = await runWithFiles({ ...upload, binarySelection: 'allImages' }, [
			{
				one: { data: PNG, mimeType: 'image/png', fileName: 'one.png' },
				doc: { data: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf' },
				two: { data: JPG, mimeType: 'image/jpeg', fileName: 'two.jpg' },
			},
		]);
		expect(items.map((i) => i.json.binaryProperty)).toEqual(['one', 'two']);
	});

	it('refuses a non-image (by MIME type or by content) before any call', async () => {
		const pdf = await runWithFilesError(upload, [{ data: { data: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf', fileName: 'a.pdf' } }]);
		expect(pdf.message).toBe('The file "a.pdf" in "data" on item 0 is application/pdf, not an image');
		const fake = await runWithFilesError(upload, [{ data: { data: Buffer.from('hello world'), mimeType: 'image/png', fileName: 'fake.png' } }]);
		expect(fake.message).toBe('The file "fake.png" in "data" on item 0 is not a JPG, PNG, GIF, WEBP, BMP or TIFF image');
		expect(fake.description).toContain('labelled image/png');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('refuses an empty file', async () => {
		const error = await runWithFilesError(upload, [{ data: { data: Buffer.alloc(0), mimeType: 'image/png', fileName: 'e.png' } }]);
		expect(error.message).toBe('The file "e.png" in "data" on item 0 is empty');
	});

	it('refuses a file over 30 MB without loading it or calling Meta', async () => {
		const big = Buffer.alloc(30 * 1024 * 1024 + 1, 0);
		PNG.copy(big);
		const scope = graph().post(v('/act_1/adimages')).reply(200, {});
		const error = await runWithFilesError(upload, [{ data: { data: big, mimeType: 'image/png', fileName: 'big.png', stored: true } }]);
		expect(error.message).toBe('The file "big.png" in "data" on item 0 is 30.0 MB, over Meta\'s 30 MB limit for ad images');
		expect(error.description).toContain('nothing was sent to Meta');
		expect(scope.isDone()).toBe(false);
	});

	it('uploads nothing when one of several images is bad', async () => {
		const scope = graph().post(v('/act_1/adimages')).reply(200, answer('a', 'h1'));
		const error = await runWithFilesError({ ...upload, binaryPropertyName: 'a,b' }, [
			{ a: { data: PNG, mimeType: 'image/png' }, b: { data: Buffer.from('nope'), mimeType: 'image/png', fileName: 'b.png' } },
		]);
		expect(error.message).toContain('"b.png"');
		expect(scope.isDone()).toBe(false);
	});

	it("explains Meta's image processing error", async () => {
		graph()
			.post(v('/act_1/adimages'))
			.reply(400, { error: { message: 'Invalid parameter', code: 100, error_subcode: 1487197, error_user_title: 'Error processing image', error_user_msg: 'The image is corrupt.' } });
		const error = await runWithFilesError(upload, [{ data: { data: PNG, mimeType: 'image/png', fileName: 'logo.png' } }]);
		expect(error.message).toBe('Meta could not process the image "logo.png" on item 0');
		expect(error.description).toContain('The image is corrupt.');
		expect(error.description).toContain('1487197');
	});

	it('names the missing binary property', async () => {
		const error = await runWithFilesError({ ...upload, binaryPropertyName: 'photo' }, [{ data: { data: PNG, mimeType: 'image/png' } }]);
		expect(error.message).toContain('photo');
	});

	it('goes on under Continue On Fail', async () => {
		graph().post(v('/act_1/adimages')).reply(200, answer('ok.png', 'h2'));
		const { items } = await runWithFiles(
			upload,
			[{ data: { data: Buffer.from('text'), mimeType: 'text/plain', fileName: 'a.txt' } }, { data: { data: PNG, mimeType: 'image/png', fileName: 'ok.png' } }],
			{ continueOnFail: true },
		);
		expect(items).toEqual([
			{ json: { error: 'The file "a.txt" in "data" on item 0 is text/plain, not an image', details: expect.any(String) }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ hash: 'h2' }), pairedItem: { item: 1 } },
		]);
	});
});

describe('ad image upload from a URL', () => {
	it('downloads with n8n, checks and uploads the bytes', async () => {
		nock('https://files.example').get('/img/banner.png').reply(200, PNG, { 'content-type': 'image/png' });
		graph().post(v('/act_1/adimages'), { bytes: PNG.toString('base64'), name: 'banner.png' }).reply(200, answer('banner.png', 'h9'));
		const { items } = await runWithFiles({ ...upload, source: 'url', imageUrls: 'https://files.example/img/banner.png' }, [{}]);
		expect(items[0].json).toMatchObject({ hash: 'h9', sourceUrl: 'https://files.example/img/banner.png', format: 'png' });
	});

	it('refuses a download that is not an image, and one that fails', async () => {
		nock('https://files.example').get('/page').reply(200, '<html></html>', { 'content-type': 'text/html' });
		const html = await runWithFilesError({ ...upload, source: 'url', imageUrls: 'https://files.example/page' }, [{}]);
		expect(html.message).toBe('The image at https://files.example/page on item 0 is text/html, not an image');
		nock('https://files.example').get('/gone.png').reply(404, 'nope');
		const gone = await runWithFilesError({ ...upload, source: 'url', imageUrls: 'https://files.example/gone.png' }, [{}]);
		expect(gone.message).toBe('Downloading https://files.example/gone.png on item 0 failed with HTTP 404');
	});

	it('stops a download announced over 30 MB', async () => {
		nock('https://files.example').get('/huge.jpg').reply(200, JPG, { 'content-type': 'image/jpeg', 'content-length': String(40 * 1024 * 1024) });
		const error = await runWithFilesError({ ...upload, source: 'url', imageUrls: 'https://files.example/huge.jpg' }, [{}]);
		expect(error.message).toContain("over Meta's 30 MB limit");
	});
});

describe('ad image get many and delete', () => {
	it('lists images by hashes', async () => {
		graph()
			.get(v('/act_1/adimages'))
			.query((q) => q.hashes === '["h1","h2"]' && String(q.fields).includes('hash'))
			.reply(200, { data: [{ hash: 'h1' }, { hash: 'h2' }] });
		const { items } = await runWithFiles({ resource: 'adImage', operation: 'getMany', adAccountId: byId('act_1'), hashes: 'h1, h2', returnAll: true }, [{}]);
		expect(items.map((i) => i.json.hash)).toEqual(['h1', 'h2']);
	});

	it('deletes by hash', async () => {
		graph().delete(v('/act_1/adimages')).query({ hash: 'h1' }).reply(200, { success: true });
		const { items } = await runWithFiles({ resource: 'adImage', operation: 'delete', adAccountId: byId('act_1'), hash: 'h1' }, [{}]);
		expect(items[0].json).toEqual({ hash: 'h1', accountId: 'act_1', deleted: true });
	});

	it('uses the account of each item (one credential, several clients)', async () => {
		graph().delete(v('/act_1/adimages')).query({ hash: 'h1' }).reply(200, { success: true }).delete(v('/act_2/adimages')).query({ hash: 'h2' }).reply(200, { success: true });
		const { items } = await runWithFiles(
			[
				{ resource: 'adImage', operation: 'delete', adAccountId: byId('act_1'), hash: 'h1' },
				{ resource: 'adImage', operation: 'delete', adAccountId: byId('2'), hash: 'h2' },
			],
			[{}, {}],
		);
		expect(items.map((i) => i.json.accountId)).toEqual(['act_1', 'act_2']);
	});
});
