// Driving a scheduled template with an approval step in a real n8n: start it
// from its "Run now" trigger through the editor's REST API (as the editor's
// Execute button does), read the approval mail from the simulator's SMTP
// sink, click Approve or Reject as a person's browser would, and wait for the
// run to end. Used by the files in test/e2e/templates/.
import assert from 'node:assert/strict';

import { approvalLinks, clearHooks, clickResumeLink, listExecutions, readExecution, startManualRun, waitForExecution, waitForHookMessages } from './n8nLoop.mjs';
import { simFetch } from './simFetch.mjs';

/** Every write the simulator accepted since its last reset (its change log). */
export async function simulatorChanges(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/_sim/changes`);
	return (await answer.json()).changes;
}

/** The simulator back to its seed (state, knobs, change log), and its hook recorder and SMTP sink emptied. */
export async function resetSimulatorAndSinks(simulatorUrl) {
	await simFetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
	await clearHooks(simulatorUrl);
}

/**
 * Runs the template from `triggerName` until it waits for approval, then
 * answers the mail whose subject matches `subject` with `decision`
 * ('approve' | 'reject'). Returns { mail, waiting, execution } where
 * `waiting` is the execution as it was while waiting and `execution` the finished one.
 */
export async function runWithApproval({ port, cookie, simulatorUrl }, { workflowId, triggerName = 'Run now', subject, decision, beforeAnswer }) {
	const known = (await listExecutions(port, cookie, workflowId)).map((e) => String(e.id));
	await startManualRun(port, cookie, workflowId, triggerName);
	const waitingRun = await waitForExecution(port, cookie, workflowId, { statuses: ['waiting', 'error', 'success', 'crashed'], knownIds: known, timeoutMs: 180_000 });
	const waiting = await readExecution(port, cookie, waitingRun.id);
	assert.equal(waitingRun.status, 'waiting', `the run did not wait for approval: it ended ${waitingRun.status} (${waiting.resultData.error?.message ?? 'no error'}; last node ${waiting.resultData.lastNodeExecuted})`);
	const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => subject.test(m.body.subject ?? '') });
	if (beforeAnswer) await beforeAnswer({ mail, waiting });
	const links = approvalLinks(mail);
	const link = decision === 'approve' ? links.approve : links.decline;
	assert.ok(link, `no ${decision} link in the approval mail`);
	await clickResumeLink(link, { port });
	const done = await waitForExecution(port, cookie, workflowId, { knownIds: known, statuses: ['success', 'error', 'crashed', 'canceled'], timeoutMs: 180_000 });
	assert.equal(String(done.id), String(waitingRun.id), 'another run than the waiting one finished');
	const execution = await readExecution(port, cookie, done.id);
	assert.equal(done.status, 'success', `the approved run ended ${done.status}: ${execution.resultData.error?.message} at ${execution.resultData.lastNodeExecuted}`);
	return { mail, waiting, execution };
}

/** JSON text columns of the audit table back to values. */
export function parseAuditRow(row) {
	const out = { ...row };
	for (const key of ['before', 'requested', 'after', 'source', 'guardrails', 'response', 'action']) out[key] = row[key] === null || row[key] === undefined ? null : JSON.parse(row[key]);
	return out;
}
