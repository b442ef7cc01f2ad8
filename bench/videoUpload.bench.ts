/**
 * Ad Video upload benchmark: a 200 MB file on disk uploaded to the simulator
 * through the real Meta Ads node (resumable start → transfer… → finish with
 * the server's ~4 MB chunks), reading it the way n8n's filesystem binary mode
 * serves it: getBinaryStream(id, readSize) over the file.
 *
 * Reports:
 * - wall time and throughput of the node's upload;
 * - the same bytes sent by a bare loopback client (node:http keep-alive, same
 *   protocol, same server-chosen chunks, file read with fs into a fresh buffer
 *   per chunk) and our throughput as a share of it;
 * - for reference, the same bare client reusing one buffer for every chunk:
 *   the fresh 4 MB buffers make V8 collect garbage as often as ours once did,
 *   so this one is the ceiling a client of n8n's request helper (a new
 *   connection per request) cannot reach;
 * - peak memory during the node's upload above the start (RSS, heap,
 *   ArrayBuffers), next to one chunk's size: it must not grow with the file.
 *
 * The three uploads alternate within each round (order rotated) so load from
 * other processes hits them alike; medians over the rounds, and the node's
 * share of the bare client round by round.
 *
 * Run: npm run bench -- videoUpload (VIDEO_BENCH_MB sizes the file,
 * VIDEO_BENCH_READ_MB the binary-store read size, VIDEO_BENCH_ROUNDS the rounds).
 */
import { createReadStream } from 'fs';
import { mkdtemp, open, rm } from 'fs/promises';
import { request } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../nodes/MetaAds/MetaAds.node';
import { uploadRuntime } from '../nodes/MetaAds/uploads/runtime';
import { SIM_META_ACCESS_TOKEN } from '../simulator/credentials';
import { buildTree } from '../simulator/dataset/tree';
import { DEFAULT_DATASET } from '../simulator/dataset/tree';
import { createExecuteContext } from '../test/helpers/context';
import { gc, withPeakMemory } from './support/measure';
import { startSimulatorProcess, type SimulatorProcess } from './support/simulatorProcess';

const env = (globalThis as { process?: { env?: Record<string, string> } }).process?.env ?? {};
const ROUNDS = Number(env.VIDEO_BENCH_ROUNDS ?? 5);
const FILE_MB = Number(env.VIDEO_BENCH_MB ?? 200);
const MB = 1024 * 1024;

async function writeFile(path: string, bytes: number): Promise<void> {
	const handle = await open(path, 'w');
	const block = Buffer.alloc(8 * MB);
	for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
	for (let written = 0; written < bytes; written += block.length) {
		await handle.write(block, 0, Math.min(block.length, bytes - written));
	}
	await handle.close();
}

interface Sim {
	metaBaseUrl: string;
	chunkBytes: number;
	process: SimulatorProcess;
}

/**
 * The simulator runs in its own process, so the memory measured here is the
 * uploader's alone and the server gets its own core, as Meta's would be.
 * Usage headers never ask to slow down: the bare clients ignore them, and a
 * bench run makes ~1,000 calls in well under a minute, where the node (as
 * designed) would start pausing at 75 % of the simulator's 600 calls/minute.
 */
async function startSim(): Promise<Sim> {
	const sim = await startSimulatorProcess({ meta: { videoProcessingMs: 0, usageCallsPerMinute: 1_000_000 } });
	const knobs = await sim.metaKnobs();
	return { metaBaseUrl: sim.metaBaseUrl, chunkBytes: knobs.videoChunkBytes, process: sim };
}

