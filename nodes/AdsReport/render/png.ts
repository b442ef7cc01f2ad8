/**
 * A PNG encoder with no dependency (render/deflate.ts compresses): 8-bit RGB,
 * one filter byte per scanline chosen by the usual minimum-sum-of-absolute-
 * differences heuristic (PNG spec §12.8), chunks with CRC-32.
 */
import { zlibDeflate } from './deflate';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (ISO 3309) as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Filters one scanline with filter `type` into `out` (without the filter
 * byte) and returns its cost. One plain loop per filter type: this runs
 * five times per scanline, so it is kept branch-free inside.
 */
function filterLine(type: number, line: Uint8Array, prior: Uint8Array, bpp: number, out: Uint8Array): number {
	const n = line.length;
	switch (type) {
		case 0:
			out.set(line);
			break;
		case 1:
			for (let i = 0; i < n; i++) out[i] = (line[i] - (i >= bpp ? line[i - bpp] : 0)) & 0xff;
			break;
		case 2:
			for (let i = 0; i < n; i++) out[i] = (line[i] - prior[i]) & 0xff;
			break;
		case 3:
			for (let i = 0; i < n; i++) out[i] = (line[i] - (((i >= bpp ? line[i - bpp] : 0) + prior[i]) >> 1)) & 0xff;
			break;
		default:
			for (let i = 0; i < n; i++) out[i] = (line[i] - (i >= bpp ? paeth(line[i - bpp], prior[i], prior[i - bpp]) : prior[i])) & 0xff;
	}
	let cost = 0;
	for (let i = 0; i < n; i++) cost += out[i] < 128 ? out[i] : 256 - out[i];
	return cost;
}

/** Encodes `rgb` (width × height × 3 bytes, rows top to bottom) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
	if (rgb.length !== width * height * 3) throw new Error(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
	const stride = width * 3;
	const raw = Buffer.alloc((stride + 1) * height);
	const candidate = new Uint8Array(stride);
	const best = new Uint8Array(stride);
	let prior: Uint8Array = new Uint8Array(stride);
	for (let y = 0; y < height; y++) {
		const line = rgb.subarray(y * stride, (y + 1) * stride);
		let bestType = 0;
		let bestCost = Infinity;
		for (let type = 0; type <= 4 && bestCost > 0; type++) {
			const cost = filterLine(type, line, prior, 3, candidate);
			if (cost < bestCost) {
				bestCost = cost;
				bestType = type;
				best.set(candidate);
			}
		}
		raw[y * (stride + 1)] = bestType;
		raw.set(best, y * (stride + 1) + 1);
		prior = line;
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: truecolour RGB
	header[10] = 0; // deflate
	header[11] = 0; // adaptive filtering
	header[12] = 0; // no interlace
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibDeflate(raw)), chunk('IEND', Buffer.alloc(0))]);
}
