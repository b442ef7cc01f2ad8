// Template "Google Ads traffic manager" (workflows/google-ads-traffic-manager.json)
// in a real n8n, three runs from "Run now" on the sandbox's Data Tables:
// 0. No campaign_templates row: Plan new campaign's error output reaches the
//    alert sub-workflow as a critical mail naming the step and the field.
// 1. FIRST_RUN (campaign_metadata has no row for the client): a campaign is
//    planned by the simulator's model from the campaign_templates row and
//    created PAUSED; campaign_metadata and execution_history get their rows,
//    the alert sub-workflow mails the news.
// 2. IMPROVE, the approval rejected through the waiting webhook: nothing
//    changes, one execution_history row says so.
// 3. IMPROVE, approved: the simulator's change log holds exactly the approved
//    changes, one execution_history row per action, the alert mail lists them.
import assert from 'node:assert/strict';

import { editorRest, insertDataTableRows, personalProjectId } from '../../../scripts/lib/n8n.mjs';
import { clearHooks, dataTableRows, executedNodeItems, findDataTable, listExecutions, readExecution, startManualRun, waitForExecution, waitForHookMessages } from '../n8nLoop.mjs';
import { runWithApproval, simulatorChanges } from '../templateRuns.mjs';
import { simFetch } from '../simFetch.mjs';

const WORKFLOW = 'adpilotGoogleTraffic';
const CLIENT = 'Acme Shoes';
const CUSTOMER = '5550000001';
const PLAN = 'Plan changes (dry run)';
const APPLY = 'Apply the approved plan';
const SUBJECT = /^Approve AdPilot Google Ads changes for Acme Shoes/;
/**
 * The simulator's metrics follow its "today" (the real date by default). On
 * some days the stand-in model's only proposals are for campaigns on a shared
 * budget, which Ads Apply rightly refuses, and nobody is asked; this day gives
 * one change to approve (test/workflows/googleTrafficManager.test.ts runs the
 * same path in process).
 */
const PINNED_TODAY = '2026-11-20';

/** The client's rows of a sandbox data table, and a way to delete them (so the case starts from FIRST_RUN on any instance). */
async function clientTable(port, cookie, projectId, name) {
	const table = await findDataTable(port, cookie, name);
	assert.ok(table, `the ${name} data table does not exist`);
	const filter = encodeURIComponent(JSON.stringify({ type: 'and', filters: [{ columnName: 'client', condition: 'eq', value: CLIENT }] }));
	return {
		rows: async () => (await dataTableRows(port, cookie, projectId, table.id)).filter((r) => r.client === CLIENT),
		clear: async () => await editorRest(port, cookie, 'DELETE', `/projects/${projectId}/data-tables/${table.id}/rows?filter=${filter}`),
		insert: async (rows) => await insertDataTableRows(port, cookie, projectId, table.id, rows),
	};
}

/** A simulator change as "budget before → after" (micros → major units) or "status <campaign> before → after". */
function logged(change) {
	if (change.fields.amountMicros) return `budget ${Number(change.fields.amountMicros.before) / 1e6} → ${Number(change.fields.amountMicros.after) / 1e6}`;
	return `status ${change.entity.split('/').pop()} ${change.fields.status.before} → ${change.fields.status.after}`;
}

const GOOGLE_STATUS = { active: 'ENABLED', paused: 'PAUSED' };

/** The same for an Ads Apply audit record that says it was applied. */
function audited(record) {
	if (String(record.property).startsWith('budget')) return `budget ${record.before} → ${record.after}`;
	return `status ${record.entityId} ${GOOGLE_STATUS[record.before] ?? record.before} → ${GOOGLE_STATUS[record.after] ?? record.after}`;
}

async function changesSince(simulatorUrl, count) {
	return (await simulatorChanges(simulatorUrl)).slice(count);
}

/** Runs the workflow from "Run now" until it ends; returns the finished execution. */
async function runToEnd({ port, cookie }) {
	const known = (await listExecutions(port, cookie, WORKFLOW)).map((e) => String(e.id));
	await startManualRun(port, cookie, WORKFLOW, 'Run now');
	const run = await waitForExecution(port, cookie, WORKFLOW, { knownIds: known, timeoutMs: 180_000 });
	const execution = await readExecution(port, cookie, run.id);
	assert.equal(run.status, 'success', `the run ended ${run.status}: ${execution.resultData.error?.message} at ${execution.resultData.lastNodeExecuted}`);
	return execution;
}

