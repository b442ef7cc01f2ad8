// Template "Revert the last apply" in a real n8n: after the approved
// Performance guard run of that template's case (or one of its own when that
// case did not run), whose audit rows are in the adpilot_audit Data Table,
// the revert is rejected once (nothing changes) and approved once (the
// simulator's ad sets are back as they were before the guard's run, and the
// revert's own audit rows name what they revert).
import assert from 'node:assert/strict';

import { executedNodeItems } from '../n8nLoop.mjs';
import { simFetch } from '../simFetch.mjs';
import { decideApproval, guardRound, guardRuns, simulatorAdSets, simulatorChanges, tableRows } from './meta-performance-guard.mjs';

const WORKFLOW = 'adpilotRevertLast';
const SUBJECT = 'AdPilot: approve reverting run';

export const editorCases = [
	{
		name: 'Template "Revert the last apply": after an approved guard run, rejected once (nothing changes), approved once (the simulator is back to before the guard run, audit rows with revertOf)',
		workflowId: WORKFLOW,
		async run(context) {
			const { port, cookie, simulatorUrl } = context;
			// Rules give the same idempotency keys all day, so a second guard run would find its changes applied already:
			// revert the guard case's approved run, or make one on a fresh simulator when that case did not run.
			if (!guardRuns.approved) {
				await simFetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
				const unchanged = await simulatorAdSets(simulatorUrl);
				guardRuns.approved = { ...(await guardRound(context, 'approve')), before: unchanged };
			}
			const { before, ...guard } = guardRuns.approved;
			const applied = await simulatorChanges(simulatorUrl);
			const changed = await simulatorAdSets(simulatorUrl);
			assert.notDeepEqual(changed, before, 'the guard run changed nothing to revert');

			const rejected = await decideApproval(context, WORKFLOW, SUBJECT, 'reject');
			assert.ok(String(rejected.mail.body.subject).includes(guard.id), `the approval does not name run ${guard.id}: ${rejected.mail.body.subject}`);
			assert.ok(!rejected.execution.resultData.runData['Apply the revert'], 'Apply ran after a rejection');
			assert.deepEqual(await simulatorChanges(simulatorUrl), applied, 'a rejected revert changed the simulator');

			const { id, mail, execution } = await decideApproval(context, WORKFLOW, SUBJECT, 'approve');
			const last = executedNodeItems(execution, 'The last apply');
			assert.deepEqual([...new Set(last.map((a) => a.runId))], [guard.id], 'the revert did not read the guard run');
			assert.equal(last.length, guard.planned.length);
			const [plan] = executedNodeItems(execution, 'Plan the revert', 1);
			assert.ok(String(mail.body.text ?? mail.body.html).includes(plan.planDigest), 'the approval does not show the digest');
			const [result] = executedNodeItems(execution, 'Apply the revert', 1);
			assert.equal(result.approval.ok, true, result.message);
			assert.equal(result.applied, guard.planned.length);

			// The simulator's ad sets are exactly as before the guard run; each reverted entity was written once more.
			assert.deepEqual(await simulatorAdSets(simulatorUrl), before);
			const changes = await simulatorChanges(simulatorUrl);
			assert.equal(changes.length, 2 * applied.length);
			assert.deepEqual(changes.slice(0, applied.length), applied);
			assert.deepEqual(changes.slice(applied.length).map((c) => c.entity).sort(), applied.map((c) => c.entity).sort());

			const rows = (await tableRows(port, cookie, 'adpilot_audit')).filter((r) => r.runId === id);
			assert.equal(rows.length, guard.planned.length);
			for (const row of rows) {
				assert.equal(row.applied, true);
				assert.ok(row.revertOf.startsWith(`${guard.id}:`), `revertOf ${row.revertOf} does not name run ${guard.id}`);
			}
		},
	},
];
