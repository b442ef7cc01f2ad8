/**
 * A small RGB raster for the chart: rectangles, thick lines and text in the
 * bitmap font. Coordinates are in logical pixels; `scale` multiplies them so
 * the PNG stays sharp on high-density screens.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from './font';

export type Rgb = readonly [number, number, number];

export function hexColor(hex: string): Rgb {
	const n = parseInt(hex.replace('#', ''), 16);
	return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export class Raster {
	readonly pixels: Uint8Array;
	readonly pixelWidth: number;
	readonly pixelHeight: number;

	constructor(
		readonly width: number,
		readonly height: number,
		readonly scale: number,
		background: Rgb,
	) {
		this.pixelWidth = Math.round(width * scale);
		this.pixelHeight = Math.round(height * scale);
		this.pixels = new Uint8Array(this.pixelWidth * this.pixelHeight * 3);
		// Paint one pixel, then double the painted prefix: log2(n) copies instead of n small writes.
		this.pixels.set(background, 0);
		for (let filled = 3; filled < this.pixels.length; filled *= 2) this.pixels.copyWithin(filled, 0, Math.min(filled, this.pixels.length - filled));
	}

	private set(px: number, py: number, color: Rgb): void {
		if (px < 0 || py < 0 || px >= this.pixelWidth || py >= this.pixelHeight) return;
		const at = (py * this.pixelWidth + px) * 3;
		this.pixels[at] = color[0];
		this.pixels[at + 1] = color[1];
		this.pixels[at + 2] = color[2];
	}

	/** Fills a rectangle given in logical coordinates. */
	fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
		const x0 = Math.round(x * this.scale);
		const y0 = Math.round(y * this.scale);
		const x1 = Math.round((x + w) * this.scale);
		const y1 = Math.round((y + h) * this.scale);
		for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) this.set(px, py, color);
	}

	/** A line `thickness` logical pixels wide (a square brush stamped along Bresenham). */
	line(x0: number, y0: number, x1: number, y1: number, thickness: number, color: Rgb): void {
		let ax = Math.round(x0 * this.scale);
		let ay = Math.round(y0 * this.scale);
		const bx = Math.round(x1 * this.scale);
		const by = Math.round(y1 * this.scale);
		const half = Math.max(0, Math.round((thickness * this.scale) / 2) - 1);
		const dx = Math.abs(bx - ax);
		const dy = -Math.abs(by - ay);
		const sx = ax < bx ? 1 : -1;
		const sy = ay < by ? 1 : -1;
		let err = dx + dy;
		for (;;) {
			for (let oy = -half; oy <= half; oy++) for (let ox = -half; ox <= half; ox++) this.set(ax + ox, ay + oy, color);
			if (ax === bx && ay === by) break;
			const e2 = 2 * err;
			if (e2 >= dy) {
				err += dy;
				ax += sx;
			}
			if (e2 <= dx) {
				err += dx;
				ay += sy;
			}
		}
	}

	/** Width in logical pixels of `text` at `size` (1 = 5×7 glyphs). */
	static textWidth(text: string, size: number): number {
		return text.length === 0 ? 0 : text.length * (GLYPH_WIDTH + 1) * size - size;
	}

	/** Draws text with its top-left corner at (x, y); characters the font lacks are drawn as '?'. */
	text(x: number, y: number, text: string, size: number, color: Rgb): void {
		let cursor = x;
		for (const char of text) {
			const glyph = glyphFor(char);
			for (let row = 0; row < GLYPH_HEIGHT; row++) {
				for (let col = 0; col < GLYPH_WIDTH; col++) {
					if (glyph[row][col] === '#') this.fillRect(cursor + col * size, y + row * size, size, size, color);
				}
			}
			cursor += (GLYPH_WIDTH + 1) * size;
		}
	}
}
