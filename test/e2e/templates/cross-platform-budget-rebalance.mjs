// Template "Cross-platform budget rebalance" (workflows/cross-platform-budget-rebalance.json)
// in a real n8n: run from "Run now", the approval mail read from the SMTP
// sink, approved once (the simulator's change log then holds exactly the
// approved budgets on Meta and Google, and adpilot_audit the audit rows) and
// rejected once (nothing changes, nothing stored).
import assert from 'node:assert/strict';

import { personalProjectId } from '../../../scripts/lib/n8n.mjs';
import { dataTableRows, executedNodeItems, findDataTable } from '../n8nLoop.mjs';
import { parseAuditRow, resetSimulatorAndSinks, runWithApproval, simulatorChanges } from '../templateRuns.mjs';

const WORKFLOW = 'adpilotXRebalance';
const PLAN = 'Plan changes (dry run)';
const APPLY = 'Apply the approved plan';
const SUBJECT = /^Approve AdPilot budget rebalance/;

/** The change log as "platform before → after" in major units (Meta: minor units per campaign; Google: micros per campaign budget). */
function loggedChanges(changes) {
	return changes.map((change) => {
		if (change.api === 'meta') return `meta ${change.entity} ${Number(change.fields.daily_budget.before) / 100} → ${Number(change.fields.daily_budget.after) / 100}`;
		return `google ${Number(change.fields.amountMicros.before) / 1e6} → ${Number(change.fields.amountMicros.after) / 1e6}`;
	});
}

const audited = (records) => records.filter((r) => r.applied === true).map((r) => (r.platform === 'meta' ? `meta ${r.entityId} ${r.before} → ${r.after}` : `google ${r.before} → ${r.after}`));

async function auditTable(port, cookie) {
	const projectId = await personalProjectId(port, cookie);
	const table = await findDataTable(port, cookie, 'adpilot_audit');
	assert.ok(table, 'the adpilot_audit data table does not exist');
	return { rows: () => dataTableRows(port, cookie, projectId, table.id) };
}

export const editorCases = [
	{
		name: 'Template "Cross-platform budget rebalance": Meta + Google rows → Reallocate → Plan → approval mail with plan and digest → approve once → exactly the approved budgets on both platforms, audit rows in adpilot_audit; reject once → nothing changes',
		workflowId: WORKFLOW,
		async run(context) {
			const { port, cookie, simulatorUrl } = context;
			const table = await auditTable(port, cookie);

			// Approve.
			await resetSimulatorAndSinks(simulatorUrl);
			const rowsBefore = (await table.rows()).length;
			let summary;
			const approved = await runWithApproval(context, {
				workflowId: WORKFLOW,
				subject: SUBJECT,
				decision: 'approve',
				async beforeAnswer({ mail, waiting }) {
					[summary] = executedNodeItems(waiting, PLAN, 1);
					const plan = executedNodeItems(waiting, PLAN, 0);
					const sent = plan.filter((a) => a.decision === 'apply' || a.decision === 'clamp');
					assert.ok(sent.some((a) => a.platform === 'meta') && sent.some((a) => a.platform === 'google'), `the plan does not change both platforms: ${summary.message}`);
					const text = mail.body.text ?? mail.body.html;
					assert.ok(text.includes(summary.planDigest), 'the approval mail does not show the plan digest');
					for (const a of sent) assert.ok(text.includes(`"${a.entityName ?? a.entityId}": daily budget ${a.before} → ${a.after}`), `the mail does not list ${a.entityId}`);
					assert.deepEqual(await simulatorChanges(simulatorUrl), [], 'something changed before the approval');
				},
			});
			const records = executedNodeItems(approved.execution, APPLY, 0);
			const [done] = executedNodeItems(approved.execution, APPLY, 1);
			assert.equal(done.planDigest, summary.planDigest, 'Apply planned something else than what was approved');
			assert.equal(done.approval?.ok, true, done.message);
			assert.equal(done.applied, summary.apply + summary.clamp);
			const changes = await simulatorChanges(simulatorUrl);
			assert.deepEqual(loggedChanges(changes).sort(), audited(records).sort(), 'the simulator holds other changes than the audited ones');
			assert.deepEqual(
				records.filter((r) => r.applied).map((r) => `${r.platform}:${r.entityId}:${r.after}`).sort(),
				summary.targets.map((t) => `${t.platform}:${t.entityId}:${t.target}`).sort(),
				'the applied budgets are not the approved targets',
			);
			assert.deepEqual(new Set(changes.map((c) => c.api)), new Set(['meta', 'google']));

			const rows = (await table.rows()).slice(rowsBefore).map(parseAuditRow);
			assert.equal(rows.length, records.length, `${rows.length} audit rows for ${records.length} audit items`);
			for (const record of records) {
				const row = rows.find((r) => r.idempotencyKey === record.idempotencyKey);
				assert.ok(row, `no audit row for ${record.entityId}`);
				assert.deepEqual(
					{ planDigest: row.planDigest, platform: row.platform, entityId: row.entityId, before: row.before, after: row.after, decision: row.decision, applied: row.applied, kind: row.action.kind },
					{ planDigest: summary.planDigest, platform: record.platform, entityId: record.entityId, before: record.before, after: record.after, decision: record.decision, applied: record.applied, kind: 'setBudget' },
				);
			}

			// Reject: the same plan again, declined; nothing changes and nothing is stored.
			await resetSimulatorAndSinks(simulatorUrl);
			const rowsBeforeReject = (await table.rows()).length;
			const rejected = await runWithApproval(context, { workflowId: WORKFLOW, subject: SUBJECT, decision: 'reject' });
			assert.ok(rejected.execution.resultData.runData['Not approved: nothing applied'], 'the reject branch did not run');
			assert.ok(!rejected.execution.resultData.runData[APPLY], 'Apply ran after a rejection');
			assert.deepEqual(await simulatorChanges(simulatorUrl), []);
			assert.equal((await table.rows()).length, rowsBeforeReject);
		},
	},
];
