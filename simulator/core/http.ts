/** Node http glue: read a whole request body, write a SimResponse. */
import type { IncomingMessage, ServerResponse } from 'http';
import type { SimResponse } from '../types';

/** Bodies above this are refused before buffering; Meta's own limits (30 MB images, chunk sizes) sit well below. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLargeError(`Body exceeds ${limit} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
		req.on('error', reject);
	});
}

export function writeResponse(res: ServerResponse, response: SimResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | string | undefined;
	if (response.body === undefined || response.body === null) {
		payload = undefined;
	} else if (Buffer.isBuffer(response.body) || typeof response.body === 'string') {
		payload = response.body;
		headers['content-type'] ??= 'text/plain; charset=utf-8';
	} else {
		payload = JSON.stringify(response.body);
		headers['content-type'] ??= 'application/json; charset=utf-8';
	}
	if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
	return { status, body, headers };
}
