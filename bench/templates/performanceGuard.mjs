// Template 2 "Performance guard, suggestion mode" from its trigger to its
// audit rows with 500 changes to approve, in a real n8n against the simulator
// (an entry of bench/templates.bench.mjs). 1,550 ad sets (31 campaigns × 50)
// make the rules propose about 850 actions, about 540 distinct changes; Max
// Actions per Run 500 in both Ads Apply steps keeps exactly 500 (the rest are
// rejected by that guardrail). The approval is answered as soon as its email
// and the waiting run are seen, so the figure is the machine's time, not a person's.
import assert from 'node:assert/strict';

import { editorRest } from '../../scripts/lib/n8n.mjs';
import { simFetch } from '../../test/e2e/simFetch.mjs';
import { approvalLinks, clearHooks, clickResumeLink, dataTableRows, findDataTable, waitForHookMessages, waitForRun } from '../../test/e2e/n8nLoop.mjs';

const WORKFLOW = 'adpilotPerfGuard';
const CHANGES = 500;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function rowsOf(stack, table, column, value) {
	const { id } = await findDataTable(stack.port, stack.cookie, table);
	return (await dataTableRows(stack.port, stack.cookie, stack.projectId, id)).filter((row) => row[column] === value);
}

export const performanceGuard = (() => {
	const marks = {};
	return {
		name: `Template 2 "Performance guard, suggestion mode", ${CHANGES} changes to approve (1 account, 1,550 ad sets), real n8n 2.40 + simulator`,
		workflowId: WORKFLOW,
		trigger: 'Run now',
		simulatorArgs: ['--accounts', '1', '--campaigns', '31', '--adsets', '50', '--ads-per-adset', '1'],
		runs: [
			{
				label: `Run now → insights → rules → plan → ${CHANGES} PENDING suggestions → approval email → approved → apply → audit rows`,
				async before(stack) {
					// As a person would in the editor: Max Actions per Run 500 in both Ads Apply steps (default 100).
					const workflow = await editorRest(stack.port, stack.cookie, 'GET', `/workflows/${WORKFLOW}`);
					for (const node of workflow.nodes.filter((n) => n.type === 'n8n-nodes-adpilot.adsApply')) {
						node.parameters.guardrails = { ...node.parameters.guardrails, maxActions: CHANGES };
					}
					await editorRest(stack.port, stack.cookie, 'PATCH', `/workflows/${WORKFLOW}`, { nodes: workflow.nodes });
					await clearHooks(stack.simulatorUrl);
				},
			},
		],
		/** The approver: clicks approve in the email once the run waits for it. */
		async drive(stack, executionId) {
			const started = performance.now();
			const step = async (what, work) => {
				try {
					return await work();
				} catch (error) {
					throw new Error(`approver: ${what}: ${error.message}`, { cause: error.cause ?? error });
				}
			};
			const [mail] = await step('waiting for the email', () =>
				waitForHookMessages(stack.simulatorUrl, '/email', { accept: (m) => String(m.body.subject ?? '').startsWith('AdPilot: approve'), timeoutMs: 600_000 }),
			);
			await step('waiting for the run to wait', () => waitForRun(stack.port, stack.cookie, WORKFLOW, executionId, { statuses: ['waiting'] }));
			marks.waitingMs = performance.now() - started;
			await step('clicking approve', () => clickResumeLink(approvalLinks(mail).approve, { port: stack.port }));
		},
		async report(stack, [run]) {
			const output = (node, index = 0) => (run.execution.resultData.runData[node]?.at(-1)?.data?.main?.[index] ?? []).map((item) => item.json);
			const proposed = output('Evaluate rules').length;
			const planned = output('Changes to approve').length;
			const [applied] = output('Apply the approved plan', 1);
			const suggestions = await rowsOf(stack, 'adpilot_suggestions', 'planRunId', run.executionId);
			const audit = await rowsOf(stack, 'adpilot_audit', 'runId', run.executionId);
			const changes = (await (await simFetch(`${stack.simulatorUrl}/_sim/changes`)).json()).changes;
			assert.equal(planned, CHANGES, `the plan holds ${planned} changes, not ${CHANGES}`);
			assert.equal(applied?.applied, CHANGES, `Apply applied ${applied?.applied}: ${applied?.message}`);
			assert.equal(suggestions.filter((r) => r.status === 'ACCEPTED').length, CHANGES);
			assert.equal(audit.filter((r) => r.applied === true).length, CHANGES);
			assert.equal(changes.length, CHANGES);
			return [
				`rules proposed ${proposed} actions → ${planned} changes to approve (the rest: duplicates merged, ${output('Plan changes (dry run)').filter((a) => a.decision === 'reject').length} rejected by guardrails incl. Max Actions) → ${suggestions.length} suggestions ACCEPTED → ${applied.applied} applied → ${audit.length} audit rows; the simulator logged ${changes.length} changes`,
				`split: start → waiting for the approval ${seconds(marks.waitingMs)} (insights, rules, plan, ${CHANGES} suggestion rows, the email); approve click → audit rows stored ${seconds(run.wallMs - marks.waitingMs)} (Apply, ${CHANGES} audit rows)`,
				`TEMPLATE 2 WALL TIME, schedule to audit rows, ${CHANGES} changes: ${seconds(run.wallMs)} (the approval answered at once)`,
			];
		},
	};
})();
