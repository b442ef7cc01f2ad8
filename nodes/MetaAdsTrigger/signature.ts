/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex>`, the
 * HMAC-SHA256 of the RAW request body keyed by the app secret. The check runs
 * on the exact bytes received (re-serialising parsed JSON would change
 * whitespace and unicode escapes) and compares in constant time: n8n's own
 * Facebook Lead Ads trigger compares with `!==`, which returns as soon as a
 * character differs and so tells an attacker, by timing, how much of a forged
 * signature is right.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export type SignatureVerdict =
	| { valid: true }
	| { valid: false; reason: 'missing' | 'malformed' | 'mismatch' };

const HEADER_FORMAT = /^sha256=([0-9a-fA-F]{64})$/;

export function expectedSignature(rawBody: Buffer, appSecret: string): Buffer {
	return createHmac('sha256', appSecret).update(rawBody).digest();
}

/**
 * Verifies a signature header against the raw body. Only `sha256=` followed by
 * 64 hex digits is accepted (hex case does not matter: it is the same bytes).
 * The digests compared are always 32 bytes, so timingSafeEqual never sees
 * buffers of different lengths and never throws.
 */
export function verifySignature(rawBody: Buffer, header: string | string[] | undefined, appSecret: string): SignatureVerdict {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value.trim() === '') return { valid: false, reason: 'missing' };
	const match = HEADER_FORMAT.exec(value.trim());
	if (!match) return { valid: false, reason: 'malformed' };
	const received = Buffer.from(match[1], 'hex');
	const expected = expectedSignature(rawBody, appSecret);
	return timingSafeEqual(received, expected) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** The header value Meta would send for this body: for tests, the simulator and the sandbox. */
export function signatureHeader(rawBody: Buffer | string, appSecret: string): string {
	const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return `sha256=${expectedSignature(bytes, appSecret).toString('hex')}`;
}
