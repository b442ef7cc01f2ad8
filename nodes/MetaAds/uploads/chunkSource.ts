import { NodeOperationError } from 'n8n-workflow';

import type { UploadScope } from './chunkPlan';

/**
 * Where a video's bytes come from. `readInto` copies exactly [start, end) into
 * a target buffer (the multipart body of one chunk), so at most one chunk is
 * held at a time whatever the file size.
 */
export interface ChunkSource {
	readonly size: number;
	readInto(start: number, end: number, target: Buffer, targetOffset: number): Promise<void>;
	close(): Promise<void>;
}

/** A file n8n already holds in memory (binary data without an id). */
export function bufferSource(data: Buffer): ChunkSource {
	return {
		size: data.length,
		async readInto(start, end, target, targetOffset) {
			data.copy(target, targetOffset, start, end);
		},
		async close() {},
	};
}

type ByteStream = AsyncIterable<Uint8Array | string>;

/**
 * A file read forward from a stream (n8n's binary data store). Ranges are
 * normally consecutive; when Meta asks for earlier bytes again (after an
 * offset mismatch) the stream is reopened and skipped forward, since a
 * stream cannot seek back.
 */
export function streamSource(size: number, open: () => Promise<ByteStream>, scope: UploadScope): ChunkSource {
	let iterator: AsyncIterator<Uint8Array | string> | undefined;
	/** File offset of the first byte of `pending`, or of the stream's next piece. */
	let position = 0;
	let pending: Uint8Array | undefined;

	async function close(): Promise<void> {
		const current = iterator;
		iterator = undefined;
		pending = undefined;
		position = 0;
		// return() ends the stream and releases the file handle.
		if (current?.return) await current.return();
	}

	async function nextPiece(): Promise<Uint8Array> {
		if (pending) {
			const piece = pending;
			pending = undefined;
			return piece;
		}
		const result = await iterator!.next();
		if (result.done) {
			throw new NodeOperationError(
				scope.node,
				`The binary file on item ${scope.itemIndex} ended after ${position} bytes, but its size was given as ${size} bytes`,
				{ itemIndex: scope.itemIndex },
			);
		}
		return typeof result.value === 'string' ? Buffer.from(result.value) : result.value;
	}

	return {
		size,
		close,
		async readInto(start, end, target, targetOffset) {
			if (!iterator || start < position) {
				await close();
				iterator = (await open())[Symbol.asyncIterator]();
			}
			while (position < start) {
				const piece = await nextPiece();
				const skip = Math.min(piece.length, start - position);
				position += skip;
				if (skip < piece.length) pending = piece.subarray(skip);
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
				if (take < piece.length) pending = piece.subarray(take);
			}
		},
	};
}
