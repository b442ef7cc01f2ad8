/**
 * Template "Google Ads traffic manager" (workflows/google-ads-traffic-manager.json),
 * its AdPilot path in process against the simulator, both branches:
 * FIRST_RUN plans a campaign from the sandbox's campaign_templates row and
 * creates it PAUSED; IMPROVE reads the account's report and the client's
 * recent execution_history, recommends, plans, and applies exactly the
 * approved plan. n8n's own steps (Data Tables, Switch, IF, Send and Wait,
 * Code, the alert sub-workflow) run in real n8n:
 * test/e2e/templates/google-ads-traffic-manager.mjs.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { SIM_OPENAI_API_KEY } from '../../simulator/credentials';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { runTemplateChain, runTemplateCode } from './templatePath';
import { loadTemplate, simulatorCredentials } from './templates';

const template = loadTemplate('google-ads-traffic-manager.json');
const CUSTOMER = '5550000001';
const PLAN_CAMPAIGN = 'Plan new campaign';
const CREATE = 'Create campaign (PAUSED)';
const PLAN = 'Plan changes (dry run)';
const APPLY = 'Apply the approved plan';
/** The IMPROVE steps up to the recommendations; the two Data Table reads are stand-ins that pass the test's rows on. */
const IMPROVE = ['Managed campaign?', 'Recent history', 'Campaign report, last 14 days', 'Recommend changes'];

/** The sandbox's campaign_templates row (scripts/lib/sandboxDataTables.mjs), as "Campaign template" outputs it. */
const TEMPLATE_ROW = {
	id: 1,
	client: 'Acme Shoes',
	customerId: CUSTOMER,
	product: 'Trail running shoes for long mountain runs',
	landingPage: 'https://shop.example/trail',
	audience: 'Trail runners 25-45 in German cities near mountains',
	goal: 'sales',
	dailyBudget: 25,
	currency: 'EUR',
	language: 'English',
	locationIds: '2276',
	languageIds: '1000',
};

/** A campaign_metadata row as FIRST_RUN's "Remember the campaign" writes it. */
const METADATA_ROW = { id: 1, client: 'Acme Shoes', customerId: CUSTOMER, campaignId: '20000007', campaignName: 'Trail Running | Search', status: 'PAUSED' };

/** An execution_history row as "History: applied changes" writes it for one audit item. */
function historyRow(record: IDataObject): IDataObject {
	return {
		traceId: 'earlier-run',
		client: 'Acme Shoes',
		stage: 'apply',
		status: record.applied ? 'applied' : record.decision,
		payload: JSON.stringify(record.action),
		result: JSON.stringify({ planDigest: record.planDigest, decision: record.decision, before: record.before, after: record.after, applied: record.applied, appliedAt: record.appliedAt }),
	};
}

const actionsOf = (items: IDataObject[]) => items.filter((o) => o.schema === 'adpilot.action/v1');

