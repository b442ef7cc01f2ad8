import { randomBytes } from 'crypto';

/**
 * A multipart/form-data body built in one Buffer: text fields, then one file
 * part whose bytes the caller writes in place (at `fileOffset`), so a video
 * chunk is read straight into the request body with no second copy. We build
 * it ourselves because n8n's request helper sends a Buffer with our
 * Content-Type as is, while a WHATWG FormData would copy the chunk into a Blob.
 */
export interface MultipartBody {
	body: Buffer;
	contentType: string;
	/** Where the file's bytes go inside `body`. */
	fileOffset: number;
	fileLength: number;
	/** The whole allocation behind `body` (with some slack), to pass as `reuse` once this body is answered. */
	storage: Buffer;
}

export interface MultipartFile {
	field: string;
	fileName: string;
	contentType: string;
	length: number;
}

const CRLF = '\r\n';
/** Room for the part headers to grow (a longer start_offset) without a new allocation. */
const SLACK_BYTES = 256;

/** Quotes a header parameter; CR, LF and quotes would break the part header. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n"]/g, '_')}"`;
}

export function newBoundary(): string {
	return `----AdPilotBoundary${randomBytes(12).toString('hex')}`;
}

/**
 * `reuse`: a buffer from an earlier body that is no longer in flight. When it
 * is large enough the body is a view of it, so a long upload does not
 * allocate (and make V8 collect) a fresh chunk-sized buffer per request.
 */
export function allocateMultipart(fields: Record<string, string>, file: MultipartFile, boundary = newBoundary(), reuse?: Buffer): MultipartBody {
	let head = '';
	for (const [name, value] of Object.entries(fields)) {
		head += `--${boundary}${CRLF}Content-Disposition: form-data; name=${quoted(name)}${CRLF}${CRLF}${value}${CRLF}`;
	}
	head +=
		`--${boundary}${CRLF}Content-Disposition: form-data; name=${quoted(file.field)}; filename=${quoted(file.fileName)}${CRLF}` +
		`Content-Type: ${file.contentType.replace(/[\r\n]/g, '')}${CRLF}${CRLF}`;
	const tail = `${CRLF}--${boundary}--${CRLF}`;
	const headBytes = Buffer.byteLength(head);
	const total = headBytes + file.length + Buffer.byteLength(tail);
	const storage = reuse && reuse.length >= total ? reuse : Buffer.allocUnsafe(total + SLACK_BYTES);
	const body = storage.subarray(0, total);
	body.write(head, 0, 'utf8');
	body.write(tail, headBytes + file.length, 'utf8');
	return { body, contentType: `multipart/form-data; boundary=${boundary}`, fileOffset: headBytes, fileLength: file.length, storage };
}
