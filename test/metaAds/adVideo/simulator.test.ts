/**
 * Uploads against the simulator over real loopback HTTP through n8n's own
 * client: jittered server-chosen chunks, processing delay, thumbnails, and
 * images with hashes Meta-style.
 */
import { createHash } from 'crypto';

import { SIM_META_ACCESS_TOKEN } from '../../../simulator/credentials';
import { buildTree } from '../../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { byId, bytes, fakeTime, runWithFiles } from './helpers';

let sim: RunningSimulator;
let account: string;
let time: ReturnType<typeof fakeTime>;

beforeAll(async () => {
	sim = await startSimulator({ meta: { videoChunkBytes: 256 * 1024 + 17, videoChunkJitterBytes: 50_000, videoProcessingMs: 0 } });
	account = `act_${buildTree(sim.dataset).accounts[0].id}`;
});
afterAll(async () => await sim.close());
beforeEach(() => {
	time = fakeTime();
});
afterEach(() => time.restore());

const credential = () => ({ accessToken: SIM_META_ACCESS_TOKEN, appSecret: '', apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl });

describe('uploads against the simulator', () => {
	it('uploads a 3 MB video in jittered chunks and waits until ready', async () => {
		const file = bytes(3 * 1024 * 1024 + 5);
		const { items, store } = await runWithFiles(
			{ resource: 'adVideo', operation: 'upload', adAccountId: byId(account), source: 'binary', binaryPropertyName: 'video', title: 'Sim', waitUntilReady: true, waitTimeoutMinutes: 1, thumbnailSource: 'preferred', options: {} },
			[{ video: { data: file, stored: true, fileName: 'sim.mp4' } }],
			{ credential: credential() },
		);
		const out = items[0].json as Record<string, any>;
		expect(out).toMatchObject({ status: 'ready', title: 'Sim', thumbnailSource: 'preferred', upload: { method: 'resumable', bytesSent: file.length, readFrom: 'stream' } });
		expect(out.thumbnailUrl).toMatch(/_0\.png$/);
		expect(out.upload.chunks).toBeGreaterThan(9);
		expect(store.streamsOpened).toBe(1);
	});

	it('uploads images and finds them again by hash', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(100)]);
		const { items } = await runWithFiles(
			{ resource: 'adImage', operation: 'upload', adAccountId: byId(account), source: 'binary', binarySelection: 'allImages', options: {} },
			[{ a: { data: png, mimeType: 'image/png', fileName: 'a.png' }, b: { data: png.subarray(0, 50), mimeType: 'image/png', fileName: 'b.png' } }],
			{ credential: credential() },
		);
		expect(items.map((i) => i.json.hash)).toEqual([
			createHash('md5').update(png).digest('hex'),
			createHash('md5').update(png.subarray(0, 50)).digest('hex'),
		]);
		const listed = await runWithFiles(
			{ resource: 'adImage', operation: 'getMany', adAccountId: byId(account), hashes: String(items[0].json.hash), returnAll: true },
			[{}],
			{ credential: credential() },
		);
		expect(listed.items.map((i) => i.json.hash)).toEqual([items[0].json.hash]);
	});
});
