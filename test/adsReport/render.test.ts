/**
 * The renderers: the PNG decodes with an independent parser (pngjs) and has
 * line pixels where the data says; our deflate inflates with Node's zlib;
 * the CSV round-trips; names are escaped in every HTML variant.
 */
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { inflateSync } from 'zlib';

import { chartGeometry, niceScale } from '../../nodes/AdsReport/render/chartModel';
import { PNG_SCALE, renderChartPng } from '../../nodes/AdsReport/render/chartPng';
import { CSV_BOM, reportCsv } from '../../nodes/AdsReport/render/csv';
import { adler32, zlibDeflate } from '../../nodes/AdsReport/render/deflate';
import { renderHtml } from '../../nodes/AdsReport/render/html';
import { crc32, encodePng } from '../../nodes/AdsReport/render/png';
import { dayNumber } from '../../nodes/shared/days';
import { buildFixtureReport } from './buildFixture';
import { QUOTED_NAME, SCRIPT_NAME, fixtureRows, metricRow } from './fixture';

describe('PNG and deflate', () => {
	it('CRC-32 and Adler-32 match their check values', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
	});

	it('deflate output inflates back with zlib, for any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 400 }), (bytes, repeat) => {
				// Repetition exercises long matches and distances; raw bytes exercise literals.
				const data = Buffer.concat([Buffer.from(bytes), Buffer.alloc(repeat * 7, bytes[0] ?? 1), Buffer.from(bytes)]);
				expect(inflateSync(zlibDeflate(data)).equals(data)).toBe(true);
			}),
			{ numRuns: 60 },
		);
	});

	it('an encoded image decodes to the same pixels', () => {
		const width = 37;
		const height = 11;
		const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * 31 + (i % 7) * 13) & 0xff);
		const decoded = PNG.sync.read(encodePng(width, height, rgb));
		expect([decoded.width, decoded.height]).toEqual([width, height]);
		for (let p = 0; p < width * height; p++) expect([decoded.data[p * 4], decoded.data[p * 4 + 1], decoded.data[p * 4 + 2], decoded.data[p * 4 + 3]]).toEqual([rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2], 255]);
	});
});

