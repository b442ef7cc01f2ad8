/**
 * `/act_X/advideos`: the resumable upload (start → transfer… → finish) with
 * server-chosen chunk boundaries, the single-request `file_url`/`source`
 * modes, and `GET /{video_id}` processing status. Bytes are counted and hashed
 * incrementally; no video is ever held in memory.
 */
import { createHash, type Hash } from 'crypto';
import type { SimResponse } from '../types';
import type { TreeAccount } from '../dataset/tree';
import { hashString } from '../dataset/prng';
import type { MetaCall } from './call';
import { invalidParam, metaError } from './errors';
import { parseFields } from './fields';
import type { MetaKnobs } from './knobs';
import { str } from './params';
import { metaTime, type MetaStore } from './store';

export interface VideoRecord {
	id: string;
	accountId: string;
	sessionId?: string;
	fileSize: number;
	received: number;
	/** Where the next chunk must start and end (exclusive). */
	expectedStart: number;
	expectedEnd: number;
	chunkIndex: number;
	hash: Hash;
	digest?: string;
	title: string;
	createdMs: number;
	finishedMs?: number;
	willFail: boolean;
}

const MAX_VIDEO_BYTES = 10 * 1024 ** 3;
/** Rough bitrate to invent a duration from a size: 2 Mbit/s. */
const BYTES_PER_SECOND = 250_000;

export class VideoUploads {
	videos = new Map<string, VideoRecord>();

	constructor(private readonly store: MetaStore, private readonly knobs: MetaKnobs) {}

	reset(): void {
		this.videos = new Map();
	}

	private chunkSize(video: VideoRecord): number {
		const jitter = this.knobs.videoChunkJitterBytes;
		if (jitter <= 0) return this.knobs.videoChunkBytes;
		const draw = hashString(`${video.id}:${video.chunkIndex}`) / 0xffffffff;
		return Math.max(1, this.knobs.videoChunkBytes + Math.round((draw * 2 - 1) * jitter));
	}

	private advance(video: VideoRecord, start: number): void {
		video.expectedStart = start;
		video.expectedEnd = Math.min(video.fileSize, start + this.chunkSize(video));
	}

	private offsetError(video: VideoRecord, message: string): SimResponse {
		return metaError({
			message: `(#6001) ${message}`,
			code: 6001,
			subcode: 1363037,
			transient: false,
			userTitle: 'Upload Offset Mismatch',
			userMsg: 'Resume the upload from the offsets in error_data.',
			data: { start_offset: String(video.expectedStart), end_offset: String(video.expectedEnd) },
		});
	}

	handle(call: MetaCall, account: TreeAccount): SimResponse {
		const phase = str(call.params, 'upload_phase');
		if (phase === 'start') return this.start(call, account);
		if (phase === 'transfer') return this.transfer(call);
		if (phase === 'finish') return this.finish(call);
		if (phase === 'cancel') return this.cancel(call);
		if (phase !== undefined) return invalidParam('Param upload_phase must be one of {start, transfer, finish, cancel}');
		// Single request: Meta fetches file_url itself, or the file arrives as `source`.
		const source = call.params.files.find((f) => f.name === 'source');
		if (!str(call.params, 'file_url') && !source) return invalidParam('Provide upload_phase, file_url or a source file');
		const video = this.create(account, source?.data.length ?? 5_000_000, call);
		if (source) video.hash.update(source.data);
		video.received = video.fileSize;
		video.finishedMs = call.ctx.now();
		video.digest = video.hash.digest('hex');
		return { status: 200, body: { id: video.id } };
	}

	private create(account: TreeAccount, fileSize: number, call: MetaCall): VideoRecord {
		const video: VideoRecord = {
			id: this.store.mintId('video'), accountId: account.id, fileSize, received: 0, expectedStart: 0, expectedEnd: 0, chunkIndex: 0,
			hash: createHash('sha256'), title: str(call.params, 'title') ?? str(call.params, 'name') ?? 'Untitled video', createdMs: call.ctx.now(),
			willFail: this.knobs.videoProcessingFails,
		};
		this.videos.set(video.id, video);
		return video;
	}

	private start(call: MetaCall, account: TreeAccount): SimResponse {
		const size = Number(str(call.params, 'file_size'));
		if (!Number.isInteger(size) || size <= 0) return invalidParam('The parameter file_size is required and must be a positive integer');
		if (size > MAX_VIDEO_BYTES) return invalidParam('The video file is too large', { subcode: 1363023 });
		const video = this.create(account, size, call);
		video.sessionId = this.store.mintId('uploadSession');
		this.advance(video, 0);
		return { status: 200, body: { upload_session_id: video.sessionId, video_id: video.id, start_offset: '0', end_offset: String(video.expectedEnd) } };
	}

	private bySession(call: MetaCall): VideoRecord | undefined {
		const session = str(call.params, 'upload_session_id');
		return [...this.videos.values()].find((v) => v.sessionId !== undefined && v.sessionId === session);
	}

