import nock from 'nock';

import { uploadRuntime } from '../../../nodes/MetaAds/uploads/runtime';
import { META_BASE_URL, META_TEST_TOKEN, v } from '../helpers';
import { byId, bytes, fakeTime, runWithFiles, runWithFilesError, transfers } from './helpers';

const graph = () => nock(META_BASE_URL);
const FILE = bytes(30);
const upload = {
	resource: 'adVideo',
	operation: 'upload',
	adAccountId: byId('act_1'),
	source: 'binary',
	binaryPropertyName: 'data',
	title: 'Spring',
	waitUntilReady: true,
	waitTimeoutMinutes: 1,
	thumbnailSource: 'preferred',
	options: {},
};

let time: ReturnType<typeof fakeTime>;
beforeEach(() => {
	time = fakeTime();
});
afterEach(() => time.restore());

/** start → transfers with the given answers → finish. */
function mockUpload(answers: Array<[number, object]>, first: [string, string] = ['0', '7']) {
	const scope = graph()
		.post(v('/act_1/advideos'), { upload_phase: 'start', file_size: FILE.length })
		.reply(200, { upload_session_id: 's1', video_id: '900', start_offset: first[0], end_offset: first[1] });
	for (const [status, body] of answers) scope.post(v('/act_1/advideos')).reply(status, body);
	scope.post(v('/act_1/advideos'), { upload_phase: 'finish', upload_session_id: 's1', title: 'Spring' }).reply(200, { success: true });
	return scope;
}

function mockReady(progress: number[] = []) {
	const scope = graph();
	for (const p of progress) {
		scope.get(v('/900')).query({ fields: 'id,title,length,status,picture' }).reply(200, { id: '900', status: { video_status: 'processing', processing_progress: p } });
	}
	scope
		.get(v('/900'))
		.query({ fields: 'id,title,length,status,picture' })
		.reply(200, { id: '900', title: 'Spring', length: 12.5, picture: 'https://cdn.test/p.jpg', status: { video_status: 'ready', processing_progress: 100 } });
	return scope;
}

const ok = (start: number, end: number): [number, object] => [200, { start_offset: String(start), end_offset: String(end) }];

