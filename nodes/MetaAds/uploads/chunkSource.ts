import { NodeOperationError } from 'n8n-workflow';

import type { UploadScope } from './chunkPlan';

/**
 * Where a video's bytes come from. `readInto` copies exactly [start, end) into
 * a target buffer (the multipart body of one chunk), so each byte is copied
 * once and memory stays bounded whatever the file size.
 */
export interface ChunkSource {
	readonly size: number;
	readInto(start: number, end: number, target: Buffer, targetOffset: number): Promise<void>;
	/**
	 * Starts reading [start, end) in the background, so the next chunk is ready
	 * while the current one is on the wire. A hint: never waits, never fails
	 * (a read error surfaces from the next readInto).
	 */
	prefetch(start: number, end: number): void;
	close(): Promise<void>;
}

/** A file n8n already holds in memory (binary data without an id). */
export function bufferSource(data: Buffer): ChunkSource {
	return {
		size: data.length,
		async readInto(start, end, target, targetOffset) {
			data.copy(target, targetOffset, start, end);
		},
		prefetch() {},
		async close() {},
	};
}

type ByteStream = AsyncIterable<Uint8Array | string>;

type Detachable = ArrayBufferLike & { transfer?: (newLength?: number) => ArrayBuffer };

/**
 * Whether the pieces a stream yields are ours alone once read, so their memory
 * may be given back at once. True only for Node's fs.ReadStream, which is what
 * n8n's filesystem binary store hands out: it allocates a fresh buffer for
 * every read and keeps no reference after pushing it. Other streams (a
 * Readable over a buffer n8n holds, S3 re-chunkers) may yield views of memory
 * someone else still uses, so theirs are left to the garbage collector.
 */
export function ownsItsPieces(stream: unknown): boolean {
	const candidate = stream as { constructor?: { name?: unknown }; bytesRead?: unknown; readableObjectMode?: unknown } | null;
	return candidate?.constructor?.name === 'ReadStream' && typeof candidate.bytesRead === 'number' && candidate.readableObjectMode !== true;
}

/**
 * A file read forward from a stream (n8n's binary data store). Ranges are
 * normally consecutive; when Meta asks for earlier bytes again (after an
 * offset mismatch) the stream is reopened and skipped forward, since a
 * stream cannot seek back.
 *
 * Read-ahead keeps the stream's own pieces in a queue (no copy): at most the
 * range asked by `prefetch`, i.e. one chunk, plus one partly used piece.
 *
 * Once all of a piece of an fs.ReadStream is in request bodies, its memory
 * is released at once (ArrayBuffer transfer) instead of waiting for the
 * garbage collector: a 200 MB upload otherwise leaves 200 MB of pieces
 * behind, V8 answers that external memory with a full collection every
 * ~20 MB, and in the upload benchmark those took over half the uploader's CPU.
 *
 * Over 80 lines on purpose: one closure whose state (iterator, queue,
 * position) all of the source's methods share.
 */
export function streamSource(size: number, open: () => Promise<ByteStream>, scope: UploadScope): ChunkSource {
	let iterator: AsyncIterator<Uint8Array | string> | undefined;
	/** File offset of the first queued byte, or of the stream's next piece when the queue is empty. */
	let position = 0;
	const queue: Uint8Array[] = [];
	let queued = 0;
	/** The background read in flight; it never rejects (its error is kept in `aheadError`). */
	let ahead: Promise<void> | undefined;
	let aheadError: unknown;
	/** Whether the open stream's pieces may be released once used (see ownsItsPieces). */
	let releasable = false;
	/** The memory of pieces that arrived whole and are ours alone. */
	const owned = new WeakSet<ArrayBufferLike>();

	async function settle(): Promise<void> {
		const running = ahead;
		ahead = undefined;
		if (running) await running;
	}

	async function pull(): Promise<Uint8Array | undefined> {
		const result = await iterator!.next();
		if (result.done) return undefined;
		const piece = typeof result.value === 'string' ? Buffer.from(result.value) : result.value;
		if (releasable && piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength) owned.add(piece.buffer);
		return piece;
	}

	/** Called when `used` was the last view of its piece still needed: frees the piece if it is ours. */
	function release(used: Uint8Array): void {
		const memory = used.buffer as Detachable;
		if (used.byteOffset + used.byteLength !== memory.byteLength || !owned.has(memory)) return;
		owned.delete(memory);
		// Detaching returns the bytes to the allocator now; the 0-byte replacement is garbage.
		if (typeof memory.transfer === 'function') memory.transfer(0);
	}

	async function close(): Promise<void> {
		await settle();
		const current = iterator;
		iterator = undefined;
		queue.length = 0;
		queued = 0;
		position = 0;
		aheadError = undefined;
		// return() ends the stream and releases the file handle.
		if (current?.return) await current.return();
		releasable = false;
	}

	function unshift(piece: Uint8Array): void {
		queue.unshift(piece);
		queued += piece.length;
	}

	async function nextPiece(): Promise<Uint8Array> {
		const queuedPiece = queue.shift();
		if (queuedPiece) {
			queued -= queuedPiece.length;
			return queuedPiece;
		}
		const piece = await pull();
		if (!piece) {
			throw new NodeOperationError(
				scope.node,
				`The binary file on item ${scope.itemIndex} ended after ${position} bytes, but its size was given as ${size} bytes`,
				{ itemIndex: scope.itemIndex },
			);
		}
		return piece;
	}

	return {
		size,
		close,
		prefetch(start, end) {
			// Only a forward continuation of the open stream; anything else is read on demand.
			if (!iterator || ahead || aheadError !== undefined || start !== position) return;
			const target = Math.min(end, size);
			ahead = (async () => {
				while (iterator && position + queued < target) {
					const piece = await pull();
					if (!piece) return; // the reader reports the short file
					queue.push(piece);
					queued += piece.length;
				}
			})().catch((error: unknown) => {
				aheadError = error ?? new Error('read failed');
			});
		},
		async readInto(start, end, target, targetOffset) {
			await settle();
			if (aheadError !== undefined) {
				const message = String((aheadError as { message?: unknown })?.message ?? aheadError);
				await close();
				throw new NodeOperationError(scope.node, `Could not read the binary file on item ${scope.itemIndex}: ${message}`, { itemIndex: scope.itemIndex });
			}
			if (!iterator || start < position) {
				await close();
				const stream = await open();
				releasable = ownsItsPieces(stream);
				iterator = stream[Symbol.asyncIterator]();
			}
			while (position < start) {
				const piece = await nextPiece();
				const skip = Math.min(piece.length, start - position);
				position += skip;
				if (skip < piece.length) unshift(piece.subarray(skip));
				else release(piece);
			}
			let offset = targetOffset;
			let need = end - start;
			while (need > 0) {
				const piece = await nextPiece();
				const take = Math.min(piece.length, need);
				target.set(take === piece.length ? piece : piece.subarray(0, take), offset);
				offset += take;
				need -= take;
				position += take;
				if (take < piece.length) unshift(piece.subarray(take));
				else release(piece);
			}
		},
	};
}