	private transfer(call: MetaCall): SimResponse {
		const video = this.bySession(call);
		if (!video) return invalidParam('Invalid upload_session_id');
		if (video.finishedMs !== undefined) return invalidParam('This upload session is already finished');
		const chunk = call.params.files.find((f) => f.name === 'video_file_chunk')?.data;
		if (!chunk) return invalidParam('The parameter video_file_chunk is required (multipart file)');
		const start = Number(str(call.params, 'start_offset'));
		if (start !== video.expectedStart) return this.offsetError(video, `Invalid start_offset ${str(call.params, 'start_offset')}: expected ${video.expectedStart}`);
		if (chunk.length !== video.expectedEnd - video.expectedStart) {
			return this.offsetError(video, `Chunk of ${chunk.length} bytes does not match the requested range ${video.expectedStart}-${video.expectedEnd}`);
		}
		video.hash.update(chunk);
		video.received += chunk.length;
		video.chunkIndex++;
		this.advance(video, video.expectedEnd);
		return { status: 200, body: { start_offset: String(video.expectedStart), end_offset: String(video.expectedEnd) } };
	}

	private finish(call: MetaCall): SimResponse {
		const video = this.bySession(call);
		if (!video) return invalidParam('Invalid upload_session_id');
		if (video.received !== video.fileSize) {
			return this.offsetError(video, `Upload incomplete: received ${video.received} of ${video.fileSize} bytes`);
		}
		if (video.finishedMs === undefined) {
			video.finishedMs = call.ctx.now();
			video.digest = video.hash.digest('hex');
			video.title = str(call.params, 'title') ?? video.title;
		}
		return { status: 200, body: { success: true } };
	}

	private cancel(call: MetaCall): SimResponse {
		const video = this.bySession(call);
		if (!video) return invalidParam('Invalid upload_session_id');
		this.videos.delete(video.id);
		return { status: 200, body: { success: true } };
	}

	private status(video: VideoRecord, nowMs: number): { video_status: string; processing_progress: number } {
		if (video.finishedMs === undefined) return { video_status: 'processing', processing_progress: 0 };
		const elapsed = nowMs - video.finishedMs;
		const total = Math.max(0, this.knobs.videoProcessingMs);
		if (elapsed >= total) return { video_status: video.willFail ? 'error' : 'ready', processing_progress: 100 };
		return { video_status: 'processing', processing_progress: Math.min(99, Math.floor((elapsed / Math.max(1, total)) * 100)) };
	}

	private thumbnails(video: VideoRecord, origin: string): Array<Record<string, unknown>> {
		return [0, 1, 2].map((i) => ({
			id: `${video.id}${i}`,
			uri: `${origin}/meta/_media/${video.id}_${i}.png`,
			is_preferred: i === 0,
			width: 1280,
			height: 720,
			scale: 1,
			name: `thumbnail_${i}`,
		}));
	}

	get(call: MetaCall, id: string): SimResponse {
		const video = this.videos.get(id)!;
		const names = parseFields(str(call.params, 'fields'))?.map((f) => f.name) ?? ['id'];
		const status = this.status(video, call.ctx.now());
		const ready = status.video_status === 'ready';
		const out: Record<string, unknown> = {};
		for (const name of names) {
			switch (name) {
				case 'id': out.id = video.id; break;
				case 'title': out.title = video.title; break;
				case 'status': out.status = video.willFail && status.video_status === 'error'
					? { ...status, processing_phase: { status: 'error', errors: [{ code: 1363008, message: 'Video processing failed' }] } }
					: status; break;
				case 'length': out.length = Math.round((video.fileSize / BYTES_PER_SECOND) * 100) / 100; break;
				case 'picture': if (ready) out.picture = `${call.selfUrl.origin}/meta/_media/${video.id}_0.png`; break;
				case 'thumbnails': out.thumbnails = { data: ready ? this.thumbnails(video, call.selfUrl.origin) : [] }; break;
				case 'created_time': out.created_time = metaTime(video.createdMs); break;
				case 'updated_time': out.updated_time = metaTime(video.finishedMs ?? video.createdMs); break;
				case 'source': if (ready) out.source = `${call.selfUrl.origin}/meta/_media/${video.id}.mp4`; break;
				case 'account_id': out.account_id = video.accountId; break;
				default: return invalidParam(`Tried accessing nonexisting field (${name}) on node type (AdVideo)`);
			}
		}
		return { status: 200, body: out };
	}

	getThumbnails(call: MetaCall, id: string): SimResponse {
		const video = this.videos.get(id)!;
		const ready = this.status(video, call.ctx.now()).video_status === 'ready';
		return { status: 200, body: { data: ready ? this.thumbnails(video, call.selfUrl.origin) : [] } };
	}

	/** The sha256 of all bytes received, once finished (tests compare it with the source file). */
	digest(id: string): string | undefined {
		return this.videos.get(id)?.digest;
	}
}