describe('ad video upload (resumable)', () => {
	it('sends exactly the ranges Meta chooses, waits until ready and picks the preferred thumbnail', async () => {
		// Chunks of 7, 12 and 11 bytes: none is the size of another.
		mockUpload([ok(7, 19), ok(19, 30), ok(30, 30)]);
		mockReady([40, 90]);
		graph().get(v('/900/thumbnails')).reply(200, {
			data: [
				{ uri: 'https://cdn.test/t0.jpg', is_preferred: false },
				{ uri: 'https://cdn.test/t1.jpg', is_preferred: true },
			],
		});
		const { items, ctx, store } = await runWithFiles(upload, [{ data: { data: FILE, stored: true, fileName: 'spring.mp4' } }]);

		const sent = transfers(ctx.sentRequests);
		expect(sent.map((t) => [t.fields.start_offset, t.chunk.length])).toEqual([['0', 7], ['7', 12], ['19', 11]]);
		expect(Buffer.concat(sent.map((t) => t.chunk))).toEqual(FILE);
		expect(sent[0].fields).toEqual({ upload_phase: 'transfer', upload_session_id: 's1', start_offset: '0' });
		expect(sent[0]).toMatchObject({ fileName: 'spring.mp4', contentType: 'video/mp4' });
		// Streamed from the binary store, never loaded whole.
		expect(store).toMatchObject({ streamsOpened: 1, buffersLoaded: [] });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			videoId: '900',
			status: 'ready',
			title: 'Spring',
			length: 12.5,
			thumbnailSource: 'preferred',
			thumbnailUrl: 'https://cdn.test/t1.jpg',
			accountId: 'act_1',
			upload: { method: 'resumable', chunks: 3, bytesSent: 30, offsetResumes: 0, readFrom: 'stream', statusPolls: 3 },
		});
		// Backoff between polls grows.
		expect(time.clock.sleeps).toEqual([2000, 3000]);
		expect(JSON.stringify(items)).not.toContain(META_TEST_TOKEN);
		expect(nock.isDone()).toBe(true);
	});

	it('retries a chunk after a transient failure with the same bytes', async () => {
		mockUpload([ok(7, 19), [500, { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } }], ok(19, 30), ok(30, 30)]);
		mockReady();
		const { items, ctx } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: FILE, stored: true } }]);
		const sent = transfers(ctx.sentRequests);
		expect(sent.map((t) => t.fields.start_offset)).toEqual(['0', '7', '7', '19']);
		expect(sent[1].chunk).toEqual(sent[2].chunk);
		expect(items[0].json).toMatchObject({ videoId: '900', status: 'ready', upload: { chunks: 3, bytesSent: 30 } });
	});

	it('resumes from the offsets Meta returns with an offset mismatch, re-reading earlier bytes', async () => {
		const mismatch = {
			error: {
				message: '(#6001) Invalid start_offset',
				code: 6001,
				error_subcode: 1363037,
				error_user_title: 'Upload Offset Mismatch',
				error_data: { start_offset: '3', end_offset: '10' },
			},
		};
		mockUpload([ok(7, 19), [400, mismatch], ok(10, 30), ok(30, 30)]);
		mockReady();
		const { items, ctx, store } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: FILE, stored: true } }]);
		const sent = transfers(ctx.sentRequests);
		expect(sent.map((t) => [t.fields.start_offset, t.chunk.length])).toEqual([['0', 7], ['7', 12], ['3', 7], ['10', 20]]);
		expect(sent[2].chunk).toEqual(FILE.subarray(3, 10));
		expect(sent[3].chunk).toEqual(FILE.subarray(10, 30));
		// Going back needs a fresh stream: the store is read again from the start.
		expect(store.streamsOpened).toBe(2);
		expect(items[0].json).toMatchObject({ upload: { offsetResumes: 1, chunks: 3 } });
	});

	it("streams a file from n8n's filesystem store and releases each piece once it is in a request body", async () => {
		// 4-byte reads: pieces straddle every chunk boundary (0-7, 7-19, 19-30).
		uploadRuntime.readSizeBytes = 4;
		mockUpload([ok(7, 19), ok(19, 30), ok(30, 30)]);
		mockReady();
		const { ctx, store } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: FILE, stored: true, onDisk: true } }]);
		const sent = transfers(ctx.sentRequests);
		expect(sent.map((t) => [t.fields.start_offset, t.chunk.length])).toEqual([['0', 7], ['7', 12], ['19', 11]]);
		expect(Buffer.concat(sent.map((t) => t.chunk))).toEqual(FILE);
		expect(store.diskPieces).toHaveLength(8);
		// Every piece was copied whole into a body, then its memory handed back (a detached buffer reads as empty).
		expect(store.diskPieces.map((piece) => piece.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('resumes after an offset mismatch from a file on disk: earlier bytes come from a fresh stream', async () => {
		uploadRuntime.readSizeBytes = 4;
		const mismatch = { error: { message: 'mismatch', code: 6001, error_subcode: 1363037, error_data: { start_offset: '3', end_offset: '10' } } };
		mockUpload([ok(7, 19), [400, mismatch], ok(10, 30), ok(30, 30)]);
		mockReady();
		const { ctx, store } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: FILE, stored: true, onDisk: true } }]);
		const sent = transfers(ctx.sentRequests);
		expect(sent.map((t) => [t.fields.start_offset, t.chunk.length])).toEqual([['0', 7], ['7', 12], ['3', 7], ['10', 20]]);
		expect(sent.map((t) => t.chunk)).toEqual([FILE.subarray(0, 7), FILE.subarray(7, 19), FILE.subarray(3, 10), FILE.subarray(10, 30)]);
		expect(store.streamsOpened).toBe(2);
	});

	it('never releases memory it does not own: a stream over a buffer n8n holds', async () => {
		// Its own ArrayBuffer (not a pool slice), so the store's one piece spans all of it, as a buffer-backed store would yield it.
		const file = Buffer.alloc(FILE.length);
		FILE.copy(file);
		expect(file.buffer.byteLength).toBe(FILE.length);
		mockUpload([ok(7, 30), ok(30, 30)]);
		mockReady();
		const { ctx } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: file, stored: true } }]);
		expect(Buffer.concat(transfers(ctx.sentRequests).map((t) => t.chunk))).toEqual(FILE);
		expect(file).toEqual(FILE);
	});

	it('answers a redirect of a chunk transfer as an error instead of re-sending the chunk elsewhere', async () => {
		graph()
			.post(v('/act_1/advideos'), { upload_phase: 'start', file_size: FILE.length })
			.reply(200, { upload_session_id: 's1', video_id: '900', start_offset: '0', end_offset: '7' })
			.post(v('/act_1/advideos'))
			.reply(307, '', { Location: `${META_BASE_URL}/elsewhere` });
		const elsewhere = graph().post('/elsewhere').reply(200, { start_offset: '7', end_offset: '30' });
		const error = await runWithFilesError(upload, [{ data: { data: FILE } }]);
		expect(error.message).toContain('HTTP 307');
		expect(elsewhere.isDone()).toBe(false);
	});

	it('accepts error_data sent as a JSON string', async () => {
		const mismatch = { error: { message: 'mismatch', code: 6001, error_subcode: 1363037, error_data: '{"start_offset":"19","end_offset":"30"}' } };
		mockUpload([ok(7, 19), [400, mismatch], ok(30, 30)]);
		mockReady();
		const { ctx } = await runWithFiles({ ...upload, thumbnailSource: 'none' }, [{ data: { data: FILE } }]);
		expect(transfers(ctx.sentRequests).map((t) => t.fields.start_offset)).toEqual(['0', '7', '19']);
	});

	it('gives up after repeated offset mismatches', async () => {
		const mismatch = { error: { message: 'mismatch', code: 6001, error_subcode: 1363037, error_data: { start_offset: '0', end_offset: '7' } } };
		const scope = graph().post(v('/act_1/advideos')).reply(200, { upload_session_id: 's1', video_id: '900', start_offset: '0', end_offset: '7' });
		for (let i = 0; i < 6; i++) scope.post(v('/act_1/advideos')).reply(400, mismatch);
		const error = await runWithFilesError(upload, [{ data: { data: FILE } }]);
		expect(error.message).toBe('Meta kept rejecting the chunk offsets of video 900 on item 0');
	});

	it('fails clearly when Meta answers offsets outside the file', async () => {
		mockUpload([ok(7, 99)]);
		const error = await runWithFilesError(upload, [{ data: { data: FILE } }]);
		expect(error.message).toContain('unusable offsets on item 0');
	});

	it('reports a processing error', async () => {
		mockUpload([ok(7, 30), ok(30, 30)]);
		graph()
			.get(v('/900'))
			.query(true)
			.reply(200, { id: '900', status: { video_status: 'error', processing_phase: { status: 'error', errors: [{ code: 1363008, message: 'Video processing failed' }] } } });
		const error = await runWithFilesError(upload, [{ data: { data: FILE } }]);
		expect(error.message).toBe('Meta could not process video 900 on item 0: Video processing failed (1363008)');
	});

	it('times out with a hint to use Get Status', async () => {
		mockUpload([ok(7, 30), ok(30, 30)]);
		graph().get(v('/900')).query(true).times(20).reply(200, { id: '900', status: { video_status: 'processing', processing_progress: 42 } });
		const error = await runWithFilesError({ ...upload, waitTimeoutMinutes: 0.5 }, [{ data: { data: FILE } }]);
		expect(error.message).toMatch(/^Video 900 on item 0 was not ready after \d+ s \(42% processed\)$/);
		expect(error.description).toContain('Get Status');
		// Never waits past the timeout.
		expect(time.clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
	});

	it('returns the video id at once when not waiting', async () => {
		mockUpload([ok(7, 30), ok(30, 30)]);
		const { items } = await runWithFiles({ ...upload, waitUntilReady: false, thumbnailSource: 'hash', thumbnailImageHash: 'abc123' }, [{ data: { data: FILE } }]);
		expect(items[0].json).toMatchObject({ videoId: '900', status: 'processing', thumbnailHash: 'abc123', thumbnailSource: 'hash', upload: { readFrom: 'memory' } });
		expect(nock.isDone()).toBe(true);
	});

	it('refuses a non-video file and an empty one before any call', async () => {
		const image = await runWithFilesError(upload, [{ data: { data: FILE, mimeType: 'image/png', fileName: 'a.png' } }]);
		expect(image.message).toBe('The file "a.png" in "data" on item 0 is image/png, not a video');
		const empty = await runWithFilesError(upload, [{ data: { data: Buffer.alloc(0), fileName: 'e.mp4' } }]);
		expect(empty.message).toBe('The video "e.mp4" in "data" on item 0 is empty');
	});

	it('keeps going under Continue On Fail and pairs each result', async () => {
		mockUpload([ok(7, 30), ok(30, 30)]);
		const { items } = await runWithFiles(
			[{ ...upload, waitUntilReady: false, binaryPropertyName: 'missing' }, { ...upload, waitUntilReady: false }],
			[{ data: { data: FILE } }, { data: { data: FILE } }],
			{ continueOnFail: true },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toContain('missing');
		expect(items[1].json).toMatchObject({ videoId: '900' });
	});
});

