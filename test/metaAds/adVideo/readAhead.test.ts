import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { NodeOperationError, type INode } from 'n8n-workflow';

import { ownsItsPieces, streamSource } from '../../../nodes/MetaAds/uploads/chunkSource';
import { allocateMultipart } from '../../../nodes/MetaAds/uploads/multipart';
import { runResumableUpload, type ResumableApi } from '../../../nodes/MetaAds/uploads/resumableSession';

const node = { name: 'Meta Ads' } as INode;
const scope = { node, itemIndex: 0 };
const FILE = Buffer.from(Array.from({ length: 40 }, (_, i) => i));

/** A stream over FILE in pieces of `piece` bytes that counts what was pulled; `failAt` breaks it at that piece. */
function counted(piece: number, failAt?: number) {
	const stats = { opened: 0, pulled: 0 };
	const open = async () => {
		stats.opened++;
		return (async function* () {
			for (let at = 0, n = 0; at < FILE.length; at += piece, n++) {
				if (n === failAt) throw new Error('disk gone');
				stats.pulled += Math.min(piece, FILE.length - at);
				yield FILE.subarray(at, at + piece);
			}
		})();
	};
	return { stats, source: streamSource(FILE.length, open, scope) };
}

const flush = async () => await new Promise((resolve) => setImmediate(resolve));

describe('stream read-ahead', () => {
	it('reads the next range in the background and serves it without pulling again', async () => {
		const { stats, source } = counted(3);
		const first = Buffer.alloc(10);
		await source.readInto(0, 10, first, 0);
		expect(first).toEqual(FILE.subarray(0, 10));
		expect(stats.pulled).toBe(12); // whole pieces: 2 bytes wait in the queue

		source.prefetch(10, 20);
		await flush();
		// Read ahead to byte 20 (whole pieces), before anyone asked for it, and no further.
		expect(stats.pulled).toBe(21);
		const second = Buffer.alloc(12);
		await source.readInto(10, 20, second, 2);
		expect(second.subarray(2)).toEqual(FILE.subarray(10, 20));
		expect(stats.pulled).toBe(21);
		expect(stats.opened).toBe(1);
		await source.close();
	});

	it('ignores a prefetch that is not the continuation, and still reads right', async () => {
		const { stats, source } = counted(4);
		const target = Buffer.alloc(8);
		await source.readInto(0, 8, target, 0);
		source.prefetch(12, 20);
		await flush();
		expect(stats.pulled).toBe(8);
		await source.readInto(12, 20, target, 0);
		expect(target).toEqual(FILE.subarray(12, 20));
		await source.close();
	});

	it('goes back after a prefetch when Meta asks for earlier bytes (offset mismatch)', async () => {
		const { stats, source } = counted(5);
		const target = Buffer.alloc(10);
		await source.readInto(0, 10, target, 0);
		source.prefetch(10, 20);
		await source.readInto(3, 13, target, 0);
		expect(target).toEqual(FILE.subarray(3, 13));
		expect(stats.opened).toBe(2);
		await source.close();
	});

	it('reports a read error of the background read on the next read, as a NodeOperationError', async () => {
		const { source } = counted(4, 2);
		await source.readInto(0, 4, Buffer.alloc(4), 0);
		source.prefetch(4, 12);
		const error = await source.readInto(4, 12, Buffer.alloc(8), 0).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Could not read the binary file on item 0: disk gone');
	});

	it('waits for a background read before closing', async () => {
		const { source } = counted(4);
		await source.readInto(0, 4, Buffer.alloc(4), 0);
		source.prefetch(4, 40);
		await expect(source.close()).resolves.toBeUndefined();
	});
});

