/**
 * Template "Revert the last apply" in-process: the audit rows Performance
 * guard stores are read back (the last run that is not a revert and was not
 * reverted), Revert + Plan turn them into the inverse plan, and its Apply step
 * puts the simulator back as it was, only for the approved digest. The
 * approval through the waiting webhook runs in the real-n8n e2e case
 * (test/e2e/templates/revert-last-apply.mjs).
 */
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { codeOf, dataTableRow, runCode, stepAlone, type Json } from './templateSteps';
import { loadTemplate, simulatorCredentials } from './templates';

// n8n's Workflow class rewrites the parameters of the nodes it runs, so every run and every read gets its own copy.
const guard = () => loadTemplate('meta-performance-guard.json');
const revert = () => loadTemplate('revert-last-apply.json');

/** Each entity's field values before its first logged change and after its last one. */
function netChanges(changes: ReturnType<RunningSimulator['changes']>) {
	const net = new Map<string, { before: unknown; after: unknown }>();
	for (const change of changes) {
		const status = change.fields.status;
		if (!status) continue;
		net.set(change.entity, { before: net.get(change.entity)?.before ?? status.before, after: status.after });
	}
	return net;
}

describe('template: Revert the last apply', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	/** What Performance guard leaves behind after an approved run: the changes applied and its audit rows in the Data Table. */
	async function approvedGuardRun(): Promise<Json[]> {
		const credentials = simulatorCredentials(sim);
		const planned = await runWorkflow(guard(), { credentials });
		const digest = String(planned.output('Plan changes (dry run)', 1)[0].planDigest);
		const actions = planned.output('Plan changes (dry run)', 0).filter((a) => a.decision === 'apply').map((a) => a.action as Json);
		const applied = await runWorkflow(stepAlone(guard(), 'Apply the approved plan', { approvedDigest: digest }), { credentials, triggerItems: actions });
		return applied.output('Apply the approved plan', 0).map((row) => dataTableRow(guard(), 'Record audit rows', row));
	}

	it('picks the last apply that is neither a revert nor reverted, as audit items', () => {
		const row = (runId: string, appliedAt: string, extra: Json = {}) => ({ runId, appliedAt, revertOf: '', audit: JSON.stringify({ runId, appliedAt, ...extra }), ...extra });
		const rows = [row('10', '2026-12-01T08:00:00.000Z'), row('11', '2026-12-02T08:00:00.000Z'), row('11', '2026-12-02T08:00:00.000Z', { entityId: 'b' }), row('12', '2026-12-02T09:00:00.000Z', { revertOf: '13:meta:1:x:status' }), row('13', '2026-12-02T08:30:00.000Z')];
		const last = runCode(codeOf(revert(), 'The last apply'), rows).map((i) => i.json);
		// Run 13 was reverted by run 12, and run 12 is a revert: the last one left is 11, with both its rows.
		expect(last.map((a) => a.runId)).toEqual(['11', '11']);
		expect(runCode(codeOf(revert(), 'The last apply'), rows.filter((r) => r.runId === '12'))).toEqual([]);
	});

	it('plans the inverse of the last apply and, for the approved digest only, restores the simulator exactly', async () => {
		const stored = await approvedGuardRun();
		const applied = sim.changes().length;
		expect(applied).toBeGreaterThan(0);
		const audit = runCode(codeOf(revert(), 'The last apply'), stored).map((i) => i.json);
		expect(audit).toHaveLength(applied);

		const credentials = simulatorCredentials(sim);
		const planned = await runWorkflow(revert(), { credentials, triggerItems: audit });
		const inverse = planned.output('Inverse actions', 0);
		expect(inverse.map((a) => a.kind)).toEqual(audit.map(() => 'resume'));
		const plan = planned.output('Plan the revert', 0);
		expect(plan.map((p) => [p.decision, p.after])).toEqual(audit.map(() => ['apply', 'active']));
		const digest = String(planned.output('Plan the revert', 1)[0].planDigest);
		expect(sim.changes()).toHaveLength(applied);

		const wrong = await runWorkflow(stepAlone(revert(), 'Apply the revert', { approvedDigest: 'sha256:another' }), { credentials, triggerItems: inverse });
		expect(wrong.output('Apply the revert', 1)[0]).toMatchObject({ applied: 0 });
		expect(sim.changes()).toHaveLength(applied);

		const reverted = await runWorkflow(stepAlone(revert(), 'Apply the revert', { approvedDigest: digest }), { credentials, triggerItems: inverse });
		const rows = reverted.output('Apply the revert', 0);
		expect(rows.every((r) => r.applied === true && typeof r.revertOf === 'string')).toBe(true);
		for (const [entity, { before, after }] of netChanges(sim.changes())) expect({ entity, after }).toEqual({ entity, after: before });
		// The revert's own rows mark the run as reverted: nothing is left to revert.
		const withRevert = [...stored, ...rows.map((r) => dataTableRow(revert(), 'Record audit rows', r))];
		expect(runCode(codeOf(revert(), 'The last apply'), withRevert)).toEqual([]);
	});
});