describe('ad video upload from a URL', () => {
	it('lets Meta fetch file_url', async () => {
		graph().post(v('/act_1/advideos'), { file_url: 'https://cdn.example/ad.mp4', title: 'Spring' }).reply(200, { id: '900' });
		mockReady();
		const { items } = await runWithFiles({ ...upload, source: 'url', videoUrl: 'https://cdn.example/ad.mp4', thumbnailSource: 'url', thumbnailImageUrl: 'https://cdn.example/t.jpg' }, [{}]);
		expect(items[0].json).toMatchObject({ videoId: '900', status: 'ready', thumbnailUrl: 'https://cdn.example/t.jpg', upload: { method: 'file_url' } });
	});

	it('refuses a URL that is not http(s)', async () => {
		const error = await runWithFilesError({ ...upload, source: 'url', videoUrl: 'ftp://x/ad.mp4' }, [{}]);
		expect(error.message).toBe('Video URL on item 0 must start with http:// or https://');
	});
});

describe('ad video get status', () => {
	it('reads status, length and preferred thumbnail', async () => {
		mockReady();
		graph().get(v('/900/thumbnails')).reply(200, { data: [{ uri: 'https://cdn.test/t0.jpg', is_preferred: true }] });
		const { items } = await runWithFiles({ resource: 'adVideo', operation: 'getStatus', videoId: byId('900'), includeThumbnail: true, options: {} }, [{}]);
		expect(items[0].json).toEqual({
			videoId: '900',
			status: 'ready',
			ready: true,
			processingProgress: 100,
			title: 'Spring',
			length: 12.5,
			thumbnailHash: null,
			thumbnailUrl: 'https://cdn.test/t0.jpg',
			thumbnailSource: 'preferred',
		});
	});

	it('does not ask for thumbnails while processing', async () => {
		graph().get(v('/900')).query(true).reply(200, { id: '900', status: { video_status: 'processing', processing_progress: 10 } });
		const { items } = await runWithFiles({ resource: 'adVideo', operation: 'getStatus', videoId: byId('900'), includeThumbnail: true, options: {} }, [{}]);
		expect(items[0].json).toMatchObject({ status: 'processing', ready: false, processingProgress: 10, thumbnailUrl: null });
	});
});
