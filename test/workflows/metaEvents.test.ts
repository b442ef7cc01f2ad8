/**
 * Template 10: Meta Ads Trigger (ad account events; Lead Ads leads) → Ads
 * Alert → the multi-channel alert sub-workflow; leads → Data Table → email to
 * sales. The template's own trigger nodes (their parameters as imported)
 * answer real signed and unsigned deliveries in the trigger's test server
 * (test/metaAdsTrigger/triggerServer.ts); the items a delivery starts are
 * then run through the rest of the template in-process (the started trigger
 * becomes the harness's stand-in emitting them, the other is disabled). The
 * real-n8n run is test/e2e/templates/meta-events-to-alerts.mjs.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness/runWorkflow';
import type { DataTables } from '../harness/dataTableStandIn';
import { startTriggerServer, type RunningTrigger } from '../metaAdsTrigger/triggerServer';
import { startSmallSimulator, type SimIds } from '../metaAdsTrigger/fixtures';
import { SIM_LEADS, SIM_META_PAGE_ID } from '../../simulator/meta/webhooks';
import type { RunningSimulator } from '../../simulator/server';
import { deliverMetaWebhook, metaNotification } from '../../simulator/webhooks/metaDelivery';
import { loadTemplate, simulatorCredentials } from './templates';

const TEMPLATE = 'meta-events-to-alerts.json';
const SEND = 'Send to the alert channels';
const LEADS = 'adpilot_meta_leads';

/** The template with `trigger` as the harness's stand-in (emitting the delivery's items) and the other trigger disabled. */
function startingFrom(trigger: string): WorkflowJson {
	const json = loadTemplate(TEMPLATE);
	const nodes = json.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-adpilot.metaAdsTrigger') return node;
		return node.name === trigger ? { ...node, type: 'n8n-nodes-base.manualTrigger' } : { ...node, disabled: true };
	});
	return { ...json, nodes };
}

const triggerNode = (name: string) => loadTemplate(TEMPLATE).nodes.find((n) => n.name === name)!;

describe('template: Meta events to alerts', () => {
	let sim: RunningSimulator;
	let ids: SimIds;
	let trigger: RunningTrigger | undefined;
	beforeAll(async () => {
		({ sim, ids } = await startSmallSimulator());
	});
	afterAll(async () => sim.close());
	afterEach(async () => {
		await trigger?.close();
		trigger = undefined;
	});

	/** The template's trigger, as imported, answering deliveries (subscription is the activation's job, tested in e2e). */
	async function serve(name: string) {
		trigger = await startTriggerServer({ parameters: { ...triggerNode(name).parameters, subscription: 'manual' }, credentials: simulatorCredentials(sim) });
		return trigger;
	}

	it('is set up for Meta: both objects, signature-checked with the credential’s App Secret, automatic subscription, every event path ending in the alert sub-workflow', () => {
		const json = loadTemplate(TEMPLATE);
		const ad = triggerNode('Ad account events');
		const leads = triggerNode('Lead Ads leads');
		expect(ad.parameters).toMatchObject({ object: 'ad_account', subscription: 'automatic', reRead: true, fields: expect.arrayContaining(['with_issues_ad_objects', 'in_process_ad_objects']) });
		expect(leads.parameters).toMatchObject({ object: 'page', subscription: 'automatic', reRead: true });
		expect(ad.webhookId).not.toBe(leads.webhookId);
		const targets = (name: string) => json.connections[name].main.map((links) => (links ?? []).map((l) => l.node));
		expect(targets('Ads Alert')).toEqual([[SEND], [SEND], [SEND], [SEND], ['Describe the failure']]);
		expect(json.nodes.find((n) => n.name === 'Ads Alert')!.onError).toBe('continueErrorOutput');
		expect(targets('Describe the failure')).toEqual([[SEND]]);
		expect(targets('Lead Ads leads')).toEqual([['New lead?']]);
		expect(targets('New lead?')).toEqual([['Store the lead']]);
	});

	it('turns a signed disapproval into a critical alert through the sub-workflow; an unsigned one starts nothing', async () => {
		const t = await serve('Ad account events');
		const payload = JSON.stringify(metaNotification('ad_account', [{ id: ids.accountId, time: 1_795_000_000, changes: [{ field: 'with_issues_ad_objects', value: { id: ids.adId, level: 'AD', error_code: 1487, error_summary: 'Ad disapproved: landing page' } }] }]));
		expect((await deliverMetaWebhook(t.url, payload, { signature: 'none' })).status).toBe(401);
		expect(t.executions).toHaveLength(0);
		expect((await deliverMetaWebhook(t.url, payload)).status).toBe(200);
		expect(t.executions).toHaveLength(1);

		const result = await runWorkflow(startingFrom('Ad account events'), { credentials: simulatorCredentials(sim), triggerItems: t.executions[0] });
		const sent = (result.recorded[SEND] ?? []).flat();
		expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'slack', 'telegram', 'whatsapp']);
		const email = sent.find((m) => m.channel === 'email')!;
		expect(email.severity).toBe('critical');
		expect(String(email.text)).toContain('Delivery issue');
		expect(String(email.text)).toContain('Ad disapproved: landing page');
		// The trigger re-read the ad: the alert names it.
		const ad = t.executions[0][0].details as IDataObject;
		expect(String(email.text)).toContain(String(ad.name));
		expect(result.recorded['Describe the failure']).toBeUndefined();
	});

	it('stores a signed lead once (Meta delivers it again) and tells sales with its answers', async () => {
		const t = await serve('Lead Ads leads');
		const lead = SIM_LEADS[1];
		const payload = JSON.stringify(metaNotification('page', [{ id: SIM_META_PAGE_ID, time: 1_795_000_100, changes: [{ field: 'leadgen', value: { leadgen_id: lead.id, page_id: SIM_META_PAGE_ID, form_id: lead.form_id, created_time: 1_795_000_100 } }] }]));
		expect((await deliverMetaWebhook(t.url, payload, { appSecret: 'not-the-secret' })).status).toBe(401);
		expect((await deliverMetaWebhook(t.url, payload)).status).toBe(200);
		expect(t.executions).toHaveLength(1);

		const tables: DataTables = { [LEADS]: [] };
		const first = await runWorkflow(startingFrom('Lead Ads leads'), { credentials: simulatorCredentials(sim), triggerItems: t.executions[0], dataTables: tables });
		// The same lead again (past the trigger's duplicate window, or on another webhook process): New lead? stops it.
		const again = await runWorkflow(startingFrom('Lead Ads leads'), { credentials: simulatorCredentials(sim), triggerItems: t.executions[0], dataTables: tables });
		expect(again.output('New lead?')).toEqual([]);
		expect(again.recorded['Tell sales']).toBeUndefined();
		expect(tables[LEADS]).toHaveLength(1);
		expect(tables[LEADS][0]).toMatchObject({ leadId: lead.id, pageId: SIM_META_PAGE_ID, formId: lead.form_id, fullName: 'Zoë Ünal', email: 'zoe@example.com' });
		expect(JSON.parse(String(tables[LEADS][0].answers))).toEqual({ full_name: 'Zoë Ünal', email: 'zoe@example.com', interests: ['running', 'trail'] });
		// The email node is a recorder in-process: it got the stored row (its subject and text expressions run in the e2e case).
		expect(first.recorded['Tell sales']).toEqual([[expect.objectContaining({ leadId: lead.id, email: 'zoe@example.com' })]]);
		expect(first.recorded[SEND]).toBeUndefined();
	});
});
