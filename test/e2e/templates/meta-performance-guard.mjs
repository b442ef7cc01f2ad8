// Template "Performance guard, suggestion mode" in a real n8n: started from
// its "Run now" trigger through the editor's REST API, its approval answered
// through n8n's waiting webhook with the links of the email the simulator's
// SMTP sink caught. Rejected once (nothing changes, REJECTED), left unanswered
// past a 1-minute wait limit once (EXPIRED), approved once
// (the simulator's change log holds exactly the approved changes, ACCEPTED,
// audit rows), and the approved Apply re-run by hand changes nothing twice.
import assert from 'node:assert/strict';

import { editorRest, personalProjectId } from '../../../scripts/lib/n8n.mjs';
import {
	approvalLinks,
	clearHooks,
	clickResumeLink,
	dataTableRows,
	executedNodeItems,
	findDataTable,
	readExecution,
	rerunNode,
	startManualRun,
	waitForHookMessages,
	waitForRun,
} from '../n8nLoop.mjs';
import { simFetch } from '../simFetch.mjs';

const WORKFLOW = 'adpilotPerfGuard';
const META_ACCOUNT = '100010000000001';

export async function simulatorChanges(simulatorUrl) {
	return (await (await simFetch(`${simulatorUrl}/_sim/changes`)).json()).changes;
}

