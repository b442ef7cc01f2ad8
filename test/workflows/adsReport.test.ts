/**
 * Ads Report in a workflow, in process with n8n-core's engine (test/harness):
 * Meta insights from the simulator → Ads Report (first input) and → Ads
 * Analytics Forecast with a monthly budget → Ads Report (second input) →
 * Send Email (recorded). The report's numbers are checked against the rows
 * the insights node actually emitted.
 */
import { PNG } from 'pngjs';
import type { IDataObject, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { simulatorCredentials } from './templates';

const REFERENCE = '2026-11-19'; // the simulator's "yesterday"

function node(name: string, type: string, parameters: IDataObject, x: number, y = 0): INode {
	return { id: name, name, type, typeVersion: 1, position: [x, y], parameters: parameters as INode['parameters'] };
}

const workflow: WorkflowJson = {
	name: 'weekly report',
	nodes: [
		node('Run now', 'n8n-nodes-base.manualTrigger', {}, 0),
		{
			...node('Campaign insights', 'n8n-nodes-adpilot.metaAds', { resource: 'insights', operation: 'get', scope: 'account', adAccountId: { __rl: true, mode: 'id', value: '100010000000001' }, level: 'campaign', dateMode: 'preset', datePreset: 'last_30d', timeIncrement: 'daily', options: {} }, 200),
			credentials: { adPilotMetaAdsApi: { id: 'adpilotMetaSandbox', name: 'AdPilot Meta Ads (sandbox)' } },
		},
		node('Forecast', 'n8n-nodes-adpilot.adsAnalytics', { operation: 'forecast', forecastMetrics: ['spend'], horizonDays: 7, trailingDays: 14, model: 'average', monthlyBudget: 50000, forecastOptions: { pacingScope: 'total' } }, 400, 200),
		node('Weekly report', 'n8n-nodes-adpilot.adsReport', { operation: 'performanceReport', period: 'weekly', referenceDate: REFERENCE, timezone: 'Europe/Berlin', kpi: 'roas', rankLevel: 'campaign', monthlyBudget: 50000, budgetCurrency: '', reportOptions: {} }, 600),
		node('Email the report', 'n8n-nodes-base.emailSend', { subject: '={{ $json.subject }}', html: '={{ $json.html }}', attachments: '={{ $json.attachments }}' }, 800),
	],
	connections: {
		'Run now': { main: [[{ node: 'Campaign insights', type: 'main', index: 0 }]] },
		'Campaign insights': { main: [[{ node: 'Weekly report', type: 'main', index: 0 }, { node: 'Forecast', type: 'main', index: 0 }]] },
		Forecast: { main: [[{ node: 'Weekly report', type: 'main', index: 1 }]] },
		'Weekly report': { main: [[{ node: 'Email the report', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

describe('workflow: Meta insights → Ads Report with a forecast → email', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 4, adSetsPerCampaign: 2 } });
	});
	afterAll(async () => sim.close());

	it('reports the week the rows hold, paces with the forecast and hands the email node HTML and attachments', async () => {
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
		const rows = result.output('Campaign insights');
		const inWeek = rows.filter((r) => String(r.date) >= '2026-11-13' && String(r.date) <= REFERENCE);
		expect(inWeek.length).toBeGreaterThan(0);
		const expectedSpend = inWeek.reduce((sum, r) => sum + Number(r.spend), 0);

		const [report] = result.output('Weekly report');
		expect(report.schema).toBe('adpilot.report/v1');
		const [section] = report.sections as Array<{ currency: string; totals: { spend: { current: number } } }>;
		expect(report.currencies).toEqual([rows[0].currency]);
		expect(section.totals.spend.current).toBeCloseTo(expectedSpend, 4);

		const forecastSummary = result.output('Forecast').find((f) => f.summary === true) as { pacing: { projectedMonthEndSpend: number } };
		expect(report.pacing).toMatchObject({ source: 'forecast', projectedMonthEndSpend: forecastSummary.pacing.projectedMonthEndSpend, month: '2026-11' });

		const [email] = result.recorded['Email the report'][0];
		expect(email.attachments).toBe('chart,csv');
		expect(String(email.html)).toContain('src="cid:chart"');

		const binary = result.run.data.resultData.runData['Weekly report'][0].data!.main[0]![0].binary!;
		const png = PNG.sync.read(Buffer.from(binary.chart.data, 'base64'));
		expect([png.width, png.height]).toEqual([1280, 720]);
		expect(binary.csv.mimeType).toBe('text/csv');
	});
});