describe('chart PNG', () => {
	const report = buildFixtureReport({ monthlyBudget: 0 });
	const eur = report.sections.find((s) => s.currency === 'EUR')!;
	const geometry = chartGeometry(eur, report.layout, report.periods.current.from);
	const png = PNG.sync.read(renderChartPng(geometry).png);
	const pixel = (x: number, y: number) => {
		const at = (Math.round(y * PNG_SCALE) * png.width + Math.round(x * PNG_SCALE)) * 4;
		return `#${[png.data[at], png.data[at + 1], png.data[at + 2]].map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
	};

	it('has the documented size', () => {
		expect([png.width, png.height]).toEqual([1280, 720]);
	});

	it('draws the lines where the data says (positions computed by hand)', () => {
		// Chart: 2026-11-17 .. 2026-11-30 (14 days) over x 60 .. 612; spend panel y 26 .. 154.
		// Highest daily EUR spend is Google's 50 on 11-30 → axis top 60 (steps of 20).
		expect(niceScale(50)).toEqual({ top: 60, step: 20 });
		const x30 = 612;
		// Meta on 11-30: c1 10 + c2 20 = 30 → y = 154 − 30/60 × 128 = 90; Google 50 → y = 154 − 50/60 × 128 = 47.33.
		expect(pixel(x30, 90)).toBe('#1877F2');
		expect(pixel(x30, 47.33)).toBe('#EA8600');
		// Meta on 11-17: 8 → x = 60, y = 154 − 8/60 × 128 = 136.93.
		expect(pixel(60, 136.93)).toBe('#1877F2');
		// Nothing is drawn high above the Meta line in the history part of the chart (background).
		expect(pixel(150, 40)).toBe('#FFFFFF');
		expect(pixel(600, 40)).toBe('#EFF6FF'); // the current week's shaded band
	});

	it('has substantial drawn content in both platform colours', () => {
		let meta = 0;
		let google = 0;
		for (let i = 0; i < png.data.length; i += 4) {
			const rgb = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
			if (rgb === 0x1877f2) meta++;
			if (rgb === 0xea8600) google++;
		}
		expect(meta).toBeGreaterThan(2000);
		expect(google).toBeGreaterThan(2000);
	});
});

/** A strict RFC 4180 parser, written independently of the writer. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

describe('CSV', () => {
	it('round-trips names with commas, quotes and line breaks; numbers stay numbers', () => {
		const report = buildFixtureReport();
		const text = reportCsv(report);
		expect(text.startsWith(CSV_BOM)).toBe(true);
		const [header, ...rows] = parseCsv(text.slice(1));
		expect(rows).toHaveLength(fixtureRows().length);
		const col = (name: string) => header.indexOf(name);
		const c2 = rows.find((r) => r[col('entityId')] === 'c2')!;
		expect(c2[col('entityName')]).toBe(QUOTED_NAME);
		expect(c2[col('campaignName')]).toBe(QUOTED_NAME);
		const g = rows.find((r) => r[col('entityId')] === 'a1' && r[col('date')] === '2026-11-30')!;
		expect(g[col('campaignName')]).toBe(SCRIPT_NAME);
		expect([g[col('spend')], g[col('conversions')], g[col('window')], g[col('currency')]]).toEqual(['50', '2', 'current', 'EUR']);
		const spendSum = rows.filter((r) => r[col('currency')] === 'EUR' && r[col('window')] === 'current').reduce((sum, r) => sum + Number(r[col('spend')]), 0);
		expect(spendSum).toBe(170);
	});

	it('defuses cells a spreadsheet would run as a formula', () => {
		const rows = [metricRow({ entityId: 'x', entityName: '=HYPERLINK("http://evil")', date: '2026-11-30', spend: 1, conversions: 0, value: 0 })];
		const text = reportCsv(buildFixtureReport({ monthlyBudget: 0 }, [], rows));
		expect(parseCsv(text.slice(1))[1]).toContain('\'=HYPERLINK("http://evil")');
	});
});

describe('HTML', () => {
	const report = buildFixtureReport();
	const eur = report.sections[0];
	const charts = [{ currency: 'EUR', cid: 'chart_EUR', geometry: chartGeometry(eur, report.layout, report.periods.current.from) }];
	const email = renderHtml(report, charts, 'email');
	const pdf = renderHtml(report, charts, 'pdf');

	it('escapes names in both variants', () => {
		for (const html of [email, pdf]) {
			expect(html).not.toContain('<script');
			expect(html).toContain('Search &lt;script&gt;alert(1)&lt;/script&gt;');
			expect(html).toContain('Retargeting, &quot;VIP&quot;');
		}
	});

	it('email: inline styles and table layout, the chart by Content-ID, no SVG or style sheet', () => {
		expect(email).toContain('<img src="cid:chart_EUR" width="640" height="360"');
		expect(email).not.toMatch(/<svg|<style|class=/);
		expect(email).toContain('role="presentation"');
	});

	it('PDF: inline SVG chart and a print style sheet, no cid reference', () => {
		expect(pdf).toMatch(/<svg xmlns='http:\/\/www.w3.org\/2000\/svg' width='640' height='360'/);
		expect(pdf).toContain('@page{size:A4');
		expect(pdf).not.toContain('cid:');
	});

	it('states that currencies are not added and lists each currency separately', () => {
		expect(email).toContain('Amounts are grouped by currency (EUR, USD) and never added across currencies.');
		expect(email).toContain('Amounts in EUR');
		expect(email).toContain('Amounts in USD');
		expect(email).not.toMatch(/EUR 270\.00|USD 270\.00/);
	});

	it('the chart day positions follow the window', () => {
		expect(charts[0].geometry.xTicks[charts[0].geometry.xTicks.length - 1].label).toBe('11-30');
		expect(report.periods.current.from).toBe(dayNumber('2026-11-24'));
	});
});
