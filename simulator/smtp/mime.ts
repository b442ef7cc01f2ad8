/**
 * Just enough MIME to read what n8n's Send Email node (nodemailer) sends:
 * headers, multipart/alternative parts, quoted-printable and base64 bodies,
 * RFC 2047 encoded words in the subject. Not a general mail parser.
 */
export interface ParsedMail {
	headers: Record<string, string>;
	subject: string;
	text: string | null;
	html: string | null;
	/** Names of attached files (parts with a filename). */
	attachments: string[];
	/** Every attached or inline part with its headers and content, so tests can check a chart's Content-ID or a CSV's rows. */
	parts: MailPart[];
}

export interface MailPart {
	filename: string | null;
	/** e.g. image/png, without parameters. */
	contentType: string;
	/** The Content-ID without angle brackets (what `cid:` in the HTML refers to), or null. */
	contentId: string | null;
	/** inline | attachment | null (from Content-Disposition). */
	disposition: string | null;
	size: number;
	/** The decoded bytes, base64. */
	contentBase64: string;
}

function splitHead(raw: string): { head: string; body: string } {
	const at = raw.search(/\r?\n\r?\n/);
	if (at < 0) return { head: raw, body: '' };
	const sep = raw.slice(at).startsWith('\r\n\r\n') ? 4 : 2;
	return { head: raw.slice(0, at), body: raw.slice(at + sep) };
}

function parseHeaders(head: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

export function decodeQuotedPrintable(text: string): string {
	// Escape literal % first so decodeURIComponent only sees the =XX bytes we turned into %XX.
	const escaped = text
		.replace(/=\r?\n/g, '')
		.replace(/%/g, '%25')
		.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => `%${hex}`);
	try {
		return decodeURIComponent(escaped);
	} catch {
		return text.replace(/=\r?\n/g, '');
	}
}

function decodeBytes(body: string, encoding: string | undefined): Buffer {
	const kind = (encoding ?? '7bit').toLowerCase();
	if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
	return Buffer.from(kind === 'quoted-printable' ? decodeQuotedPrintable(body) : body, 'utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
	const kind = (encoding ?? '7bit').toLowerCase();
	if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
	if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

/** `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=` words in a header; whitespace between two encoded words is not text (RFC 2047 §6.2). */
function decodeEncodedWords(value: string): string {
	return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, kind: string, data: string) =>
		kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
	);
}

function boundaryOf(contentType: string): string | undefined {
	return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

function collectParts(raw: string, into: ParsedMail): void {
	const { head, body } = splitHead(raw);
	const headers = parseHeaders(head);
	const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
	const boundary = boundaryOf(headers['content-type'] ?? '');
	if (type.startsWith('multipart/') && boundary) {
		const sections = body.split(`--${boundary}`).slice(1);
		for (const section of sections) {
			if (section.startsWith('--')) break;
			collectParts(section.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), into);
		}
		return;
	}
	const filename = /filename="?([^";]+)"?/i.exec(headers['content-disposition'] ?? headers['content-type'] ?? '')?.[1];
	const contentId = /<([^>]*)>/.exec(headers['content-id'] ?? '')?.[1] ?? (headers['content-id'] || null);
	if (filename || contentId) {
		if (filename) into.attachments.push(decodeEncodedWords(filename));
		const bytes = decodeBytes(body, headers['content-transfer-encoding']);
		into.parts.push({
			filename: filename ? decodeEncodedWords(filename) : null,
			contentType: type.split(';')[0].trim(),
			contentId,
			disposition: /^\s*(inline|attachment)/i.exec(headers['content-disposition'] ?? '')?.[1]?.toLowerCase() ?? null,
			size: bytes.length,
			contentBase64: bytes.toString('base64'),
		});
		return;
	}
	const decoded = decodeBody(body, headers['content-transfer-encoding']);
	if (type.startsWith('text/html') && into.html === null) into.html = decoded;
	else if (type.startsWith('text/plain') && into.text === null) into.text = decoded;
}

export function parseMail(raw: string): ParsedMail {
	const headers = parseHeaders(splitHead(raw).head);
	const mail: ParsedMail = { headers, subject: decodeEncodedWords(headers.subject ?? ''), text: null, html: null, attachments: [], parts: [] };
	collectParts(raw, mail);
	return mail;
}
