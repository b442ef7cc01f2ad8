// Template "A/B test watcher" (workflows/ab-test-watcher.json) in a real n8n,
// on the simulator's seeded test (the sandbox's YOUR_AB_TEST_AD_SET_ID: three
// active ads, one with a clearly higher CTR): run from "Run now", the approval
// mail read from the SMTP sink and approved → exactly the losing ads paused,
// audit rows stored, the result mailed through the Multi-channel alerts
// sub-workflow; rejected once → nothing changes.
import assert from 'node:assert/strict';

import { personalProjectId } from '../../../scripts/lib/n8n.mjs';
import { SANDBOX_PLACEHOLDERS } from '../../../scripts/lib/sandboxTemplates.mjs';
import { dataTableRows, executedNodeItems, findDataTable, waitForHookMessages } from '../n8nLoop.mjs';
import { parseAuditRow, resetSimulatorAndSinks, runWithApproval, simulatorChanges } from '../templateRuns.mjs';

const WORKFLOW = 'adpilotAbWatcher';
const ROWS = 'Ads of the test ad set, last 14 days';
const SUBJECT = /^Approve AdPilot A\/B test result/;

export const editorCases = [
	{
		name: 'Template "A/B test watcher": the seeded test → Compare A/B Test (winner) → pause plan for the losers → approval mail → approve → exactly the losers paused, audit rows, result mailed via Multi-channel alerts; reject → nothing changes',
		workflowId: WORKFLOW,
		async run(context) {
			const { port, cookie, simulatorUrl } = context;
			const projectId = await personalProjectId(port, cookie);
			const table = await findDataTable(port, cookie, 'adpilot_audit');
			assert.ok(table, 'the adpilot_audit data table does not exist');

			await resetSimulatorAndSinks(simulatorUrl);
			const rowsBefore = (await dataTableRows(port, cookie, projectId, table.id)).length;
			let losers;
			let summary;
			const approved = await runWithApproval(context, {
				workflowId: WORKFLOW,
				subject: SUBJECT,
				decision: 'approve',
				async beforeAnswer({ mail, waiting }) {
					const rows = executedNodeItems(waiting, ROWS);
					assert.equal(rows.length, 3, `expected the test's 3 ads, got ${rows.length}`);
					assert.ok(rows.every((r) => r.adSetId === SANDBOX_PLACEHOLDERS.YOUR_AB_TEST_AD_SET_ID));
					const [test] = executedNodeItems(waiting, 'Compare the ads');
					assert.equal(test.verdict, 'winner', test.reasoning);
					const ctr = (r) => r.clicks / r.impressions;
					const best = [...rows].sort((a, b) => ctr(b) - ctr(a))[0];
					assert.equal(test.winner, best.entityId, 'the winner is not the ad with the highest CTR');
					losers = rows.filter((r) => r.entityId !== best.entityId).map((r) => r.entityId).sort();
					[summary] = executedNodeItems(waiting, 'Plan the pauses (dry run)', 1);
					const text = mail.body.text ?? mail.body.html;
					assert.ok(text.includes(summary.planDigest), 'the mail does not show the plan digest');
					assert.ok(text.includes(test.reasoning.slice(0, 60)), 'the mail does not explain the test');
					for (const id of losers) assert.ok(text.includes(`(${id}): active → paused`), `the mail does not list ${id}`);
					assert.ok(!text.includes(`(${best.entityId})`), 'the mail proposes to pause the winner');
					assert.deepEqual(await simulatorChanges(simulatorUrl), []);
				},
			});
			const records = executedNodeItems(approved.execution, 'Apply the approved pauses');
			assert.deepEqual(records.filter((r) => r.applied).map((r) => r.entityId).sort(), losers);
			const changes = await simulatorChanges(simulatorUrl);
			assert.deepEqual(
				changes.map((c) => [c.api, c.objectType, c.entity, c.fields.status]).sort(),
				losers.map((id) => ['meta', 'ad', id, { before: 'ACTIVE', after: 'PAUSED' }]),
				'the simulator holds other changes than the losers\' pauses',
			);
			const rows = (await dataTableRows(port, cookie, projectId, table.id)).slice(rowsBefore).map(parseAuditRow);
			assert.deepEqual(rows.map((r) => [r.entityId, r.kind, r.before, r.after, r.applied, r.planDigest]).sort(), losers.map((id) => [id, 'pause', 'active', 'paused', true, summary.planDigest]));

			// The report: Ads Alert's email digest, sent by the Multi-channel alerts sub-workflow.
			const [report] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => !SUBJECT.test(m.body.subject ?? '') });
			for (const record of records) assert.ok(report.body.html.includes(record.entityId) || report.body.html.includes(record.entityName), `the report does not name ${record.entityId}`);

			// Reject: nothing changes, nothing stored.
			await resetSimulatorAndSinks(simulatorUrl);
			const rowsBeforeReject = (await dataTableRows(port, cookie, projectId, table.id)).length;
			const rejected = await runWithApproval(context, { workflowId: WORKFLOW, subject: SUBJECT, decision: 'reject' });
			assert.ok(rejected.execution.resultData.runData['Not approved: nothing applied'], 'the reject branch did not run');
			assert.deepEqual(await simulatorChanges(simulatorUrl), []);
			assert.equal((await dataTableRows(port, cookie, projectId, table.id)).length, rowsBeforeReject);
		},
	},
];