/** The simulator's ad sets as the Meta API returns them: id → { status, daily_budget, bid_amount }. */
export async function simulatorAdSets(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/meta/v25.0/act_${META_ACCOUNT}/adsets?fields=id,status,daily_budget,bid_amount&limit=500`, {
		headers: { Authorization: 'Bearer sim-meta-token' },
	});
	const body = await answer.json();
	assert.ok(answer.ok, `simulator ad sets: ${JSON.stringify(body).slice(0, 300)}`);
	assert.ok(body.data.length > 0, 'the simulator has no ad sets');
	return Object.fromEntries(body.data.map((a) => [a.id, { status: a.status, daily_budget: a.daily_budget ?? null, bid_amount: a.bid_amount ?? null }]));
}

export async function tableRows(port, cookie, name) {
	const table = await findDataTable(port, cookie, name);
	assert.ok(table, `no Data Table ${name} (the sandbox creates it)`);
	return await dataTableRows(port, cookie, await personalProjectId(port, cookie), table.id);
}

/**
 * Starts a run of `workflowId` from "Run now", waits for its approval email
 * (subject starting `subjectStart`) and for the run to wait, clicks approve or
 * reject as a browser, and returns the finished execution with the email.
 */
export async function decideApproval({ port, cookie, simulatorUrl }, workflowId, subjectStart, decision) {
	await clearHooks(simulatorUrl);
	const id = await startManualRun(port, cookie, workflowId, 'Run now');
	const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => String(m.body.subject ?? '').startsWith(subjectStart), timeoutMs: 120_000 });
	await waitForRun(port, cookie, workflowId, id, { statuses: ['waiting'], timeoutMs: 120_000 });
	const links = approvalLinks(mail);
	assert.ok(links.decline, 'no reject link in the approval email');
	await clickResumeLink(decision === 'approve' ? links.approve : links.decline, { port });
	const done = await waitForRun(port, cookie, workflowId, id, { timeoutMs: 120_000 });
	const execution = await readExecution(port, cookie, id);
	assert.equal(done.status, 'success', `the run ended ${done.status}: ${execution.resultData.error?.message}`);
	return { id, mail, execution };
}

/** One guard run answered with `decision`; checks the one email and the suggestions it stored and decided. */
export async function guardRound(context, decision) {
	const { port, cookie } = context;
	const { id, mail, execution } = await decideApproval(context, WORKFLOW, 'AdPilot: approve', decision);
	const planned = executedNodeItems(execution, 'Plan changes (dry run)', 0).filter((a) => a.decision === 'apply' || a.decision === 'clamp');
	const [summary] = executedNodeItems(execution, 'Plan changes (dry run)', 1);
	assert.ok(planned.length > 0, 'the plan proposes no change to approve');
	assert.deepEqual(mail.body.to, ['ads-approver@example.com']);
	const text = String(mail.body.text ?? mail.body.html);
	assert.ok(text.includes(`Plan digest: ${summary.planDigest}`), `the email does not show the digest ${summary.planDigest}: ${text.slice(0, 500)}`);
	for (const change of planned) assert.ok(text.includes(String(change.entityName)), `the email does not name ${change.entityName}`);

	const suggestions = (await tableRows(port, cookie, 'adpilot_suggestions')).filter((r) => r.planRunId === id);
	assert.deepEqual(suggestions.map((r) => r.idempotencyKey).sort(), planned.map((a) => a.idempotencyKey).sort(), 'not one suggestion per planned change');
	const status = decision === 'approve' ? 'ACCEPTED' : 'REJECTED';
	for (const row of suggestions) {
		assert.equal(row.status, status);
		assert.equal(row.digest, summary.planDigest);
		assert.ok(row.decidedAt, 'no decidedAt');
	}
	return { id, execution, planned, summary };
}

/** Sets the approval's Limit Wait Time in the saved workflow (as a person would in the editor); returns the previous limit. */
async function setApprovalLimit(port, cookie, limit) {
	const workflow = await editorRest(port, cookie, 'GET', `/workflows/${WORKFLOW}`);
	const ask = workflow.nodes.find((n) => n.name === 'Ask for approval');
	const previous = ask.parameters.options.limitWaitTime.values;
	ask.parameters.options.limitWaitTime.values = { ...previous, ...limit };
	await editorRest(port, cookie, 'PATCH', `/workflows/${WORKFLOW}`, { nodes: workflow.nodes });
	return previous;
}

/** A run nobody answers: with a 1-minute limit, n8n's wait tracker resumes it within 2 minutes, without an answer → EXPIRED. */
async function expiredRound({ port, cookie, simulatorUrl }) {
	const previous = await setApprovalLimit(port, cookie, { resumeAmount: 1, resumeUnit: 'minutes' });
	try {
		await clearHooks(simulatorUrl);
		const id = await startManualRun(port, cookie, WORKFLOW, 'Run now');
		await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => String(m.body.subject ?? '').startsWith('AdPilot: approve'), timeoutMs: 120_000 });
		await waitForRun(port, cookie, WORKFLOW, id, { statuses: ['waiting'], timeoutMs: 120_000 });
		const done = await waitForRun(port, cookie, WORKFLOW, id, { timeoutMs: 200_000 });
		const execution = await readExecution(port, cookie, id);
		assert.equal(done.status, 'success', `the expired run ended ${done.status}: ${execution.resultData.error?.message}`);
		assert.ok(!execution.resultData.runData['Apply the approved plan'], 'Apply ran without an answer');
		const suggestions = (await tableRows(port, cookie, 'adpilot_suggestions')).filter((r) => r.planRunId === id);
		assert.ok(suggestions.length > 0, 'the expired run stored no suggestion');
		for (const row of suggestions) assert.equal(row.status, 'EXPIRED');
	} finally {
		await setApprovalLimit(port, cookie, previous);
	}
}

/** A change-log entry as "<entity> <property> <value>" in the plan's terms (status lower case, money in major units). */
function loggedChange(change) {
	return Object.entries(change.fields).map(([field, value]) =>
		field === 'status' ? `${change.entity} status ${String(value.after).toLowerCase()}` : `${change.entity} ${field} ${Number(value.after) / 100}`,
	);
}

/** The approved run this file's case leaves behind (with the ad sets before it), for the revert case to undo. */
export const guardRuns = { approved: undefined };

export const editorCases = [
	{
		name: 'Template "Performance guard": rejected once (nothing changes, REJECTED), unanswered once (Send and Wait\'s limit, EXPIRED), approved once (the change log holds exactly the approved changes, ACCEPTED, audit rows), the approved Apply re-run changes nothing',
		workflowId: WORKFLOW,
		async run(context) {
			const { port, cookie, simulatorUrl } = context;
			await simFetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
			const before = await simulatorAdSets(simulatorUrl);

			const rejected = await guardRound(context, 'reject');
			assert.ok(!rejected.execution.resultData.runData['Apply the approved plan'], 'Apply ran after a rejection');
			assert.deepEqual(await simulatorChanges(simulatorUrl), [], 'a rejected plan changed the simulator');
			assert.deepEqual(await simulatorAdSets(simulatorUrl), before);

			await expiredRound(context);
			assert.deepEqual(await simulatorChanges(simulatorUrl), [], 'an expired plan changed the simulator');

			const approved = await guardRound(context, 'approve');
			guardRuns.approved = { ...approved, before };
			const audit = executedNodeItems(approved.execution, 'Apply the approved plan', 0);
			const [applied] = executedNodeItems(approved.execution, 'Apply the approved plan', 1);
			assert.equal(applied.approval.ok, true, applied.message);
			assert.equal(applied.applied, approved.planned.length);
			// The simulator's own log: each approved entity changed once, to its planned target, and nothing else.
			const changes = await simulatorChanges(simulatorUrl);
			const expected = approved.planned.map((a) => `${a.entityId} ${a.property} ${a.after}`).sort();
			assert.deepEqual(changes.flatMap(loggedChange).sort(), expected, 'the change log differs from the approved plan');

			const auditRows = (await tableRows(port, cookie, 'adpilot_audit')).filter((r) => r.runId === approved.id);
			assert.equal(auditRows.length, audit.length);
			for (const row of auditRows) {
				assert.equal(row.applied, true);
				assert.equal(row.planDigest, approved.summary.planDigest);
				assert.deepEqual(JSON.parse(row.audit), audit.find((a) => a.idempotencyKey === row.idempotencyKey));
			}

			// A person re-runs "Apply the approved plan" in the editor with the approved run's data: nothing is sent twice.
			const rerunId = await rerunNode(port, cookie, WORKFLOW, approved.execution, 'Apply the approved plan');
			await waitForRun(port, cookie, WORKFLOW, rerunId, { timeoutMs: 120_000 });
			const rerun = await readExecution(port, cookie, rerunId);
			const [again] = executedNodeItems(rerun, 'Apply the approved plan', 1);
			assert.equal(again.applied, 0, again.message);
			assert.deepEqual(await simulatorChanges(simulatorUrl), changes, 're-running the approved Apply changed the simulator again');
		},
	},
];
