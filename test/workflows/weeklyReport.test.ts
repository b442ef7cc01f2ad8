/**
 * Template "Weekly report" (workflows/weekly-report.json), its AdPilot path
 * in process against the simulator: Meta and Google campaign rows (14 days)
 * → Ads Report (weekly) → what the email node gets: the HTML with a cid:
 * reference per chart, the PNG chart and the CSV of exactly the rows of the
 * two weeks. The real-n8n e2e run checks the mail itself in the SMTP sink.
 */
import { PNG } from 'pngjs';
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { runTemplateChain } from './templatePath';
import { loadTemplate, simulatorCredentials } from './templates';

const template = loadTemplate('weekly-report.json');
const META = 'Meta campaigns, last 14 days';
const GOOGLE = 'Google campaigns, last 14 days';
const REPORT = 'Weekly report';

/** RFC 4180 lines of the report's CSV (no field in these rows holds a line break), without the BOM. */
function csvRecords(text: string): Array<Record<string, string>> {
	const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
	const [header, ...lines] = text.replace(/^\ufeff/, '').trim().split('\r\n');
	const columns = split(header);
	return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [columns[i], v])));
}

describe('template: Weekly report', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 4, adSetsPerCampaign: 2 } });
	});
	afterAll(async () => sim.close());

	it('reports last week vs the week before for both platforms, with the chart and the rows as CSV', async () => {
		const credentials = simulatorCredentials(sim);
		const meta = (await runTemplateChain(template, [META], [], { credentials })).output(META);
		const google = (await runTemplateChain(template, [GOOGLE], [], { credentials })).output(GOOGLE);
		const rows = [...meta, ...google];
		// Monday 2026-11-16's run reports on Sunday 2026-11-15 and the 13 days before; here the reference is pinned.
		const result = await runTemplateChain(template, [REPORT], rows, { credentials, parameters: { [REPORT]: { referenceDate: '2026-11-19', timezone: 'UTC' } } });
		const [report] = result.output(REPORT);
		expect(report).toMatchObject({ schema: 'adpilot.report/v1', empty: false, period: { current: { from: '2026-11-13', to: '2026-11-19' }, previous: { from: '2026-11-06', to: '2026-11-12' } } });
		const [section] = report.sections as Array<{ currency: string; platforms: Array<{ platform: string; totals: { spend: { current: number; previous: number } } }> }>;
		expect(section.platforms.map((p) => p.platform).sort()).toEqual(['google', 'meta']);
		for (const platform of section.platforms) {
			const spend = (from: string, to: string) => rows.filter((r) => r.platform === platform.platform && String(r.date) >= from && String(r.date) <= to).reduce((sum, r) => sum + Number(r.spend), 0);
			expect(platform.totals.spend.current).toBeCloseTo(spend('2026-11-13', '2026-11-19'), 2);
			expect(platform.totals.spend.previous).toBeCloseTo(spend('2026-11-06', '2026-11-12'), 2);
		}

		const charts = report.charts as IDataObject[];
		expect(charts.map((c) => c.cid)).toEqual(['chart']);
		expect(String(report.html)).toContain('src="cid:chart"');
		const binary = result.run.data.resultData.runData[REPORT][0].data!.main[0]![0].binary!;
		expect(PNG.sync.read(Buffer.from(binary.chart.data, 'base64')).width).toBeGreaterThan(0);
		expect(binary.pdfHtml).toBeUndefined();

		const csv = csvRecords(Buffer.from(binary.csv.data, 'base64').toString('utf8'));
		const inWeeks = rows.filter((r) => String(r.date) >= '2026-11-06' && String(r.date) <= '2026-11-19');
		expect(csv).toHaveLength(inWeeks.length);
		expect(csv.map((r) => `${r.platform}:${r.entityId}:${r.date}:${Number(r.spend)}`).sort()).toEqual(inWeeks.map((r) => `${r.platform}:${r.entityId}:${r.date}:${Number(r.spend)}`).sort());
		for (const record of csv) expect(record.window).toBe(record.date >= '2026-11-13' ? 'current' : 'previous');
	});
});
