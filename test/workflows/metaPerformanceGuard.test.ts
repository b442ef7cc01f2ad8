/**
 * Template "Performance guard, suggestion mode" in-process: insights → rules →
 * Plan (with the audit rows as Recent Changes) changes nothing; the stored
 * suggestions, the approval message and the approved actions are built by the
 * template's own column expressions and Code nodes; its Apply step sends
 * exactly the approved plan, nothing for another digest, and nothing twice.
 * The waiting webhook, the Data Tables and the alert sub-workflow run in the
 * real-n8n e2e case (test/e2e/templates/meta-performance-guard.mjs).
 */
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { codeOf, dataTableRow, runCode, stepAlone, type Json } from './templateSteps';
import { loadTemplate, simulatorCredentials } from './templates';

const FILE = 'meta-performance-guard.json';

describe('template: Performance guard, suggestion mode', () => {
	let sim: RunningSimulator;
	// n8n's Workflow class rewrites the parameters of the nodes it runs, so every run and every read gets its own copy.
	const template = () => loadTemplate(FILE);
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	async function plan() {
		const result = await runWorkflow(template(), { credentials: simulatorCredentials(sim) });
		return { result, audit: result.output('Plan changes (dry run)', 0), summary: result.output('Plan changes (dry run)', 1)[0] };
	}

	it('plans every proposed action with both inputs (actions, recent changes) and changes nothing', async () => {
		const { result, audit, summary } = await plan();
		const actions = result.output('Evaluate rules', 0);
		expect(actions.length).toBeGreaterThan(0);
		expect(audit.map((a) => a.idempotencyKey)).toEqual(actions.map((a) => a.idempotencyKey));
		// The audit read runs once (Execute Once) before the plan, whatever the number of actions.
		expect(result.recorded['Recent changes (audit, 48 h)']).toEqual([[actions[0]]]);
		expect(audit.filter((a) => a.decision === 'apply' || a.decision === 'clamp').length).toBeGreaterThan(0);
		expect(summary).toMatchObject({ schema: 'adpilot.applySummary/v1', operation: 'plan', applied: 0 });
		expect(sim.changes()).toEqual([]);
	});

	it('stores one PENDING suggestion per change, asks once with every change and the digest, applies exactly the approved plan, once', async () => {
		const { audit, summary } = await plan();
		const digest = String(summary.planDigest);
		const changes = audit.filter((a) => a.decision === 'apply' || a.decision === 'clamp');
		const rows = changes.map((a) => dataTableRow(template(), 'Store suggestions (PENDING)', a));
		for (const row of rows) {
			expect(row).toMatchObject({ status: 'PENDING', digest, planRunId: summary.runId });
			expect(typeof row.before).toBe('string');
		}
		const [approval] = runCode(codeOf(template(), 'Approval message'), rows);
		expect(approval.json).toMatchObject({ digest, changes: changes.length });
		expect(approval.json.message).toContain(`Plan digest: ${digest}`);
		for (const change of changes) expect(approval.json.message).toContain(String(change.entityName));

		const decided = (data: Json) => dataTableRow(template(), 'Record the decision', data, { nodes: { 'Approval message': [approval.json] } }).status;
		expect([decided({ data: { approved: true } }), decided({ data: { approved: false } }), decided(approval.json)]).toEqual(['ACCEPTED', 'REJECTED', 'EXPIRED']);

		const actions = runCode(codeOf(template(), 'Approved actions'), rows).map((i) => i.json);
		expect(actions.map((a) => a.idempotencyKey)).toEqual(changes.map((c) => c.idempotencyKey));

		const credentials = simulatorCredentials(sim);
		const wrong = await runWorkflow(stepAlone(template(), 'Apply the approved plan', { approvedDigest: 'sha256:not-the-approved-one' }), { credentials, triggerItems: actions });
		expect(wrong.output('Apply the approved plan', 1)[0]).toMatchObject({ applied: 0, approval: { ok: false } });
		expect(sim.changes()).toEqual([]);

		const applied = await runWorkflow(stepAlone(template(), 'Apply the approved plan', { approvedDigest: digest }), { credentials, triggerItems: actions });
		const auditRows = applied.output('Apply the approved plan', 0);
		expect(auditRows.filter((a) => a.applied === true)).toHaveLength(changes.length);
		// The simulator's own log: exactly the approved entities, each to its planned status.
		const logged = sim.changes().map((c) => ({ entity: c.entity, status: c.fields.status?.after }));
		expect(logged.sort((a, b) => a.entity.localeCompare(b.entity))).toEqual(
			changes.map((c) => ({ entity: String(c.entityId), status: String(c.after).toUpperCase() })).sort((a, b) => a.entity.localeCompare(b.entity)),
		);
		for (const row of auditRows) {
			const stored = dataTableRow(template(), 'Record audit rows', row);
			expect(JSON.parse(stored.audit)).toEqual(row);
			expect(stored.applied).toBe(true);
		}

		// The same approval again: every target is reached already, so nothing is sent twice.
		const again = await runWorkflow(stepAlone(template(), 'Apply the approved plan', { approvedDigest: digest }), { credentials, triggerItems: actions });
		expect(again.output('Apply the approved plan', 1)[0]).toMatchObject({ applied: 0 });
		expect(sim.changes().length).toBe(changes.length);
	});

	it('turns an AdPilot step failure into one critical alert naming the step', () => {
		const [alert] = runCode(codeOf(template(), 'Describe the failure'), [{ error: { message: 'Meta answered 500' } }], { prevNode: 'Plan changes (dry run)', workflowName: 'AdPilot: guard' });
		expect(alert.json).toMatchObject({ severity: 'critical', heading: 'AdPilot: "AdPilot: guard" failed at "Plan changes (dry run)"', errorMessage: 'Meta answered 500' });
	});
});
