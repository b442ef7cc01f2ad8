/**
 * Ads Report: (1) the chart's own deflate beside Node's zlib on the same
 * filtered scanlines (zlib is the peer: the node may not use it, see
 * render/deflate.ts), time and size; (2) a whole report over 60,000 metric
 * rows (600 campaigns × 100 days, Meta and Google, EUR and USD): parse,
 * build, HTML, PNG charts and CSV, with peak memory.
 * Run: npx tsc -p tsconfig.tools.json && node --expose-gc build/bench/adsReport.bench.js
 */
import { deflateSync, inflateSync } from 'zlib';

import { parseRows } from '../nodes/shared/n8n/decisionNode';
import { buildReport } from '../nodes/AdsReport/report/build';
import { resolvePeriods } from '../nodes/AdsReport/report/period';
import type { Periods, ReportLayout } from '../nodes/AdsReport/report/types';
import { chartGeometry } from '../nodes/AdsReport/render/chartModel';
import { renderChartPng } from '../nodes/AdsReport/render/chartPng';
import { reportCsv } from '../nodes/AdsReport/render/csv';
import { zlibDeflate } from '../nodes/AdsReport/render/deflate';
import { renderHtml } from '../nodes/AdsReport/render/html';
import { mulberry32 } from '../simulator/dataset/prng';
import { round, withPeakMemory } from './support/measure';

const LAYOUT: ReportLayout = { kind: 'performance', title: '', kpi: 'roas', rankLevel: 'campaign', topN: 5, minSpend: 0, showCampaigns: true, maxListed: 10, chartSecondMetric: 'conversions', locale: 'en-US' };

function makeRows(campaigns: number, days: number): Record<string, unknown>[] {
	const rand = mulberry32(7);
	const rows: Record<string, unknown>[] = [];
	const end = Date.UTC(2026, 10, 30);
	for (let c = 0; c < campaigns; c++) {
		const google = c % 2 === 1;
		const currency = c % 3 === 0 ? 'USD' : 'EUR';
		for (let d = 0; d < days; d++) {
			const spend = Math.round((20 + rand() * 200) * 100) / 100;
			const conversions = Math.round(spend / (10 + rand() * 30));
			rows.push({
				schema: 'adpilot.metricRow/v1', platform: google ? 'google' : 'meta', level: 'campaign', entityId: `c${c}`, entityName: `Campaign ${c}`, campaignId: `c${c}`,
				accountId: `${google ? 'g' : 'm'}${currency}`, date: new Date(end - d * 86_400_000).toISOString().slice(0, 10), currency,
				impressions: Math.round(spend * 90), clicks: Math.round(spend * 1.5), spend, conversions, value: conversions * 45,
			});
		}
	}
	return rows;
}

function time<T>(work: () => T): { result: T; ms: number } {
	const t0 = performance.now();
	const result = work();
	return { result, ms: round(performance.now() - t0, 1) };
}

async function main(): Promise<void> {
	const periods = resolvePeriods({ type: 'monthly', timezone: 'UTC', referenceDate: '2026-11-30', customFrom: '', customTo: '', now: new Date() }) as Periods;
	const jsons = makeRows(600, 100);
	const { result: report } = time(() => buildReport({ rows: parseRows(jsons as never).rows, context: [], periods, layout: LAYOUT, monthlyBudget: 0, budgetCurrency: '' }));
	if ('problem' in report) throw new Error(report.problem);

	// (1) Compression of one chart's filtered scanlines: ours vs zlib.
	const geometry = chartGeometry(report.sections[0], LAYOUT, periods.current.from);
	renderChartPng(geometry); // warm up
	const raw = Buffer.alloc((1280 * 3 + 1) * 720);
	const png = renderChartPng(geometry).png;
	const inflated = inflateSync(png.subarray(41, png.length - 16)); // our PNG's single IDAT: after signature (8) and IHDR (25) plus its own header (8), before CRC and IEND (16)
	inflated.copy(raw);
	for (const [name, work] of [
		['own deflate (LZ77 + fixed Huffman)', () => zlibDeflate(raw)],
		['zlib deflateSync level 6 (peer)', () => deflateSync(raw, { level: 6 })],
		['zlib deflateSync level 9 (peer)', () => deflateSync(raw, { level: 9 })],
	] as const) {
		work();
		const { result, ms } = time(work);
		console.log(`chart scanlines ${raw.length} bytes → ${name}: ${result.length} bytes in ${ms} ms`);
	}
	const { ms: pngMs } = time(() => renderChartPng(geometry));
	console.log(`one chart PNG 1280×720, end to end: ${pngMs} ms, ${png.length} bytes`);

	// (2) The whole report.
	const peak = await withPeakMemory(async () => {
		const t0 = performance.now();
		const built = buildReport({ rows: parseRows(jsons as never).rows, context: [], periods, layout: LAYOUT, monthlyBudget: 0, budgetCurrency: '' });
		if ('problem' in built) throw new Error(built.problem);
		const t1 = performance.now();
		const charts = built.sections.map((s) => ({ currency: s.currency, cid: `chart_${s.currency}`, geometry: chartGeometry(s, LAYOUT, periods.current.from) }));
		const pngs = charts.map((c) => renderChartPng(c.geometry).png);
		const t2 = performance.now();
		const html = renderHtml(built, charts, 'email');
		const pdf = renderHtml(built, charts, 'pdf');
		const csv = reportCsv(built);
		const t3 = performance.now();
		return { build: t1 - t0, charts: t2 - t1, text: t3 - t2, sizes: [html.length, pdf.length, csv.length, pngs.reduce((n, p) => n + p.length, 0)] };
	});
	const r = peak.result;
	console.log(
		`report over ${jsons.length} rows (${report.sections.length} currencies): parse+build ${round(r.build, 0)} ms, ${report.sections.length} charts ${round(r.charts, 0)} ms, HTML+PDF+CSV ${round(r.text, 0)} ms; ` +
			`email HTML ${r.sizes[0]} B, PDF HTML ${r.sizes[1]} B, CSV ${r.sizes[2]} B, PNGs ${r.sizes[3]} B; peak RSS +${round(peak.rssMb, 0)} MiB, heap +${round(peak.heapMb, 0)} MiB`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
