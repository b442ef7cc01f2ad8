import { parseMetricRow } from '../../nodes/shared/contracts';
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

// Template: schedule → Google Ads report (ad groups, 30 days) → Ads Analytics anomalies → filter → Slack.
describe('template: Google Ads anomaly alerts', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 4, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());

	it('reports normalized rows, scores the latest day of every ad group and passes anomalies on', async () => {
		const result = await runWorkflow(loadTemplate('google-ads-anomaly-alerts.json'), { credentials: simulatorCredentials(sim) });

		const rows = result.output('Ad group report, last 30 days');
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(parseMetricRow(row).ok).toBe(true);
			expect(row).toMatchObject({ platform: 'google', level: 'adSet', accountId: '5550000001' });
		}
		const latest = rows.map((r) => String(r.date)).sort().at(-1);
		const adGroups = new Set(rows.map((r) => r.entityId));

		const findings = result.output('Detect anomalies');
		expect(findings.length).toBeGreaterThan(0);
		for (const finding of findings) {
			expect(adGroups.has(finding.entityId)).toBe(true);
			if (finding.skipped === true) {
				expect(typeof finding.reason).toBe('string');
			} else {
				expect(finding.date).toBe(latest);
				expect(['spike', 'drop']).toContain(finding.direction);
				expect(['warning', 'critical']).toContain(finding.severity);
			}
		}
		// The filter stand-in passes everything on in-process; in real n8n it drops the skips (e2e checks that).
		expect(result.recorded['Only anomalies']).toEqual([findings]);
		// One token request, then the report: the headless credential refreshed through the simulator.
		expect(sim.counts()['google POST /oauth/token']).toBe(1);
	});
});
