import { createHash } from 'crypto';
import type { RunningSimulator } from '../../simulator/server';
import { firstAccount, graph, startTestSimulator } from './helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function chunkForm(fields: Record<string, string>, chunk: Buffer): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	form.set('video_file_chunk', new Blob([new Uint8Array(chunk)]), 'chunk');
	return form;
}

describe('Meta uploads', () => {
	let sim: RunningSimulator;
	let account: string;
	beforeAll(async () => {
		sim = await startTestSimulator();
		account = await firstAccount(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('uploads images as base64 bytes and as multipart, lists and deletes them', async () => {
		const g = graph(sim);
		const viaBytes = await g.post(`/${account}/adimages`, { bytes: PNG.toString('base64'), name: 'pixel.png' });
		const hash = createHash('md5').update(PNG).digest('hex');
		expect(viaBytes.body).toEqual({ images: { 'pixel.png': { hash, url: expect.stringContaining(hash) } } });
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'upload.png');
		const viaMultipart = await g.postForm(`/${account}/adimages`, form);
		expect(viaMultipart.body.images['upload.png'].hash).toBe(hash);
		const listed = await g.get(`/${account}/adimages`, { hashes: [hash], fields: 'hash,name' });
		expect(listed.body.data).toEqual([{ hash, name: 'upload.png' }]);
		expect((await g.delete(`/${account}/adimages`, { hash })).body).toEqual({ success: true });
		expect((await g.get(`/${account}/adimages`, { hashes: [hash] })).body.data).toEqual([]);
	});

	it('rejects non-image bytes with subcode 1487197', async () => {
		const answer = await graph(sim).post(`/${account}/adimages`, { bytes: Buffer.from('not an image at all').toString('base64') });
		expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 1487197 });
	});

	it('uploads a video in server-chosen chunks, rejects a wrong offset, then processes it', async () => {
		sim.setMetaKnobs({ videoChunkBytes: 100_000 + 1234, videoChunkJitterBytes: 5000, videoProcessingMs: 150 });
		const video = Buffer.alloc(1_000_000);
		for (let i = 0; i < video.length; i++) video[i] = (i * 31) % 251;
		const g = graph(sim);
		const start = await g.post(`/${account}/advideos`, { upload_phase: 'start', file_size: String(video.length) });
		const { upload_session_id: session, video_id: videoId } = start.body;
		let from = Number(start.body.start_offset);
		let to = Number(start.body.end_offset);
		expect(from).toBe(0);
		expect(to).toBeGreaterThan(95_000);
		// A client guessing its own chunk size gets 6001/1363037 with the offsets to resume from.
		const wrong = await g.postForm(`/${account}/advideos`, chunkForm({ upload_phase: 'transfer', upload_session_id: session, start_offset: '0' }, video.subarray(0, 65_536)));
		expect(wrong.body.error).toMatchObject({ code: 6001, error_subcode: 1363037, error_data: { start_offset: '0', end_offset: String(to) } });
		const sizes = new Set<number>();
		while (from < to) {
			sizes.add(to - from);
			const answer = await g.postForm(`/${account}/advideos`, chunkForm({ upload_phase: 'transfer', upload_session_id: session, start_offset: String(from) }, video.subarray(from, to)));
			expect(answer.status).toBe(200);
			from = Number(answer.body.start_offset);
			to = Number(answer.body.end_offset);
		}
		expect(from).toBe(video.length);
		expect(sizes.size).toBeGreaterThan(2);
		expect((await g.post(`/${account}/advideos`, { upload_phase: 'finish', upload_session_id: session, title: 'Clip' })).body).toEqual({ success: true });
		const processing = await g.get(`/${videoId}`, { fields: 'status,title' });
		expect(processing.body).toMatchObject({ title: 'Clip', status: { video_status: 'processing' } });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const ready = await g.get(`/${videoId}`, { fields: 'status,length,picture' });
		expect(ready.body.status).toEqual({ video_status: 'ready', processing_progress: 100 });
		const thumbnails = await g.get(`/${videoId}/thumbnails`);
		expect(thumbnails.body.data.filter((t: { is_preferred: boolean }) => t.is_preferred)).toHaveLength(1);
	});

	it('refuses to finish an incomplete upload and can end processing in error', async () => {
		sim.setMetaKnobs({ videoProcessingFails: true, videoProcessingMs: 0 });
		const g = graph(sim);
		const start = await g.post(`/${account}/advideos`, { upload_phase: 'start', file_size: '5000' });
		const early = await g.post(`/${account}/advideos`, { upload_phase: 'finish', upload_session_id: start.body.upload_session_id });
		expect(early.body.error.code).toBe(6001);
		const single = await g.post(`/${account}/advideos`, { file_url: 'https://example.com/clip.mp4', title: 'Remote' });
		const status = await g.get(`/${single.body.id}`, { fields: 'status' });
		expect(status.body.status.video_status).toBe('error');
	});
});
