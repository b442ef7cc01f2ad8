import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { graphRequest, type TransportOptions } from '../../transport';
import type { VideoStatus } from '../../uploads/statusPoller';

export const VIDEO_FIELDS = 'id,title,length,status,picture';

export interface VideoRead {
	id?: string;
	title?: string;
	length?: number;
	picture?: string;
	status?: VideoStatus;
}

interface Thumbnail {
	uri?: string;
	is_preferred?: boolean;
	width?: number;
	height?: number;
}

export async function readVideo(ctx: IExecuteFunctions, videoId: string, itemIndex: number, transport?: TransportOptions): Promise<VideoRead> {
	return await graphRequest<VideoRead>(ctx, { method: 'GET', path: `/${videoId}`, qs: { fields: VIDEO_FIELDS }, itemIndex, options: transport });
}

/** Meta's preferred thumbnail of a processed video (the first one when none is flagged). */
export async function preferredThumbnail(
	ctx: IExecuteFunctions,
	videoId: string,
	itemIndex: number,
	transport?: TransportOptions,
): Promise<Thumbnail | undefined> {
	const answer = await graphRequest<{ data?: Thumbnail[] }>(ctx, {
		method: 'GET',
		path: `/${videoId}/thumbnails`,
		itemIndex,
		options: transport,
	});
	const thumbnails = Array.isArray(answer?.data) ? answer.data : [];
	return thumbnails.find((t) => t.is_preferred === true) ?? thumbnails[0];
}

export type ThumbnailChoice = { source: 'none' } | { source: 'preferred' } | { source: 'hash'; hash: string } | { source: 'url'; url: string };

/** Output fields of a video: what a creative step needs next (id, thumbnail) plus status and facts. */
export async function presentVideo(
	ctx: IExecuteFunctions,
	video: VideoRead,
	thumbnail: ThumbnailChoice,
	itemIndex: number,
	transport?: TransportOptions,
): Promise<IDataObject> {
	const status = video.status ?? {};
	const out: IDataObject = {
		videoId: video.id,
		status: status.video_status ?? 'unknown',
		processingProgress: status.processing_progress ?? null,
		title: video.title ?? null,
		length: video.length ?? null,
		thumbnailHash: null,
		thumbnailUrl: null,
		thumbnailSource: thumbnail.source,
	};
	if (thumbnail.source === 'hash') out.thumbnailHash = thumbnail.hash;
	if (thumbnail.source === 'url') out.thumbnailUrl = thumbnail.url;
	if (thumbnail.source === 'preferred') {
		// Meta only has thumbnails once the video is processed.
		const preferred = status.video_status === 'ready' && video.id ? await preferredThumbnail(ctx, video.id, itemIndex, transport) : undefined;
		out.thumbnailUrl = preferred?.uri ?? video.picture ?? null;
	}
	return out;
}
