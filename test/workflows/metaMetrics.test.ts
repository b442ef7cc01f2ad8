/**
 * Template 1: schedule → Meta ad insights (today and yesterday) → Data Table
 * upsert by (entityId, date) → stored history → Detect Anomalies → Ads Alert
 * → the multi-channel alert sub-workflow. In-process the Data Table is the
 * harness's in-memory stand-in (so stored rows come back, run after run), the
 * Execute Workflow and Set nodes are recorders, and the AdPilot nodes are real
 * against the simulator. The real-n8n run is test/e2e/templates/meta-metrics-every-30-minutes.mjs.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseMetricRow } from '../../nodes/shared/contracts';
import { runWorkflow } from '../harness/runWorkflow';
import type { DataTables } from '../harness/dataTableStandIn';
import { historyBefore } from '../helpers/metricHistory';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

const TEMPLATE = 'meta-metrics-every-30-minutes.json';
const TABLE = 'adpilot_meta_ad_metrics';
const INSIGHTS = 'Ad insights, today and yesterday';
const SEND = 'Send to the alert channels';

/** The simulator's days are UTC dates; n8n's $today follows the workflow's time zone, so the test pins it to UTC. */
function template() {
	const json = loadTemplate(TEMPLATE);
	return { ...json, settings: { ...json.settings, timezone: 'UTC' } };
}

const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const key = (row: IDataObject) => `${row.entityId}|${row.date}`;

describe('template: Meta metrics every 30 minutes', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today, accounts: 1, campaignsPerAccount: 2, adSetsPerCampaign: 2, adsPerAdSet: 3 } });
	});
	afterAll(async () => sim.close());

	it('wires every AdPilot step’s error output, and Ads Alert’s every channel, to the alert sub-workflow', () => {
		const json = loadTemplate(TEMPLATE);
		const targets = (name: string) => (json.connections[name].main ?? []).map((links) => (links ?? []).map((l) => l.node));
		for (const node of json.nodes.filter((n) => n.type.startsWith('n8n-nodes-adpilot.'))) {
			expect({ node: node.name, onError: node.onError }).toEqual({ node: node.name, onError: 'continueErrorOutput' });
			expect(targets(node.name).at(-1)).toEqual(['Describe the failure']);
		}
		expect(targets('Ads Alert').slice(0, 4)).toEqual([[SEND], [SEND], [SEND], [SEND]]);
		expect(targets('Describe the failure')).toEqual([[SEND]]);
		const call = json.nodes.find((n) => n.name === SEND)!;
		expect(call.parameters.workflowId).toMatchObject({ value: 'adpilotAlerts' });
		expect(json.nodes.find((n) => n.name === 'Stored history, complete days')!.executeOnce).toBe(true);
	});

	it('stores one row per ad and day however often it runs, and updates the rows in place', async () => {
		const tables: DataTables = { [TABLE]: [] };
		const staticData = {};
		const first = await runWorkflow(template(), { credentials: simulatorCredentials(sim), dataTables: tables, staticData });

		const rows = first.output(INSIGHTS);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(parseMetricRow(row).ok).toBe(true);
			expect(row).toMatchObject({ platform: 'meta', level: 'ad', accountId: '100010000000001' });
			expect([yesterday, today]).toContain(row.date);
		}
		const stored = tables[TABLE];
		expect(stored.map(key).sort()).toEqual(rows.map(key).sort());
		// What the table holds is a metric row again (the columns are the contract's names).
		for (const row of stored) expect(parseMetricRow(row).ok).toBe(true);

		const second = await runWorkflow(template(), { credentials: simulatorCredentials(sim), dataTables: tables, staticData });
		expect(second.output(INSIGHTS)).toHaveLength(rows.length);
		expect(tables[TABLE]).toHaveLength(rows.length);
		expect(new Set(tables[TABLE].map(key)).size).toBe(rows.length);
		expect(tables[TABLE].every((row) => row.updatedAt! >= row.createdAt!)).toBe(true);
		// Nothing has 7 days of history yet: no alert.
		expect(second.output('Detect anomalies').every((finding) => finding.skipped === true)).toBe(true);
		expect(second.recorded[SEND]).toBeUndefined();
	});

	it('alerts on the ads whose latest complete day breaks from their stored month, through the sub-workflow', async () => {
		const tables: DataTables = { [TABLE]: [] };
		await runWorkflow(template(), { credentials: simulatorCredentials(sim), dataTables: tables });
		// A month at a quarter of their real volume under two ads: their latest day is a spike.
		const complete = tables[TABLE].filter((row) => row.date === yesterday && Number(row.impressions) > 100);
		const spiking = complete.slice(0, 2);
		expect(spiking).toHaveLength(2);
		tables[TABLE].push(...historyBefore(spiking as Array<IDataObject & { entityId: string; date: string }>, { days: 28, scale: 0.25 }));

		const result = await runWorkflow(template(), { credentials: simulatorCredentials(sim), dataTables: tables });
		const anomalies = result.output('Detect anomalies').filter((finding) => finding.skipped !== true);
		expect(new Set(anomalies.map((a) => a.entityId))).toEqual(new Set(spiking.map((row) => row.entityId)));
		for (const anomaly of anomalies) expect(anomaly).toMatchObject({ date: yesterday, direction: 'spike' });
		expect(anomalies.map((a) => a.metric)).toEqual(expect.arrayContaining(['spend', 'impressions']));

		// One Ads Alert digest per channel, each handed to the sub-workflow.
		const sent = (result.recorded[SEND] ?? []).flat();
		expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'slack', 'telegram', 'whatsapp']);
		const email = sent.find((m) => m.channel === 'email')!;
		expect(email.severity).toBe('critical');
		for (const row of spiking) expect(String(email.text)).toContain(String(row.entityName));
	});

	it('sends a failing Meta step to the alert channels as a critical failure and stores nothing', async () => {
		const tables: DataTables = { [TABLE]: [] };
		const result = await runWorkflow(template(), { credentials: simulatorCredentials(sim, { meta: { accessToken: 'revoked-token' } }), dataTables: tables });
		const failed = result.output(INSIGHTS, 1);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].error)).toMatch(/token|OAuth|190/i);
		// The Set node is a recorder in-process: it shows what reached it; its expressions run in the e2e.
		expect(result.recorded['Describe the failure']).toEqual([failed]);
		expect(result.recorded[SEND]).toEqual([failed]);
		expect(tables[TABLE]).toEqual([]);
	});
});
