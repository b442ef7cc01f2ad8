import { NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import { bufferSource, streamSource, type ChunkSource } from '../../uploads/chunkSource';
import { uploadRuntime } from '../../uploads/runtime';

export interface VideoFile {
	source: ChunkSource;
	fileName: string;
	mimeType: string;
	/** 'stream' when read from n8n's binary store chunk by chunk, 'memory' when n8n already held it. */
	mode: 'stream' | 'memory';
}

// Containers Meta takes for ad videos; octet-stream is what unknown uploads arrive as.
function looksLikeVideo(mimeType: string): boolean {
	return /^video\//i.test(mimeType) || /^application\/(octet-stream|mp4|x-matroska)$/i.test(mimeType);
}

/**
 * Opens the video of one binary property without loading it: with a binary
 * id (filesystem or database mode) the bytes are streamed from n8n's store;
 * only a file n8n already holds in memory is used as a buffer.
 */
export async function openVideoFile(ctx: IExecuteFunctions, itemIndex: number, property: string): Promise<VideoFile> {
	const binary: IBinaryData = ctx.helpers.assertBinaryData(itemIndex, property);
	const mimeType = binary.mimeType || 'application/octet-stream';
	const fileName = binary.fileName || `video-${itemIndex}.mp4`;
	if (!looksLikeVideo(mimeType)) {
		throw new NodeOperationError(ctx.getNode(), `The file "${fileName}" in "${property}" on item ${itemIndex} is ${mimeType}, not a video`, {
			itemIndex,
			description: 'Pick the binary property that holds the video, or use Ad Image → Upload for images.',
		});
	}
	let file: VideoFile;
	if (binary.id) {
		const id = binary.id;
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		const scope = { node: ctx.getNode(), itemIndex };
		const open = async () => await ctx.helpers.getBinaryStream(id, uploadRuntime.readSizeBytes);
		file = { source: streamSource(Number(fileSize), open, scope), fileName, mimeType, mode: 'stream' };
	} else {
		file = { source: bufferSource(await ctx.helpers.getBinaryDataBuffer(itemIndex, property)), fileName, mimeType, mode: 'memory' };
	}
	if (!Number.isFinite(file.source.size) || file.source.size <= 0) {
		throw new NodeOperationError(ctx.getNode(), `The video "${fileName}" in "${property}" on item ${itemIndex} is empty`, { itemIndex });
	}
	return file;
}