/** Run 0: no campaign_templates row → Plan new campaign's error output → a critical alert naming the step and the field; nothing created. */
async function failingFirstRun(context, tables, templates) {
	const { simulatorUrl } = context;
	const saved = (await templates.rows()).map(({ id: _id, createdAt: _c, updatedAt: _u, ...row }) => row);
	await templates.clear();
	try {
		await clearHooks(simulatorUrl);
		const changesBefore = (await simulatorChanges(simulatorUrl)).length;
		const execution = await runToEnd(context);
		const [failure] = executedNodeItems(execution, 'Describe the failure');
		assert.equal(failure.failedNode, 'Plan new campaign');
		assert.match(failure.errorMessage, /^Account ID must be a numeric account id/);
		assert.ok(!execution.resultData.runData['Create campaign (PAUSED)'], 'a campaign was created without a template row');
		assert.deepEqual(await changesSince(simulatorUrl, changesBefore), []);
		assert.deepEqual(await tables.metadata.rows(), []);
		const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => m.body.subject?.endsWith('failed at "Plan new campaign"') });
		assert.ok(mail.body.text.includes('Error: Account ID must be a numeric account id'), `the alert does not quote the error: ${mail.body.text}`);
	} finally {
		await templates.insert(saved);
	}
}

async function firstRun(context, tables) {
	const { simulatorUrl } = context;
	await clearHooks(simulatorUrl);
	const changesBefore = (await simulatorChanges(simulatorUrl)).length;
	const execution = await runToEnd(context);
	assert.ok(!execution.resultData.runData['Recent history'], 'the first run took the IMPROVE branch');
	assert.ok(!execution.resultData.runData['Describe the failure'], 'a step of the first run failed');

	const [action] = executedNodeItems(execution, 'Plan new campaign');
	assert.equal(action.kind, 'create');
	const spec = action.params.spec;
	assert.equal(spec.budget.amount, 25, 'the plan is not at the template row’s budget');
	const [created] = executedNodeItems(execution, 'Create campaign (PAUSED)');
	assert.equal(created.status, 'PAUSED');
	assert.equal(created.customerId, CUSTOMER);

	// The simulator created exactly this campaign, PAUSED, with PAUSED ad groups and ads, and changed nothing else.
	const changes = await changesSince(simulatorUrl, changesBefore);
	assert.ok(changes.length > 0 && changes.every((c) => c.operation === 'create' && c.accountId === CUSTOMER), `the first run did more than create: ${JSON.stringify(changes).slice(0, 500)}`);
	const campaigns = changes.filter((c) => c.objectType === 'campaigns');
	assert.deepEqual(campaigns.map((c) => c.entity), [`customers/${CUSTOMER}/campaigns/${created.campaign.id}`]);
	for (const change of changes.filter((c) => ['campaigns', 'adGroups', 'adGroupAds'].includes(c.objectType))) {
		assert.equal(change.fields.status.after, 'PAUSED', `${change.entity} was created ${change.fields.status.after}`);
	}
	assert.equal(changes.filter((c) => c.objectType === 'adGroups').length, spec.adGroups.length);

	const [metadata, ...more] = await tables.metadata.rows();
	assert.equal(more.length, 0, 'more than one campaign_metadata row for the client');
	assert.deepEqual(
		{ customerId: metadata.customerId, campaignId: metadata.campaignId, campaignName: metadata.campaignName, dailyBudget: metadata.dailyBudget, currency: metadata.currency, status: metadata.status, traceId: metadata.traceId },
		{ customerId: CUSTOMER, campaignId: created.campaign.id, campaignName: spec.name, dailyBudget: 25, currency: 'EUR', status: 'PAUSED', traceId: execution.id },
	);
	const history = await tables.history.rows();
	assert.deepEqual(history.map((r) => [r.traceId, r.stage, r.status]), [[execution.id, 'create', 'created']]);
	assert.equal(JSON.parse(history[0].payload).idempotencyKey, action.idempotencyKey);
	assert.equal(JSON.parse(history[0].result).campaign.id, created.campaign.id);

	const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => m.body.subject?.startsWith('AdPilot: new Google Ads campaign') });
	assert.equal(mail.body.subject, `AdPilot: new Google Ads campaign "${spec.name}" created PAUSED for ${CLIENT}`);
	assert.deepEqual(mail.body.to, ['ads-team@example.com']);
	assert.ok(mail.body.text.includes(`campaign ${created.campaign.id}, daily budget 25 EUR`), `the mail does not name the campaign: ${mail.body.text}`);
}

