/**
 * Why the comparison matters. n8n's Facebook Lead Ads trigger
 * (nodes-base/nodes/FacebookLeadAds/FacebookLeadAdsTrigger.node.ts) does
 *     if (headerData['x-hub-signature-256'] !== `sha256=${computedSignature}`) return {};
 * A string `!==` stops at the first differing character, so the time to
 * reject leaks how long a prefix of a forged signature is right; an attacker
 * who can time many requests recovers the signature byte by byte. Ours
 * decodes the hex and compares the two 32-byte digests with
 * crypto.timingSafeEqual, whose time does not depend on where they differ.
 * Timing itself is not measured here (timed tests flake); these tests pin the
 * properties that make the comparison constant-time and correct.
 */
import * as crypto from 'crypto';

import { signatureHeader, verifySignature } from '../../nodes/MetaAdsTrigger/signature';

// crypto's exports cannot be spied on in place; wrap timingSafeEqual, keep its behaviour.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SECRET = 'app-secret-for-tests';
const body = Buffer.from('{"object":"ad_account","entry":[{"id":"1","time":1795000000,"changes":[]}]}');
const right = signatureHeader(body, SECRET);
const rightHex = right.slice('sha256='.length);

/** n8n's Lead Ads check, verbatim in logic. */
function n8nLeadAdsAccepts(header: string | undefined): boolean {
	const computed = crypto.createHmac('sha256', SECRET).update(body).digest('hex');
	return !(header !== `sha256=${computed}`);
}

beforeEach(() => (crypto.timingSafeEqual as jest.Mock).mockClear());

describe('constant-time signature comparison', () => {
	it('compares every well-formed header with timingSafeEqual on two 32-byte digests', () => {
		const spy = crypto.timingSafeEqual as jest.Mock;
		const sameLengthWrong = `sha256=${rightHex.slice(0, 63)}${rightHex[63] === '0' ? '1' : '0'}`;
		for (const header of [right, sameLengthWrong, `sha256=${'0'.repeat(64)}`]) verifySignature(body, header, SECRET);
		expect(spy).toHaveBeenCalledTimes(3);
		for (const [a, b] of spy.mock.calls) {
			expect((a as Buffer).length).toBe(32);
			expect((b as Buffer).length).toBe(32);
		}
	});

	it('rejects same-length wrong signatures wherever they differ (first, middle or last byte)', () => {
		for (const position of [0, 31, 63]) {
			const flipped = rightHex[position] === 'a' ? 'b' : 'a';
			const forged = `sha256=${rightHex.slice(0, position)}${flipped}${rightHex.slice(position + 1)}`;
			expect(verifySignature(body, forged, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
			expect(n8nLeadAdsAccepts(forged)).toBe(false);
		}
		expect(verifySignature(body, right, SECRET)).toEqual({ valid: true });
	});

	it('never throws on a length mismatch (timingSafeEqual would): too short, too long, odd hex, not hex', () => {
		for (const header of [`sha256=${rightHex.slice(0, 62)}`, `sha256=${rightHex}00`, `sha256=${rightHex.slice(0, 63)}`, `sha256=${'z'.repeat(64)}`, 'sha256=', right + ' extra']) {
			expect(() => verifySignature(body, header, SECRET)).not.toThrow();
			expect(verifySignature(body, header, SECRET).valid).toBe(false);
		}
		// What a naive timingSafeEqual over the raw strings would do with them:
		expect(() => crypto.timingSafeEqual(Buffer.from(`sha256=${rightHex.slice(0, 62)}`), Buffer.from(right))).toThrow();
	});

	it('treats the hex case as the same bytes but the prefix as part of the format', () => {
		// Upper-case hex encodes the same digest: ours accepts it, n8n's string compare does not.
		expect(verifySignature(body, `sha256=${rightHex.toUpperCase()}`, SECRET)).toEqual({ valid: true });
		expect(n8nLeadAdsAccepts(`sha256=${rightHex.toUpperCase()}`)).toBe(false);
		// Any other algorithm label, or none, is refused by both.
		for (const header of [`SHA256=${rightHex}`, `sha1=${rightHex}`, rightHex, ` sha256 = ${rightHex}`]) {
			expect(verifySignature(body, header, SECRET).valid).toBe(false);
			expect(n8nLeadAdsAccepts(header)).toBe(false);
		}
	});

	it('says "missing" for an absent or blank header and takes the first of repeated headers', () => {
		expect(verifySignature(body, undefined, SECRET)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature(body, '  ', SECRET)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature(body, [right, 'sha256=00'], SECRET)).toEqual({ valid: true });
	});
});
