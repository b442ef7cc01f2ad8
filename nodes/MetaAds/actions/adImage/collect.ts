import { NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import {
	META_IMAGE_MAX_BYTES,
	detectImageFormat,
	formatMegabytes,
	isImageMimeType,
	type ImageFormat,
} from '../../uploads/imageFormat';

/** One image ready to send: checked for emptiness, size and real image content. */
export interface ImageFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
	format: ImageFormat;
	/** Binary property or URL it came from. */
	origin: { binaryProperty?: string; url?: string };
}

/** Sizes first (cheap, and before n8n loads a file from disk), bytes afterwards. */
export async function binarySize(ctx: IExecuteFunctions, binary: IBinaryData): Promise<number | undefined> {
	if (binary.id) return Number((await ctx.helpers.getBinaryMetadata(binary.id)).fileSize);
	if (typeof binary.bytes === 'number') return binary.bytes;
	// In memory: base64 length gives the size without decoding.
	if (typeof binary.data === 'string' && binary.data !== '') {
		const padding = binary.data.endsWith('==') ? 2 : binary.data.endsWith('=') ? 1 : 0;
		return Math.floor((binary.data.length * 3) / 4) - padding;
	}
	return undefined;
}

export function checkSize(ctx: IExecuteFunctions, size: number | undefined, what: string, itemIndex: number): void {
	if (size === 0) {
		throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is empty`, {
			itemIndex,
			description: 'The file has no bytes; check the node that produced it.',
		});
	}
	if (size !== undefined && size > META_IMAGE_MAX_BYTES) {
		throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is ${formatMegabytes(size)}, over Meta's 30 MB limit for ad images`, {
			itemIndex,
			description: 'Resize or compress the image before uploading; nothing was sent to Meta.',
		});
	}
}

/** The declared MIME type must not contradict an image, and the bytes must be one. */
export function checkImage(ctx: IExecuteFunctions, data: Buffer, mimeType: string, what: string, itemIndex: number): ImageFormat {
	checkSize(ctx, data.length, what, itemIndex);
	const declared = mimeType.trim().toLowerCase();
	const generic = declared === '' || declared === 'application/octet-stream' || declared === 'binary/octet-stream';
	const format = detectImageFormat(data.subarray(0, 16));
	if (!generic && !isImageMimeType(declared)) {
		throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is ${declared}, not an image`, {
			itemIndex,
			description: 'Ad images must be JPG, PNG, GIF, WEBP, BMP or TIFF. Use Ad Video → Upload for videos.',
		});
	}
	if (!format) {
		throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is not a JPG, PNG, GIF, WEBP, BMP or TIFF image`, {
			itemIndex,
			description: `Its content does not start like any image format Meta accepts${generic ? '' : `, although it is labelled ${declared}`}.`,
		});
	}
	return format;
}

/** Binary property names to upload: the listed ones, or every property holding an image. */
export function selectProperties(
	ctx: IExecuteFunctions,
	itemIndex: number,
	mode: string,
	names: string,
): string[] {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	if (mode === 'allImages') {
		const found = Object.keys(binaries).filter((key) => isImageMimeType(binaries[key]?.mimeType));
		if (found.length === 0) {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no binary property holding an image`, {
				itemIndex,
				description: `Binary properties on the item: ${Object.keys(binaries).join(', ') || 'none'}`,
			});
		}
		return found;
	}
	const list = names.split(',').map((n) => n.trim()).filter((n) => n !== '');
	if (list.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Input Binary Fields is empty on item ${itemIndex}`, { itemIndex });
	}
	return [...new Set(list)];
}

/** Reads and checks every selected image before anything is uploaded, so a bad file uploads nothing. */
export async function collectBinaryImages(ctx: IExecuteFunctions, itemIndex: number, properties: string[]): Promise<ImageFile[]> {
	const files: ImageFile[] = [];
	for (const property of properties) {
		const binary = ctx.helpers.assertBinaryData(itemIndex, property);
		const fileName = binary.fileName || `${property}.${binary.fileExtension ?? 'img'}`;
		const what = `The file "${fileName}" in "${property}"`;
		checkSize(ctx, await binarySize(ctx, binary), what, itemIndex);
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		const format = checkImage(ctx, data, binary.mimeType ?? '', what, itemIndex);
		files.push({ data, fileName, mimeType: binary.mimeType, format, origin: { binaryProperty: property } });
	}
	return files;
}
