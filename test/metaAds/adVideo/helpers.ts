/**
 * Upload test helpers: a fake n8n context whose binary data either sits in
 * memory (no id) or in a fake binary store (id): getBinaryStream serves the
 * bytes in pieces of the requested size and counts how often it was opened,
 * and getBinaryDataBuffer refuses stored files so tests prove the node streams.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { uploadRuntime } from '../../../nodes/MetaAds/uploads/runtime';
import { parseMultipart, multipartBoundary } from '../../../simulator/meta/multipart';
import type { FakeExecuteContext, SentRequest } from '../../helpers';
import { metaExecuteContext } from '../helpers';

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export interface TestFile {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
	/** Keep it in the fake binary store (streamed) instead of in memory. */
	stored?: boolean;
	/**
	 * With `stored`: keep it in a real file served by fs.createReadStream, as
	 * n8n's filesystem binary store does (instead of a Readable over the buffer).
	 */
	onDisk?: boolean;
}

export interface StoreStats {
	streamsOpened: number;
	readSizes: number[];
	buffersLoaded: string[];
	/** Every piece the on-disk streams yielded, to check which were released after use. */
	diskPieces: Buffer[];
}

export function binaryOf(property: string, file: TestFile, index: number): IBinaryData {
	const base = { mimeType: file.mimeType ?? 'video/mp4', fileName: file.fileName ?? `${property}.bin`, fileSize: String(file.data.length) };
	return file.stored ? { ...base, id: `filesystem-v2:test/${index}/${property}`, data: 'filesystem-v2' } : { ...base, data: file.data.toString('base64') };
}

/** Runs the Meta Ads node with files per item: [{ data: { data: Buffer } }]. */
export async function runWithFiles(
	parameters: IDataObject | IDataObject[],
	files: Array<Record<string, TestFile>>,
	options: { continueOnFail?: boolean; credential?: IDataObject } = {},
): Promise<{ items: INodeExecutionData[]; ctx: FakeExecuteContext; store: StoreStats }> {
	const node = new MetaAds();
	const stored = new Map<string, Buffer>();
	const onDisk = new Map<string, string>();
	let dir: string | undefined;
	const inputItems: INodeExecutionData[] = files.map((byProperty, index) => ({
		json: {},
		binary: Object.fromEntries(
			Object.entries(byProperty).map(([property, file]) => {
				const binary = binaryOf(property, file, index);
				if (binary.id) stored.set(binary.id, file.data);
				if (binary.id && file.onDisk) {
					dir ??= mkdtempSync(join(tmpdir(), 'adpilot-video-test-'));
					const path = join(dir, `${index}-${property}`);
					writeFileSync(path, file.data);
					onDisk.set(binary.id, path);
				}
				return [property, binary];
			}),
		),
	}));
	const count = Array.isArray(parameters) ? parameters.length : inputItems.length;
	while (inputItems.length < count) inputItems.push({ json: {} });
	const ctx = metaExecuteContext({ parameters, inputItems, continueOnFail: options.continueOnFail, nodeType: node, credential: options.credential as never });
	// The node reuses its chunk buffer once a request is answered; keep a snapshot of what was sent.
	const record = ctx.sentRequests.push.bind(ctx.sentRequests);
	ctx.sentRequests.push = (...sent: SentRequest[]) => record(...sent.map((r) => (Buffer.isBuffer(r.body) ? { ...r, body: Buffer.from(r.body) } : r)));
	const store: StoreStats = { streamsOpened: 0, readSizes: [], buffersLoaded: [], diskPieces: [] };
	const helpers = ctx.helpers as unknown as Record<string, unknown>;
	const loadBuffer = helpers.getBinaryDataBuffer as (i: number, p: string) => Promise<Buffer>;
	helpers.getBinaryMetadata = async (id: string) => ({ fileSize: stored.get(id)!.length });
	helpers.getBinaryStream = async (id: string, chunkSize = 64 * 1024) => {
		store.streamsOpened++;
		store.readSizes.push(chunkSize);
		const path = onDisk.get(id);
		if (path) {
			const stream = createReadStream(path, { highWaterMark: chunkSize });
			const push = stream.push.bind(stream);
			stream.push = (piece: Buffer | null) => {
				if (piece) store.diskPieces.push(piece);
				return push(piece);
			};
			return stream;
		}
		const data = stored.get(id)!;
		return Readable.from(
			(function* () {
				for (let at = 0; at < data.length; at += chunkSize) yield data.subarray(at, at + chunkSize);
			})(),
		);
	};
	helpers.getBinaryDataBuffer = async (itemIndex: number, property: string) => {
		const binary = inputItems[itemIndex].binary?.[property];
		if (binary?.id) {
			store.buffersLoaded.push(property);
			return stored.get(binary.id)!;
		}
		return await loadBuffer(itemIndex, property);
	};
	try {
		const [items] = (await node.execute.call(ctx)) as INodeExecutionData[][];
		return { items, ctx, store };
	} finally {
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

export async function runWithFilesError(
	parameters: IDataObject | IDataObject[],
	files: Array<Record<string, TestFile>>,
): Promise<Error & { description?: string; context?: IDataObject }> {
	try {
		await runWithFiles(parameters, files);
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail');
}

export interface ParsedTransfer {
	fields: Record<string, string>;
	chunk: Buffer;
	fileName?: string;
	contentType?: string;
}

/** The multipart transfer requests the node sent, decoded. */
export function transfers(sent: SentRequest[]): ParsedTransfer[] {
	return sent
		.filter((r) => Buffer.isBuffer(r.body))
		.map((r) => {
			const header = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
			const boundary = multipartBoundary(String(header));
			if (!boundary) throw new Error(`no multipart boundary in ${String(header)}`);
			const parts = parseMultipart(r.body as Buffer, boundary);
			const file = parts.find((p) => p.filename !== undefined)!;
			return {
				fields: Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')])),
				chunk: Buffer.from(file.data),
				fileName: file.filename,
				contentType: file.contentType,
			};
		});
}

/** Instant waits and a fake clock advanced by every sleep. */
export function fakeTime() {
	const clock = { now: 1_000_000, sleeps: [] as number[] };
	const saved = { ...uploadRuntime };
	uploadRuntime.sleep = async (ms: number) => {
		clock.sleeps.push(ms);
		clock.now += ms;
	};
	uploadRuntime.now = () => clock.now;
	uploadRuntime.transport = {
		sleep: async (ms: number) => {
			clock.sleeps.push(ms);
		},
		random: () => 0.5,
	};
	return { clock, restore: () => Object.assign(uploadRuntime, saved) };
}

/** Deterministic test bytes. */
export function bytes(length: number, seed = 7): Buffer {
	const out = Buffer.alloc(length);
	let x = seed;
	for (let i = 0; i < length; i++) {
		x = (x * 1103515245 + 12345) & 0x7fffffff;
		out[i] = x >> 16;
	}
	return out;
}
