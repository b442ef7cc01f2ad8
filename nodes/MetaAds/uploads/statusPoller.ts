import { NodeOperationError } from 'n8n-workflow';

import type { UploadScope } from './chunkPlan';

/** `status` of GET /{video_id}?fields=status. */
export interface VideoStatus {
	video_status?: string;
	processing_progress?: number;
	processing_phase?: { status?: string; errors?: Array<{ code?: number; message?: string }> };
	[key: string]: unknown;
}

export interface PollOptions {
	/** Give up after this long (the node's Wait Timeout option). */
	timeoutMs: number;
	/** First pause; Meta rarely finishes a video in under a few seconds. */
	initialDelayMs?: number;
	maxDelayMs?: number;
	factor?: number;
	sleep: (ms: number) => Promise<void>;
	now: () => number;
}

export interface PollResult {
	status: VideoStatus;
	polls: number;
	waitedMs: number;
}

const DEFAULTS = { initialDelayMs: 2_000, maxDelayMs: 30_000, factor: 1.5 };

function errorDetails(status: VideoStatus): string {
	const messages = (status.processing_phase?.errors ?? []).map((e) => `${e.message ?? 'error'}${e.code ? ` (${e.code})` : ''}`);
	return messages.length > 0 ? messages.join('; ') : 'Meta gave no details';
}

/**
 * Polls a video's status with growing pauses until Meta says `ready`; fails
 * at once on `error` and when the timeout would be passed by the next pause.
 */
export async function waitUntilReady(
	getStatus: () => Promise<VideoStatus>,
	videoId: string,
	options: PollOptions,
	scope: UploadScope,
): Promise<PollResult> {
	const { initialDelayMs, maxDelayMs, factor } = { ...DEFAULTS, ...options };
	const startedAt = options.now();
	let delay = initialDelayMs;
	for (let polls = 1; ; polls++) {
		const status = await getStatus();
		const state = String(status.video_status ?? '').toLowerCase();
		const waitedMs = options.now() - startedAt;
		if (state === 'ready') return { status, polls, waitedMs };
		if (state === 'error') {
			throw new NodeOperationError(scope.node, `Meta could not process video ${videoId} on item ${scope.itemIndex}: ${errorDetails(status)}`, {
				itemIndex: scope.itemIndex,
				description: 'The upload finished but processing failed. Check the file (codec, length, corruption) and upload it again.',
			});
		}
		if (waitedMs + delay > options.timeoutMs) {
			const progress = typeof status.processing_progress === 'number' ? ` (${status.processing_progress}% processed)` : '';
			throw new NodeOperationError(
				scope.node,
				`Video ${videoId} on item ${scope.itemIndex} was not ready after ${Math.round(waitedMs / 1000)} s${progress}`,
				{
					itemIndex: scope.itemIndex,
					description: 'Raise "Wait Timeout", or turn off "Wait Until Ready" and check later with Ad Video → Get Status.',
				},
			);
		}
		await options.sleep(delay);
		delay = Math.min(maxDelayMs, Math.round(delay * factor));
	}
}