/** Run 0 (no template row: the failure alert), run 1 (FIRST_RUN), run 2 (IMPROVE, rejected) and run 3 (IMPROVE, approved). */
async function fourRuns(context, tables, templates) {
	const { simulatorUrl } = context;
	await failingFirstRun(context, tables, templates);
	await firstRun(context, tables);

	// Run 2: IMPROVE, rejected.
	await clearHooks(simulatorUrl);
	const changesBeforeReject = (await simulatorChanges(simulatorUrl)).length;
	const rejected = await runWithApproval(context, { workflowId: WORKFLOW, subject: SUBJECT, decision: 'reject' });
	assert.ok(rejected.execution.resultData.runData['Recent history'], 'the second run did not take the IMPROVE branch');
	assert.ok(!rejected.execution.resultData.runData[APPLY], 'Apply ran after a rejection');
	assert.deepEqual(await changesSince(simulatorUrl, changesBeforeReject), [], 'a rejected plan changed something');
	const [rejectedPlan] = executedNodeItems(rejected.execution, PLAN, 1);
	const afterReject = (await tables.history.rows()).filter((r) => r.traceId === rejected.execution.id);
	assert.deepEqual(afterReject.map((r) => [r.stage, r.status]), [['approval', 'rejected']]);
	assert.equal(JSON.parse(afterReject[0].payload).planDigest, rejectedPlan.planDigest);

	// Run 3: IMPROVE, approved.
	await clearHooks(simulatorUrl);
	const changesBeforeApply = (await simulatorChanges(simulatorUrl)).length;
	let summary;
	let planned;
	const approved = await runWithApproval(context, {
		workflowId: WORKFLOW,
		subject: SUBJECT,
		decision: 'approve',
		async beforeAnswer({ mail, waiting }) {
			[summary] = executedNodeItems(waiting, PLAN, 1);
			planned = executedNodeItems(waiting, PLAN, 0).filter((a) => a.decision === 'apply' || a.decision === 'clamp');
			assert.ok(planned.length > 0, `nothing to approve: ${summary.message}`);
			const text = mail.body.text ?? mail.body.html;
			assert.ok(text.includes(summary.planDigest), 'the approval mail does not show the plan digest');
			for (const a of planned) assert.ok(text.includes(`"${a.entityName ?? a.entityId}": ${a.property} ${a.before} → ${a.after}`), `the mail does not list ${a.entityId}`);
			assert.deepEqual(await changesSince(simulatorUrl, changesBeforeApply), [], 'something changed before the approval');
		},
	});
	const execution = approved.execution;
	const records = executedNodeItems(execution, APPLY, 0);
	const [done] = executedNodeItems(execution, APPLY, 1);
	assert.equal(done.planDigest, summary.planDigest, 'Apply planned something else than what was approved');
	assert.equal(done.applied, planned.length, done.message);
	const applied = records.filter((r) => r.applied === true);
	assert.deepEqual((await changesSince(simulatorUrl, changesBeforeApply)).map(logged).sort(), applied.map(audited).sort(), 'the simulator holds other changes than the approved ones');
	assert.deepEqual(applied.map((r) => `${r.entityId}:${r.property}:${r.after}`).sort(), planned.map((a) => `${a.entityId}:${a.property}:${a.after}`).sort());

	const rows = (await tables.history.rows()).filter((r) => r.traceId === execution.id);
	assert.equal(rows.length, records.length, `${rows.length} execution_history rows for ${records.length} audit records`);
	for (const record of records) {
		const row = rows.find((r) => JSON.parse(r.payload).idempotencyKey === record.idempotencyKey);
		assert.ok(row, `no execution_history row for ${record.entityId}`);
		const result = JSON.parse(row.result);
		assert.deepEqual(
			{ stage: row.stage, status: row.status, entityId: JSON.parse(row.payload).entityId, planDigest: result.planDigest, before: result.before, after: result.after, applied: result.applied },
			{ stage: 'apply', status: record.applied ? 'applied' : record.decision, entityId: record.entityId, planDigest: summary.planDigest, before: record.before, after: record.after, applied: record.applied },
		);
	}

	const heading = `AdPilot: ${applied.length} approved Google Ads change(s) applied for ${CLIENT}`;
	const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => m.body.subject === heading });
	assert.deepEqual(mail.body.to, ['ads-team@example.com']);
	assert.ok(mail.body.text.includes(summary.planDigest), 'the alert does not name the plan');
	for (const record of applied) assert.ok(mail.body.text.includes(`"${record.entityName ?? record.entityId}": ${record.property} ${record.before} → ${record.after} — applied`), `the alert does not list ${record.entityId}`);
}

export const editorCases = [
	{
		name: 'Template "Google Ads traffic manager": run 0 without a template row → Plan new campaign error output → critical alert, nothing created; run 1 FIRST_RUN → AI plan from campaign_templates → campaign created PAUSED in the simulator, campaign_metadata and execution_history rows, info mail; run 2 IMPROVE → approval rejected → nothing changes; run 3 IMPROVE → approved once through the waiting webhook → exactly the approved changes, execution_history rows, alert mail',
		workflowId: WORKFLOW,
		async run(context) {
			const { port, cookie, simulatorUrl } = context;
			const projectId = await personalProjectId(port, cookie);
			const tables = { metadata: await clientTable(port, cookie, projectId, 'campaign_metadata'), history: await clientTable(port, cookie, projectId, 'execution_history') };
			const templates = await clientTable(port, cookie, projectId, 'campaign_templates');
			assert.equal((await templates.rows()).length, 1, 'the sandbox has no campaign_templates row for the client');
			for (const table of Object.values(tables)) if ((await table.rows()).length > 0) await table.clear();
			const { dataset } = await (await simFetch(`${simulatorUrl}/_sim/info`)).json();
			await simFetch(`${simulatorUrl}/_sim/dataset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ today: PINNED_TODAY }) });
			try {
				await fourRuns(context, tables, templates);
			} finally {
				await simFetch(`${simulatorUrl}/_sim/dataset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ today: dataset.today }) });
			}
		},
	},
];
