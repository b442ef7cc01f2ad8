/** What Meta accepts for ad images, checked before any upload. */

/** Meta refuses ad images above 30 MB; we check before sending a byte. */
export const META_IMAGE_MAX_BYTES = 30 * 1024 * 1024;

export type ImageFormat = 'jpg' | 'png' | 'gif' | 'webp' | 'bmp' | 'tiff';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(data: Uint8Array, bytes: number[], at = 0): boolean {
	if (data.length < at + bytes.length) return false;
	return bytes.every((byte, i) => data[at + i] === byte);
}

function ascii(data: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...data.subarray(start, Math.min(end, data.length)));
}

/** The image format from the first bytes (magic numbers), or undefined when it is not an image we know. */
export function detectImageFormat(head: Uint8Array): ImageFormat | undefined {
	if (startsWith(head, PNG)) return 'png';
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
	if (/^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'gif';
	if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
	if (startsWith(head, [0x42, 0x4d]) && head.length >= 14) return 'bmp';
	if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
	return undefined;
}

/** Whether a declared MIME type claims an image (n8n sets it from the source or the file name). */
export function isImageMimeType(mimeType: string | undefined): boolean {
	return typeof mimeType === 'string' && /^image\//i.test(mimeType.trim());
}

export const IMAGE_MIME_BY_FORMAT: Record<ImageFormat, string> = {
	jpg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	bmp: 'image/bmp',
	tiff: 'image/tiff',
};

/** Megabytes with one decimal, for messages. */
export function formatMegabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