describe('releasing pieces once copied', () => {
	let dir: string;
	let path: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'adpilot-pieces-'));
		path = join(dir, 'file.bin');
		writeFileSync(path, FILE);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	/** An fs.ReadStream over FILE in `piece`-byte reads, keeping every piece it yields. */
	function onDisk(piece: number) {
		const pieces: Buffer[] = [];
		const open = async () => {
			const stream = createReadStream(path, { highWaterMark: piece });
			const push = stream.push.bind(stream);
			stream.push = (chunk: Buffer | null) => {
				if (chunk) pieces.push(chunk);
				return push(chunk);
			};
			return stream;
		};
		return { pieces, source: streamSource(FILE.length, open, scope) };
	}

	it('knows which streams hand over their pieces: fs read streams only', () => {
		const file = createReadStream(join(dir, 'file.bin'));
		expect(ownsItsPieces(file)).toBe(true);
		file.destroy();
		expect(ownsItsPieces(Readable.from([Buffer.alloc(10)]))).toBe(false);
		expect(ownsItsPieces((async function* () {})())).toBe(false);
		expect(ownsItsPieces(null)).toBe(false);
	});

	it('releases a piece only once all of its bytes are in a body, so a piece split across chunks stays whole until then', async () => {
		const { pieces, source } = onDisk(5);
		const first = Buffer.alloc(7);
		await source.readInto(0, 7, first, 0);
		expect(first).toEqual(FILE.subarray(0, 7));
		// 0-4 is used up and released; 5-9 still has 7-9 to give.
		expect(pieces.map((p) => p.length)).toEqual([0, 5]);

		source.prefetch(7, 14);
		const second = Buffer.alloc(7);
		await source.readInto(7, 14, second, 0);
		expect(second).toEqual(FILE.subarray(7, 14));
		// 10-14 was read ahead; 10-13 went into the body, byte 14 is still owed to the next chunk.
		expect(pieces.map((p) => p.length)).toEqual([0, 0, 5]);
		await source.close();
	});

	it('releases skipped pieces too, and reads earlier bytes again from a fresh stream', async () => {
		const { pieces, source } = onDisk(4);
		const target = Buffer.alloc(6);
		await source.readInto(10, 16, target, 0);
		expect(target).toEqual(FILE.subarray(10, 16));
		// 0-7 skipped, 8-11 half skipped and half copied, 12-15 copied: all used up.
		expect(pieces.map((p) => p.length)).toEqual([0, 0, 0, 0]);
		await source.readInto(2, 8, target, 0);
		expect(target).toEqual(FILE.subarray(2, 8));
		await source.close();
	});
});

describe('multipart body reuse', () => {
	const file = { field: 'f', fileName: 'a.mp4', contentType: 'video/mp4', length: 100 };

	it('builds the body inside a large enough earlier buffer', () => {
		const spare = Buffer.alloc(4096);
		const body = allocateMultipart({ a: '1' }, file, 'B', spare);
		expect(body.body.buffer).toBe(spare.buffer);
		expect(body.body.byteOffset).toBe(spare.byteOffset);
		expect(body.storage).toBe(spare);
		expect(body.body.length).toBe(body.fileOffset + 100 + Buffer.byteLength('\r\n--B--\r\n'));
		expect(body.body.subarray(body.fileOffset + 100).toString()).toBe('\r\n--B--\r\n');
	});

	it('allocates a new one when the earlier buffer is too small', () => {
		const spare = Buffer.alloc(10);
		const body = allocateMultipart({ a: '1' }, file, 'B', spare);
		expect(body.body.buffer).not.toBe(spare.buffer);
		// With room to spare, so a longer start_offset next time still fits.
		expect(body.storage.length).toBeGreaterThan(body.body.length);
	});
});

describe('resumable session pipelining', () => {
	it('asks the source to read the next chunk before sending, and reuses one body buffer', async () => {
		const events: string[] = [];
		const bodies: Buffer[] = [];
		const sent: Buffer[] = [];
		const source = {
			size: 30,
			async readInto(start: number, end: number, target: Buffer, offset: number) {
				events.push(`read ${start}-${end}`);
				FILE.copy(target, offset, start, end);
			},
			prefetch(start: number, end: number) {
				events.push(`prefetch ${start}-${end}`);
			},
			async close() {},
		};
		const ends = [10, 20, 30, 30];
		let call = 0;
		const api: ResumableApi = {
			start: async () => ({ upload_session_id: 's', video_id: 'v', start_offset: '0', end_offset: '10' }),
			transfer: async (range, body) => {
				events.push(`send ${range.start}-${range.end}`);
				bodies.push(body.body);
				sent.push(Buffer.from(body.body.subarray(body.fileOffset, body.fileOffset + body.fileLength)));
				call++;
				return { next: { start_offset: String(ends[call - 1]), end_offset: String(ends[call]) } };
			},
			finish: async () => {},
		};
		const result = await runResumableUpload({ source, fileName: 'a.mp4', mimeType: 'video/mp4', api, scope });
		expect(events).toEqual(['read 0-10', 'prefetch 10-20', 'send 0-10', 'read 10-20', 'prefetch 20-30', 'send 10-20', 'read 20-30', 'prefetch 30-40', 'send 20-30']);
		expect(Buffer.concat(sent)).toEqual(FILE.subarray(0, 30));
		// Same-size chunks (start_offset growing from 1 to 2 digits): every body is a view of the first one's memory.
		expect(new Set(bodies.map((b) => b.buffer)).size).toBe(1);
		expect(new Set(bodies.map((b) => b.byteOffset)).size).toBe(1);
		expect(result.stats).toMatchObject({ chunks: 3, bytesSent: 30 });
	});
});