async function nodeUpload(sim: Sim, account: string, path: string, size: number): Promise<IDataObject> {
	const node = new MetaAds();
	const id = 'filesystem-v2:bench/video';
	const ctx = createExecuteContext({
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		nodeType: node,
		credentials: { adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: '', apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl } },
		parameters: {
			resource: 'adVideo',
			operation: 'upload',
			adAccountId: { __rl: true, mode: 'id', value: account },
			source: 'binary',
			binaryPropertyName: 'data',
			title: 'Bench',
			waitUntilReady: true,
			waitTimeoutMinutes: 5,
			thumbnailSource: 'preferred',
			options: {},
		},
		inputItems: [{ json: {}, binary: { data: { id, data: 'filesystem-v2', mimeType: 'video/mp4', fileName: 'bench.mp4', fileSize: String(size) } } }],
	});
	// The test context keeps every request (body included) for assertions; a benchmark must not.
	ctx.sentRequests.push = () => 0;
	const helpers = ctx.helpers as unknown as Record<string, unknown>;
	// What n8n's filesystem binary mode does: metadata from the store, a read stream over the file.
	helpers.getBinaryMetadata = async () => ({ fileSize: size });
	helpers.getBinaryStream = async (_id: string, chunkSize?: number) => createReadStream(path, { highWaterMark: chunkSize, end: size - 1 });
	helpers.getBinaryDataBuffer = async () => {
		throw new Error('the benchmark must not load the whole file');
	};
	const [items] = (await node.execute.call(ctx)) as INodeExecutionData[][];
	return items[0].json;
}

/**
 * A bare client: the same start/transfer/finish with node:http (keep-alive)
 * and fs reads, no n8n, no retries. Each chunk's body is a fresh buffer, or
 * with `reuseBody` one buffer for all of them.
 */
async function rawUpload(sim: Sim, account: string, path: string, size: number, { reuseBody = false } = {}): Promise<void> {
	const url = new URL(`${sim.metaBaseUrl}/v25.0/${account}/advideos`);
	const post = (body: Buffer | string, contentType: string) =>
		new Promise<Record<string, string>>((resolve, reject) => {
			const req = request(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } }, (res) => {
				const parts: Buffer[] = [];
				res.on('data', (d: Buffer) => parts.push(d));
				res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, string>));
			});
			req.on('error', reject);
			req.end(body);
		});
	const started = await post(JSON.stringify({ upload_phase: 'start', file_size: size }), 'application/json');
	const handle = await open(path, 'r');
	let start = Number(started.start_offset);
	let end = Number(started.end_offset);
	const boundary = 'rawbenchboundary';
	let reusable: Buffer | undefined;
	while (start < end) {
		const head = Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="upload_phase"\r\n\r\ntransfer\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="upload_session_id"\r\n\r\n${started.upload_session_id}\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="start_offset"\r\n\r\n${start}\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="video_file_chunk"; filename="raw.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
		);
		const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
		const length = head.length + (end - start) + tail.length;
		if (reuseBody && (reusable === undefined || reusable.length < length)) reusable = Buffer.allocUnsafe(length + 256);
		const body = reuseBody ? reusable!.subarray(0, length) : Buffer.allocUnsafe(length);
		head.copy(body);
		await handle.read(body, head.length, end - start, start);
		tail.copy(body, head.length + end - start);
		const next = await post(body, `multipart/form-data; boundary=${boundary}`);
		if (next.error) throw new Error(`raw upload failed: ${JSON.stringify(next.error)}`);
		start = Number(next.start_offset);
		end = Number(next.end_offset);
	}
	await handle.close();
	await post(JSON.stringify({ upload_phase: 'finish', upload_session_id: started.upload_session_id }), 'application/json');
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;

