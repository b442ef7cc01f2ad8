/**
 * A small zlib (RFC 1950) / deflate (RFC 1951) compressor: LZ77 with hash
 * chains and the fixed Huffman codes, enough for chart images, which are
 * mostly runs after PNG filtering.
 *
 * Why not Node's zlib: n8n's community-node lint (no-restricted-imports,
 * the rule n8n Cloud verification runs) allows only a short list of
 * modules, and zlib is not on it. This keeps the package verifiable.
 */
const WINDOW = 32_768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_CHAIN = 32;
const HASH_BITS = 15;
const LONG_MATCH = 32;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

class BitWriter {
	private bytes: Uint8Array;
	private length = 0;
	private bitBuffer = 0;
	private bitCount = 0;

	constructor(capacity: number) {
		this.bytes = new Uint8Array(Math.max(64, capacity));
	}

	private pushByte(b: number): void {
		if (this.length === this.bytes.length) {
			const bigger = new Uint8Array(this.bytes.length * 2);
			bigger.set(this.bytes);
			this.bytes = bigger;
		}
		this.bytes[this.length++] = b;
	}

	/** Writes `count` bits of `value`, least significant first (deflate's bit order). */
	bits(value: number, count: number): void {
		this.bitBuffer |= value << this.bitCount;
		this.bitCount += count;
		while (this.bitCount >= 8) {
			this.pushByte(this.bitBuffer & 0xff);
			this.bitBuffer >>>= 8;
			this.bitCount -= 8;
		}
	}

	/** Writes a Huffman code, most significant bit first. */
	code(code: number, length: number): void {
		this.bits(reverseBits(code, length), length);
	}

	finish(): Uint8Array {
		if (this.bitCount > 0) this.pushByte(this.bitBuffer & 0xff);
		this.bitBuffer = 0;
		this.bitCount = 0;
		return this.bytes.subarray(0, this.length);
	}
}

function reverseBits(code: number, length: number): number {
	let reversed = 0;
	for (let i = 0; i < length; i++) reversed |= ((code >> i) & 1) << (length - 1 - i);
	return reversed;
}

/** The fixed literal/length codes (RFC 1951 §3.2.6), already bit-reversed for the LSB-first stream. */
const FIXED_CODES = new Uint16Array(288);
const FIXED_LENGTHS = new Uint8Array(288);
for (let symbol = 0; symbol < 288; symbol++) {
	const [code, length] = symbol < 144 ? [0x30 + symbol, 8] : symbol < 256 ? [0x190 + symbol - 144, 9] : symbol < 280 ? [symbol - 256, 7] : [0xc0 + symbol - 280, 8];
	FIXED_CODES[symbol] = reverseBits(code, length);
	FIXED_LENGTHS[symbol] = length;
}

function literal(out: BitWriter, symbol: number): void {
	out.bits(FIXED_CODES[symbol], FIXED_LENGTHS[symbol]);
}

function upperIndex(table: number[], value: number): number {
	let i = table.length - 1;
	while (table[i] > value) i--;
	return i;
}

function match(out: BitWriter, length: number, distance: number): void {
	const l = upperIndex(LENGTH_BASE, length);
	literal(out, 257 + l);
	if (LENGTH_EXTRA[l] > 0) out.bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
	const d = upperIndex(DIST_BASE, distance);
	out.code(d, 5);
	if (DIST_EXTRA[d] > 0) out.bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
}

export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (let i = 0; i < data.length; ) {
		const end = Math.min(i + 5552, data.length); // the largest run before the sums must be reduced
		for (; i < end; i++) {
			a += data[i];
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return ((b << 16) | a) >>> 0;
}

/** Compresses `data` into a zlib stream (what PNG's IDAT holds). */
export function zlibDeflate(data: Uint8Array): Buffer {
	const out = new BitWriter(data.length / 4 + 16);
	out.bits(0x78, 8); // CMF: deflate, 32 KiB window
	out.bits(0x01, 8); // FLG: no dictionary, check bits make the header a multiple of 31
	out.bits(1, 1); // BFINAL: one block
	out.bits(1, 2); // BTYPE 01: fixed Huffman codes
	const head = new Int32Array(1 << HASH_BITS).fill(-1);
	const previous = new Int32Array(data.length);
	const hashAt = (i: number) => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & ((1 << HASH_BITS) - 1);
	const insert = (i: number) => {
		if (i + MIN_MATCH > data.length) return;
		const h = hashAt(i);
		previous[i] = head[h];
		head[h] = i;
	};
	let i = 0;
	while (i < data.length) {
		let bestLength = 0;
		let bestDistance = 0;
		if (i + MIN_MATCH <= data.length) {
			const limit = Math.min(MAX_MATCH, data.length - i);
			let candidate = head[hashAt(i)];
			for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
				// A candidate that cannot beat the best so far fails on its byte at bestLength.
				if (bestLength > 0 && data[candidate + bestLength] !== data[i + bestLength]) {
					candidate = previous[candidate];
					continue;
				}
				let length = 0;
				while (length < limit && data[candidate + length] === data[i + length]) length++;
				if (length > bestLength) {
					bestLength = length;
					bestDistance = i - candidate;
					if (length === limit) break;
				}
				candidate = previous[candidate];
			}
		}
		if (bestLength >= MIN_MATCH) {
			match(out, bestLength, bestDistance);
			// Long matches are runs: indexing their tail is enough to find the run again (zlib's max_insert_length idea).
			for (let k = bestLength > LONG_MATCH ? bestLength - 2 : 0; k < bestLength; k++) insert(i + k);
			i += bestLength;
		} else {
			literal(out, data[i]);
			insert(i);
			i++;
		}
	}
	literal(out, 256); // end of block
	const body = out.finish();
	const result = Buffer.alloc(body.length + 4);
	result.set(body);
	result.writeUInt32BE(adler32(data), body.length);
	return result;
}
