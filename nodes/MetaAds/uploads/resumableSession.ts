import { NodeOperationError } from 'n8n-workflow';

import { isTransferDone, parseRange, rangeLength, type ChunkRange, type RawOffsets, type UploadScope } from './chunkPlan';
import type { ChunkSource } from './chunkSource';
import { allocateMultipart, newBoundary, type MultipartBody } from './multipart';

export interface StartAnswer extends RawOffsets {
	upload_session_id?: unknown;
	video_id?: unknown;
}

/** What one transfer call ended with: the next range, or Meta's offsets to resume from after a mismatch. */
export type TransferOutcome = { next: RawOffsets } | { resumeFrom: RawOffsets };

/** The three calls of Meta's resumable upload; the adapter sends them through the Meta transport. */
export interface ResumableApi {
	start(fileSize: number): Promise<StartAnswer>;
	/** `body` is a ready multipart body with upload_phase, upload_session_id, start_offset and video_file_chunk. */
	transfer(range: ChunkRange, body: MultipartBody): Promise<TransferOutcome>;
	finish(sessionId: string): Promise<void>;
}

export interface UploadStats {
	chunks: number;
	bytesSent: number;
	resumes: number;
	largestChunk: number;
}

export interface ResumableUploadResult {
	videoId: string;
	sessionId: string;
	stats: UploadStats;
}

export interface ResumableUploadOptions {
	source: ChunkSource;
	fileName: string;
	mimeType: string;
	api: ResumableApi;
	scope: UploadScope;
	/** Offset-mismatch resumes allowed in a row before giving up. */
	maxResumes?: number;
	onChunk?: (range: ChunkRange) => void;
}

const DEFAULT_MAX_RESUMES = 5;

function fail(scope: UploadScope, message: string, description?: string): never {
	throw new NodeOperationError(scope.node, message, { itemIndex: scope.itemIndex, description });
}

/**
 * Meta's classic resumable upload: start → transfer… → finish. Every chunk is
 * exactly the range Meta's last answer named; after an offset mismatch we go
 * on from the offsets Meta returns with the error. Transient failures of a
 * chunk are retried by the transport, which resends the same body.
 */
export async function runResumableUpload(options: ResumableUploadOptions): Promise<ResumableUploadResult> {
	const { source, api, scope } = options;
	const maxResumes = options.maxResumes ?? DEFAULT_MAX_RESUMES;
	const started = await api.start(source.size);
	const sessionId = String(started.upload_session_id ?? '');
	const videoId = String(started.video_id ?? '');
	if (sessionId === '' || videoId === '') {
		fail(scope, `Meta did not open an upload session for the video on item ${scope.itemIndex}`, 'The start phase answered without upload_session_id or video_id.');
	}
	const stats: UploadStats = { chunks: 0, bytesSent: 0, resumes: 0, largestChunk: 0 };
	let range = parseRange(started, source.size, scope, 'upload start');
	let resumesInARow = 0;
	// One boundary for the whole upload; the body buffer is reused once its request is answered.
	const boundary = newBoundary();
	let spare: Buffer | undefined;
	try {
		while (!isTransferDone(range)) {
			const length = rangeLength(range);
			const body = allocateMultipart(
				{ upload_phase: 'transfer', upload_session_id: sessionId, start_offset: String(range.start) },
				{ field: 'video_file_chunk', fileName: options.fileName, contentType: options.mimeType, length },
				boundary,
				spare,
			);
			await source.readInto(range.start, range.end, body.body, body.fileOffset);
			options.onChunk?.(range);
			// Meta's next range almost always starts where this one ends and has the
			// same size: read it while this chunk is on the wire (one chunk ahead, at most).
			source.prefetch(range.end, range.end + length);
			const outcome = await api.transfer(range, body);
			// Answered, so its memory is free for the next chunk's body.
			spare = body.storage;
			if ('resumeFrom' in outcome) {
				resumesInARow++;
				stats.resumes++;
				if (resumesInARow > maxResumes) {
					fail(
						scope,
						`Meta kept rejecting the chunk offsets of video ${videoId} on item ${scope.itemIndex}`,
						`Gave up after ${maxResumes} offset-mismatch resumes in a row (last range ${range.start}-${range.end}).`,
					);
				}
				range = parseRange(outcome.resumeFrom, source.size, scope, 'offset-mismatch error');
				continue;
			}
			resumesInARow = 0;
			stats.chunks++;
			stats.bytesSent += length;
			stats.largestChunk = Math.max(stats.largestChunk, length);
			const next = parseRange(outcome.next, source.size, scope, 'chunk transfer');
			// Meta moves forward from the end of what it just got; anything else would loop.
			if (!isTransferDone(next) && next.start < range.end) {
				fail(scope, `Meta asked for bytes ${next.start}-${next.end} of video ${videoId} again after receiving up to ${range.end} on item ${scope.itemIndex}`);
			}
			range = next;
		}
	} finally {
		await source.close();
	}
	await api.finish(sessionId);
	return { videoId, sessionId, stats };
}