export async function run(): Promise<Record<string, number | string>> {
	const dir = await mkdtemp(join(tmpdir(), 'adpilot-video-bench-'));
	const path = join(dir, 'bench.mp4');
	const size = FILE_MB * MB;
	const sim = await startSim();
	const saved = { ...uploadRuntime };
	// Processing is instant in the simulator; keep the first status poll from sleeping.
	uploadRuntime.sleep = async () => {};
	const readMb = Number(env.VIDEO_BENCH_READ_MB ?? 0);
	if (readMb > 0) uploadRuntime.readSizeBytes = readMb * MB;
	try {
		await writeFile(path, size);
		const account = `act_${buildTree(DEFAULT_DATASET).accounts[0].id}`;

		// Warm every path (JIT, sockets) on a small upload first.
		await rawUpload(sim, account, path, 8 * MB);
		await rawUpload(sim, account, path, 8 * MB, { reuseBody: true });
		await nodeUpload(sim, account, path, 8 * MB);

		const ms = { raw: [] as number[], rawReuse: [] as number[], node: [] as number[] };
		let last: IDataObject = {};
		let peak = { rssMb: 0, heapMb: 0, arrayBuffersMb: 0 };
		const runs: Record<keyof typeof ms, () => Promise<void>> = {
			raw: async () => await rawUpload(sim, account, path, size),
			rawReuse: async () => await rawUpload(sim, account, path, size, { reuseBody: true }),
			node: async () => {
				const measured = await withPeakMemory(async () => await nodeUpload(sim, account, path, size), { intervalMs: 20 });
				last = measured.result;
				peak = { rssMb: Math.max(peak.rssMb, measured.rssMb), heapMb: Math.max(peak.heapMb, measured.heapMb), arrayBuffersMb: Math.max(peak.arrayBuffersMb, measured.arrayBuffersMb) };
			},
		};
		const order = Object.keys(runs) as Array<keyof typeof ms>;
		for (let round = 0; round < ROUNDS; round++) {
			for (let i = 0; i < order.length; i++) {
				const which = order[(round + i) % order.length];
				gc();
				const started = performance.now();
				await runs[which]();
				ms[which].push(performance.now() - started);
			}
		}
		const upload = last.upload as IDataObject;
		if (last.status !== 'ready' || upload.bytesSent !== size) throw new Error(`upload incomplete: ${JSON.stringify(last)}`);
		// One more run with a collection before each sample: memory actually retained, not garbage V8 has not freed yet.
		const live = await withPeakMemory(async () => await nodeUpload(sim, account, path, size), { live: true, intervalMs: 100 });

		const mbps = (list: number[]) => FILE_MB / (median(list) / 1000);
		const all = (list: number[]) => list.map((v) => Math.round(v)).join(' / ');
		return {
			fileMb: FILE_MB,
			serverChunkMb: Number((sim.chunkBytes / MB).toFixed(3)),
			readSizeMb: uploadRuntime.readSizeBytes / MB,
			chunks: Number(upload.chunks),
			rounds: ROUNDS,
			nodeWallMsMedian: Math.round(median(ms.node)),
			nodeWallMsAll: all(ms.node),
			nodeMBps: Number(mbps(ms.node).toFixed(1)),
			rawWallMsMedian: Math.round(median(ms.raw)),
			rawWallMsAll: all(ms.raw),
			rawMBps: Number(mbps(ms.raw).toFixed(1)),
			throughputVsRaw: pct(mbps(ms.node) / mbps(ms.raw)),
			throughputVsRawByRound: ms.node.map((nodeMs, round) => pct(ms.raw[round] / nodeMs)).join(' / '),
			rawReuseWallMsMedian: Math.round(median(ms.rawReuse)),
			rawReuseMBps: Number(mbps(ms.rawReuse).toFixed(1)),
			throughputVsRawReuse: pct(mbps(ms.node) / mbps(ms.rawReuse)),
			peakRssDeltaMb: Number(peak.rssMb.toFixed(1)),
			peakHeapDeltaMb: Number(peak.heapMb.toFixed(1)),
			peakArrayBuffersDeltaMb: Number(peak.arrayBuffersMb.toFixed(1)),
			liveRssDeltaMb: Number(live.rssMb.toFixed(1)),
			liveHeapDeltaMb: Number(live.heapMb.toFixed(1)),
			liveArrayBuffersDeltaMb: Number(live.arrayBuffersMb.toFixed(1)),
			gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no (run with --expose-gc)',
		};
	} finally {
		Object.assign(uploadRuntime, saved);
		await sim.process.close();
		await rm(dir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	run()
		.then((result) => {
			console.log('Ad Video upload benchmark');
			console.table(result);
		})
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		});
}
