/**
 * multipart/form-data parsing over a buffered body. Parts are `subarray`
 * views, never copies, so a multi-megabyte video chunk costs no extra memory.
 */
export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function multipartBoundary(contentType: string | undefined): string | undefined {
	const match = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let position = body.indexOf(delimiter);
	while (position !== -1) {
		const afterDelimiter = position + delimiter.length;
		// "--" after the delimiter closes the body.
		if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break;
		const headerStart = afterDelimiter + 2; // skip CRLF
		const headerEnd = body.indexOf('\r\n\r\n', headerStart);
		if (headerEnd === -1) break;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
		if (next === -1) break;
		const headers = body.subarray(headerStart, headerEnd).toString('utf8');
		const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		if (name !== undefined) {
			parts.push({
				name,
				filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
				contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
				data: body.subarray(headerEnd + 4, next),
			});
		}
		position = next + 2;
	}
	return parts;
}
