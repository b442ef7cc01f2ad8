import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { META_IMAGE_MAX_BYTES, formatMegabytes } from '../../uploads/imageFormat';
import { checkImage, type ImageFile } from './collect';

function header(headers: unknown, name: string): string | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
	return entry === undefined ? undefined : String(entry[1]);
}

function nameFromUrl(url: string, index: number): string {
	try {
		const last = new URL(url).pathname.split('/').filter((p) => p !== '').pop();
		if (last) return decodeURIComponent(last);
	} catch {
		// Not a URL we can parse: fall back to a generic name below.
	}
	return `image-${index}`;
}

/**
 * Downloads an image with n8n's HTTP helper (no credentials: it is the
 * user's file host, not Meta) and stops reading past Meta's 30 MB limit,
 * so a huge or endless response never fills memory. Meta's adimages edge
 * takes bytes, not a URL, and downloading first lets us check the file.
 */
export async function downloadImage(ctx: IExecuteFunctions, url: string, itemIndex: number, index: number): Promise<ImageFile> {
	if (!/^https?:\/\//i.test(url)) {
		throw new NodeOperationError(ctx.getNode(), `Image URL on item ${itemIndex} must start with http:// or https://, got ${JSON.stringify(url)}`, { itemIndex });
	}
	const what = `The image at ${url}`;
	let response: { statusCode?: number; headers?: unknown; body?: unknown };
	try {
		response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as typeof response;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Could not download ${url} on item ${itemIndex}: ${(error as Error).message}`, { itemIndex });
	}
	const stream = response.body as AsyncIterable<Uint8Array> & { destroy?: () => void };
	const status = Number(response.statusCode);
	if (status < 200 || status >= 300) {
		stream?.destroy?.();
		throw new NodeOperationError(ctx.getNode(), `Downloading ${url} on item ${itemIndex} failed with HTTP ${status}`, { itemIndex });
	}
	const declared = Number(header(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > META_IMAGE_MAX_BYTES) {
		stream?.destroy?.();
		throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is ${formatMegabytes(declared)}, over Meta's 30 MB limit for ad images`, { itemIndex });
	}
	const parts: Buffer[] = [];
	let size = 0;
	for await (const part of stream) {
		size += part.length;
		if (size > META_IMAGE_MAX_BYTES) {
			stream.destroy?.();
			throw new NodeOperationError(ctx.getNode(), `${what} on item ${itemIndex} is over Meta's 30 MB limit for ad images`, {
				itemIndex,
				description: 'Stopped downloading at 30 MB; nothing was sent to Meta.',
			});
		}
		parts.push(Buffer.from(part));
	}
	const data = Buffer.concat(parts);
	const mimeType = (header(response.headers, 'content-type') ?? '').split(';')[0].trim();
	const format = checkImage(ctx, data, mimeType, what, itemIndex);
	return { data, fileName: nameFromUrl(url, index), mimeType: mimeType || 'application/octet-stream', format, origin: { url } };
}