describe('template: Google Ads traffic manager', () => {
	let sim: RunningSimulator;
	const credentials = () => ({ ...simulatorCredentials(sim), adPilotOpenAiApi: { apiKey: SIM_OPENAI_API_KEY, organization: '', baseUrl: sim.openAiBaseUrl } });
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 2 } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	describe('FIRST_RUN', () => {
		it('plans a Search campaign from the template row and creates it, everything PAUSED, at the row’s budget, places and languages', async () => {
			const planned = (await runTemplateChain(template, [PLAN_CAMPAIGN], [TEMPLATE_ROW], { credentials: credentials() })).output(PLAN_CAMPAIGN);
			const [action, summary] = planned;
			expect(summary).toMatchObject({ summary: true, operation: 'planCampaign', status: 'ok', platform: 'google' });
			expect(action).toMatchObject({ schema: 'adpilot.action/v1', kind: 'create', platform: 'google', accountId: CUSTOMER, source: { type: 'ai' } });
			const spec = (action.params as IDataObject).spec as IDataObject;
			expect(spec).toMatchObject({ budget: { amount: 25 }, currency: 'EUR', locations: ['2276'], languages: ['1000'] });
			expect(sim.changes()).toEqual([]);

			// "Campaign planned?" passes the create action on.
			const created = (await runTemplateChain(template, [CREATE], [action], { credentials: credentials() })).output(CREATE);
			expect(created).toHaveLength(1);
			const out = created[0] as IDataObject & { campaign: IDataObject; adGroups: IDataObject[] };
			expect(out).toMatchObject({ customerId: CUSTOMER, validateOnly: false, status: 'PAUSED', campaign: { name: spec.name } });
			expect(String(out.campaign.id)).toMatch(/^\d+$/);
			expect(out.adGroups.map((g) => g.name)).toEqual((spec.adGroups as IDataObject[]).map((g) => g.name));

			// In the simulator: one campaign and one budget, the campaign, its ad groups and ads PAUSED.
			const creates = sim.changes().filter((c) => c.operation === 'create');
			const campaign = creates.filter((c) => c.objectType === 'campaigns');
			expect(campaign.map((c) => c.entity)).toEqual([`customers/${CUSTOMER}/campaigns/${String(out.campaign.id)}`]);
			for (const change of creates.filter((c) => ['campaigns', 'adGroups', 'adGroupAds'].includes(String(c.objectType)))) {
				expect({ entity: change.entity, status: (change.fields as IDataObject & { status: { after: unknown } }).status.after }).toEqual({ entity: change.entity, status: 'PAUSED' });
			}
			expect(creates.filter((c) => c.objectType === 'campaignBudgets')).toHaveLength(1);
			expect(out.budget).toMatchObject({ budget: 25, budgetMicros: '25000000', currency: 'EUR' });
			// One excluded keyword, the location and the language.
			expect(creates.filter((c) => c.objectType === 'campaignCriteria')).toHaveLength(3);

			// "New campaign message" tells people what was created, for the Multi-channel alerts sub-workflow.
			const [message] = runTemplateCode(template, 'New campaign message', [{}], { [CREATE]: [out], [PLAN_CAMPAIGN]: [action], 'This client': [{ client: 'Acme Shoes' }] }, { executionId: '7' }).map((m) => m.json);
			expect(message).toMatchObject({ severity: 'info', stage: 'create', traceId: '7', heading: `AdPilot: new Google Ads campaign "${String(spec.name)}" created PAUSED for Acme Shoes` });
			expect(message.text).toContain(`Customer ${CUSTOMER}, campaign ${String(out.campaign.id)}, daily budget 25 EUR.`);
			expect(message).not.toHaveProperty('channel');
		});

		it('a client without a template row (the Data Table read outputs an empty item): Plan new campaign fails naming the field, nothing is created', async () => {
			const result = await runTemplateChain(template, [PLAN_CAMPAIGN, CREATE], [{}], { credentials: credentials() });
			expect(result.nodeError(PLAN_CAMPAIGN)?.message).toMatch(/^Account ID must be a numeric account id/);
			expect(sim.changes()).toEqual([]);
		});
	});

	describe('IMPROVE', () => {
		async function recommend(history: IDataObject[] = []) {
			const result = await runTemplateChain(template, IMPROVE, [METADATA_ROW, ...history], { credentials: credentials() });
			const out = result.output('Recommend changes');
			return { report: result.output('Campaign report, last 14 days'), actions: actionsOf(out), summary: out.find((o) => o.summary === true)! };
		}

		it('report → recommendations → plan → Apply with the approved digest: the simulator holds exactly the approved budgets, once', async () => {
			const { report, actions, summary } = await recommend();
			// One report for the metadata row's customer, however many history rows came before it.
			expect(new Set(report.map((r) => r.accountId))).toEqual(new Set([CUSTOMER]));
			expect(summary).toMatchObject({ status: 'ok', operation: 'recommendChanges' });
			expect(actions.length).toBeGreaterThan(0);
			const campaigns = new Set(report.map((r) => String(r.entityId)));
			for (const action of actions) {
				expect(campaigns.has(String(action.entityId))).toBe(true);
				expect(['pause', 'changeBudgetByPercent', 'notify']).toContain(action.kind);
			}

			const plan = await runTemplateChain(template, [PLAN], actions, { credentials: credentials() });
			const [planned] = plan.output(PLAN, 1);
			const toApprove = plan.output(PLAN, 0).filter((a) => a.decision === 'apply' || a.decision === 'clamp');
			expect(toApprove.length).toBeGreaterThan(0);
			expect(sim.changes()).toEqual([]);

			// Approved: "The approved actions" hands Apply the same actions; its digest is the Plan's.
			const parameters = { [APPLY]: { approvedDigest: String(planned.planDigest), approvedTargets: JSON.stringify(planned.targets) } };
			const applied = await runTemplateChain(template, [APPLY], actions, { credentials: credentials(), parameters });
			const records = applied.output(APPLY, 0);
			const [done] = applied.output(APPLY, 1);
			expect(done).toMatchObject({ operation: 'apply', planDigest: planned.planDigest, applied: toApprove.length, failed: 0 });
			const budgets = sim.changes().map((c) => {
				const micros = (c.fields as Record<string, { before: unknown; after: unknown }>).amountMicros;
				return `${Number(micros.before) / 1e6} → ${Number(micros.after) / 1e6}`;
			});
			expect(budgets.sort()).toEqual(records.filter((r) => r.applied === true).map((r) => `${r.before} → ${r.after}`).sort());
			expect(records.filter((r) => r.applied === true).map((r) => `${r.entityId}:${r.after}`).sort()).toEqual((planned.targets as IDataObject[]).map((t) => `${t.entityId}:${t.target}`).sort());
		});

		it('the recent execution_history reaches the model: a change applied in an earlier run is not proposed again', async () => {
			const first = await recommend();
			const plan = await runTemplateChain(template, [PLAN], first.actions, { credentials: credentials() });
			const [planned] = plan.output(PLAN, 1);
			const parameters = { [APPLY]: { approvedDigest: String(planned.planDigest) } };
			const records = (await runTemplateChain(template, [APPLY], first.actions, { credentials: credentials(), parameters })).output(APPLY, 0);
			const appliedRecords = records.filter((r) => r.applied === true);
			expect(appliedRecords.length).toBeGreaterThan(0);

			// Rows of other stages (create, approval) are not actions and are left out.
			const history = [{ traceId: 'first-run', client: 'Acme Shoes', stage: 'create', status: 'created', payload: '{}', result: '{}' }, ...appliedRecords.map(historyRow)];
			const second = await recommend(history);
			const repeated = new Set(appliedRecords.map((r) => `${String(r.entityId)}|${String(r.kind)}`));
			expect(second.actions.filter((a) => repeated.has(`${String(a.entityId)}|${String(a.kind)}`))).toEqual([]);
			const dropped = (second.summary.dropped as IDataObject[]).filter((d) => d.reason === 'repeats a recent action on this entity');
			expect(dropped.map((d) => `${String(d.entityId)}|${String(d.kind)}`).sort()).toEqual([...repeated].sort());
		});
	});

	describe('failures reach Multi-channel alerts', () => {
		const steps = template.nodes.filter((n) => n.type.startsWith('n8n-nodes-adpilot.'));
		/** Ads Apply has two regular outputs (audit, summary); the others one. The error output comes after them. */
		const errorOutput = (node: INode) => (node.type === 'n8n-nodes-adpilot.adsApply' ? 2 : 1);

		it.each(steps.map((n) => [n.name, n]))('"%s" continues on its error output into "Describe the failure"', (_name, node) => {
			const step = node as INode;
			expect(step.onError).toBe('continueErrorOutput');
			expect(template.connections[step.name].main[errorOutput(step)]?.map((c) => c.node)).toEqual(['Describe the failure']);
		});

		it('a campaign plan that failed validation goes there too, and so do the normal run’s messages, to the sub-workflow', () => {
			expect(template.connections['Campaign planned?'].main[1]?.map((c) => c.node)).toEqual(['Plan failed?']);
			expect(template.connections['Plan failed?'].main[0]?.map((c) => c.node)).toEqual(['Describe the failure']);
			for (const from of ['Describe the failure', 'New campaign message', 'Applied changes message']) {
				expect(template.connections[from].main[0]?.map((c) => c.node)).toEqual(['Send to the alert channels']);
			}
			const call = template.nodes.find((n) => n.name === 'Send to the alert channels')!;
			expect(call).toMatchObject({ type: 'n8n-nodes-base.executeWorkflow', parameters: { workflowId: { value: 'adpilotAlerts' }, options: { waitForSubWorkflow: true } } });
		});

		it('"Describe the failure" turns an error item, or a failed plan summary, into one critical message naming the step', () => {
			const heading = (step: string) => `AdPilot: "${template.name}" failed at "${step}"`;
			const [report] = runTemplateCode(template, 'Describe the failure', [{ error: 'Google Ads: PERMISSION_DENIED' }], {}, { prevNode: 'Campaign report, last 14 days', executionId: '42' }).map((m) => m.json);
			expect(report).toMatchObject({ severity: 'critical', failedNode: 'Campaign report, last 14 days', heading: heading('Campaign report, last 14 days'), text: `${heading('Campaign report, last 14 days')}\nError: Google Ads: PERMISSION_DENIED\nExecution: 42` });
			const failedPlan = { summary: true, operation: 'planCampaign', status: 'failed', message: 'No campaign plan: the plan failed validation after one repair round.', problems: ['adGroups[0].ads[0].headlines[0]: 31 characters'] };
			const [plan] = runTemplateCode(template, 'Describe the failure', [failedPlan], {}, { prevNode: 'Plan failed?', executionId: '43' }).map((m) => m.json);
			expect(plan).toMatchObject({ severity: 'critical', failedNode: 'Plan new campaign', errorMessage: failedPlan.message });
			expect(plan.text).toContain('Details: adGroups[0].ads[0].headlines[0]: 31 characters');
		});
	});
});
