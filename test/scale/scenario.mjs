// The scale test's story, one check per step: templates 1, 2 and 4 for many
// accounts at once under faults and a throttling episode, one worker
// SIGKILLed mid-run and restarted; the interrupted executions visible in
// n8n's list and in the alert channels; the next run completing the work;
// then what must hold: metric rows stored once in both stores, approved
// changes applied once (the simulator's own change log), nothing outside the
// guardrails, every failure told, no secret anywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { editorRest } from '../../scripts/lib/n8n.mjs';
import { SANDBOX_SECRETS } from '../../scripts/lib/sandbox.mjs';
import { hookMessages } from '../e2e/n8nLoop.mjs';
import {
	auditRows,
	dataTableKeysByName,
	describeExecution,
	expectedRowKeys,
	listExecutions,
	postgresKeys,
	postLoad,
	simulator,
	simulatorAccountIds,
	simulatorChanges,
	statusCounts,
	tableWrites,
	waitForExecutions,
	waitForRunning,
	SCALE_TODAY,
} from './load.mjs';
import { ALERTS_WORKFLOW_ID, ERROR_WORKFLOW_ID, INTERRUPTED_WORKFLOW_ID } from './templates.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);

/**
 * The dataset: ADPILOT_SCALE_ACCOUNTS accounts (default 60) and
 * ADPILOT_SCALE_ADS ads in all (default 2,000), "today" the real date (SCALE_TODAY).
 * Smaller values make a quick local run; CI uses the defaults.
 */
export const SCALE_ACCOUNTS = env('ADPILOT_SCALE_ACCOUNTS', 60);
export const SCALE_SIMULATOR_ARGS = ['--accounts', String(SCALE_ACCOUNTS), '--ads', String(env('ADPILOT_SCALE_ADS', 2000)), '--days', '30', '--today', SCALE_TODAY, '--seed', '15'];
/** How long one run may take before the test gives up (a busy 2-core machine is slow). */
const RUN_TIMEOUT_MS = env('ADPILOT_SCALE_RUN_TIMEOUT_S', 1200) * 1000;

/** ~10 % transient failures of the kinds Meta really answers with (5xx, code 2 "service unavailable"). */
export const TRANSIENT_FAULTS = {
	errorRate: 0.1,
	seed: 15,
	kinds: [
		{ kind: 'http5xx', status: 500 },
		{ kind: 'http5xx', status: 502 },
		{ kind: 'http5xx', status: 503 },
		{ kind: 'metaCode', code: 2 },
	],
};

/** Ads Apply's defaults the templates keep: ±20 % per budget change, no re-activation. */
const MAX_CHANGE = 0.2;

function duplicates(keys) {
	const seen = new Set();
	return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

/** Every expected key stored, exactly once, and nothing else. */
export function assertStoredExactlyOnce(store, keys, expected) {
	const dupes = duplicates(keys);
	assert.equal(dupes.length, 0, `${store}: ${dupes.length} rows stored twice, e.g. ${dupes.slice(0, 3).join(', ')}`);
	const stored = new Set(keys);
	const missing = expected.filter((k) => !stored.has(k));
	assert.equal(missing.length, 0, `${store}: ${missing.length} of ${expected.length} rows missing, e.g. ${missing.slice(0, 3).join(', ')}`);
	assert.equal(keys.length, expected.length, `${store}: ${keys.length} rows stored, ${expected.length} expected`);
}

/** n8n's message on an execution whose worker died and whose job a live worker then found stalled. */
const STALLED_MESSAGE = /failed to be processed too many times and will no longer retry/;

/** "interrupted" (worker lost: crashed, or failed as a stalled job) or "failed" (a node error, which n8n hands to the error workflow). */
async function failureKind(stack, execution) {
	if (execution.status === 'crashed') return { kind: 'interrupted', detail: '' };
	const detail = JSON.stringify(await editorRest(stack.main.port, stack.cookie, 'GET', `/executions/${execution.id}`));
	return { kind: STALLED_MESSAGE.test(detail) ? 'interrupted' : 'failed', detail };
}

/** How an alert names an execution: Error alerts links it, Interrupted runs to alerts writes "(execution N,". */
const errorWorkflowMention = (id) => new RegExp(`/executions/${id}(?!\\d)`);
const interruptedRunsMention = (id) => new RegExp(`\\(execution ${id},`);
const eitherMention = (id) => new RegExp(`${errorWorkflowMention(id).source}|${interruptedRunsMention(id).source}`);

/** Polls the alert channels until every id has a message naming it (`mention(id)`: a pattern as the alert text writes it). */
async function waitForAlerts(simulatorUrl, ids, mention, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let missing = ids;
	while (Date.now() < deadline) {
		const text = JSON.stringify(await hookMessages(simulatorUrl));
		missing = ids.filter((id) => !mention(id).test(text));
		if (missing.length === 0) return;
		await new Promise((r) => setTimeout(r, 3000));
	}
	throw new Error(`no alert reached the channels for ${missing.length} of ${ids.length} executions (e.g. ${missing.slice(0, 3).join(', ')})`);
}

// Meta writes daily_budget / lifetime_budget on the object; Google writes a campaign budget's amountMicros.
const isBudgetField = (field) => /budget|amountMicros/i.test(field);
/** The ids a change log entry may be audited under: Meta's object id; Google's resource id, or its campaign's for a budget. */
const changeIds = (c) => [c.entity, c.campaign].filter(Boolean).map((name) => String(name).split('/').pop().split('~').pop());
/**
 * Keys an audit row and a write share. Ads Apply audits a Google budget under
 * its campaign, the change log names the campaign budget: those meet on
 * (customer, new amount in major units); everything else on the entity id.
 */
function auditKeys(rows) {
	const keys = new Set();
	for (const a of rows) {
		keys.add(String(a.entity_id));
		if (a.after !== null && a.after !== undefined && a.after !== '') keys.add(`${a.account_id}|${Number(String(a.after).replace(/"/g, ''))}`);
	}
	return keys;
}
const writeKeys = (c) => [...changeIds(c), ...(c.fields.amountMicros ? [`${c.accountId}|${Number(c.fields.amountMicros.after) / 1e6}`] : [])];

export const scaleChecks = [
	{
		name: 'run 1: templates 1, 2 and 4 for every account, 10 % faults, a throttling episode, worker 1 SIGKILLed mid-run and restarted',
		async run(stack, context, report) {
			context.accounts = await simulatorAccountIds(stack.simulator.url);
			assert.ok(context.accounts.length >= Math.min(50, SCALE_ACCOUNTS), `the simulator serves ${context.accounts.length} accounts`);
			report(`load: ${stack.templates.map((t) => `workflows/${t.template} (${t.batchSize} account${t.batchSize > 1 ? 's' : ''} an execution)`).join('; ')}`);
			await simulator(stack.simulator.url, 'faults', TRANSIENT_FAULTS);
			const started = Date.now();
			context.perRun = await postLoad(stack, context.accounts, 'run-1');
			await simulator(stack.simulator.url, 'faults', { throttle: { forMs: 8000, regainMinutes: 1 } });
			const running = await waitForRunning(stack, 2, 300_000);
			const victim = stack.workers.shift();
			await victim.kill();
			report(`${context.perRun} executions started; worker 1 SIGKILLed with ${running.length} running; restarting it`);
			await stack.addWorker();
			const executions = await waitForExecutions(stack, context.perRun, RUN_TIMEOUT_MS);
			report(`run 1 done in ${Math.round((Date.now() - started) / 1000)} s, by status: ${JSON.stringify(statusCounts(executions))}`);
			assert.equal(executions.length, context.perRun);
			context.run1 = executions;
			context.failures = [];
			for (const execution of executions.filter((e) => e.status !== 'success')) context.failures.push({ execution, ...(await failureKind(stack, execution)) });
			assert.ok(context.failures.some((f) => f.kind === 'interrupted'), `the kill interrupted nothing (${JSON.stringify(statusCounts(executions))})`);
		},
	},
	{
		name: "the killed worker's executions are in n8n's execution list (error with n8n's stalled-job message, or crashed) and each reached the alert channels",
		async run(stack, context, report) {
			assert.ok(context.failures, 'run 1 did not finish');
			const interrupted = context.failures.filter((f) => f.kind === 'interrupted').map((f) => f.execution.id);
			report(`${interrupted.length} interrupted: ${context.failures.filter((f) => f.kind === 'interrupted').map((f) => `${f.execution.id} ${f.execution.status}`).join(', ')}`);
			// Through the Error Workflow, which n8n runs for a job that stalled out (Error alerts links the
			// execution), or through Interrupted runs to alerts for a crash n8n reported to nobody.
			await waitForAlerts(stack.simulator.url, interrupted, eitherMention, 240_000);
		},
	},
	{
		name: 'every other failure of run 1 reached the alert channels through the error workflow',
		async run(stack, context, report) {
			assert.ok(context.failures, 'run 1 did not finish');
			const failed = context.failures.filter((f) => f.kind === 'failed').map((f) => f.execution.id);
			report(`${failed.length} executions failed on a node error${failed.length ? `: ${failed.join(', ')}` : ' (the retries absorbed every transient fault)'}`);
			await waitForAlerts(stack.simulator.url, failed, errorWorkflowMention, 120_000);
		},
	},
	{
		name: 'run 2 (the next scheduled run) completes every account on the restarted workers',
		async run(stack, context, report) {
			assert.ok(context.run1, 'run 1 did not finish, so there is no "next run" to check');
			const started = Date.now();
			await postLoad(stack, context.accounts, 'run-2');
			const all = await waitForExecutions(stack, context.run1.length + context.perRun, RUN_TIMEOUT_MS);
			const run2 = all.filter((e) => !context.run1.some((r) => r.id === e.id));
			report(`run 2 done in ${Math.round((Date.now() - started) / 1000)} s, by status: ${JSON.stringify(statusCounts(run2))}`);
			assert.equal(run2.length, context.perRun);
			for (const execution of run2) assert.equal(execution.status, 'success', `execution ${execution.id} (${execution.workflowId}) ended ${execution.status}`);
			context.run2 = run2;
		},
	},
	{
		name: 'every metric row is stored exactly once, in the Data Table (template 1) and in PostgreSQL (its PostgreSQL variant)',
		async run(stack, context, report) {
			assert.ok(context.run2, 'run 2 did not finish');
			await simulator(stack.simulator.url, 'faults', { errorRate: 0, throttle: null });
			// Every (ad, day) the platform has for template 1's two days, from the simulator itself.
			const expected = await expectedRowKeys(stack.simulator.url, context.accounts);
			assert.ok(expected.length >= context.accounts.length * 10, `only ${expected.length} (ad, day) rows expected; the load is too small`);
			const stores = [];
			for (const key of ['metrics', 'metricsPostgres']) {
				const { workflow, template } = stack.templates.find((t) => t.key === key);
				for (const { store, table, keys } of tableWrites(workflow).filter((w) => w.operation === 'upsert')) {
					stores.push(
						store === 'dataTable'
							? { label: `workflows/${template}: Data Table ${table}`, keys: dataTableKeysByName(stack, table, keys) }
							: { label: `workflows/${template}: PostgreSQL table ${table}`, keys: postgresKeys(stack, table, keys) },
					);
				}
			}
			assert.equal(stores.length, 2, `expected one Data Table and one PostgreSQL upsert, found: ${stores.map((s) => s.label).join('; ')}`);
			for (const { label, keys } of stores) {
				assertStoredExactlyOnce(label, keys, expected);
				report(`${label}: ${keys.length} rows, every (ad, day) of ${context.accounts.length} accounts once, after two runs`);
			}
		},
	},
	{
		name: "approved changes are applied exactly once (the simulator's change log), within the guardrails",
		async run(stack, context, report) {
			assert.ok(context.run2, 'run 2 did not finish');
			const changes = (await simulatorChanges(stack.simulator.url)).filter((c) => c.operation === 'update');
			const audit = auditRows(stack);
			const applied = audit.filter((a) => a.applied);
			report(`${changes.length} platform writes; ${audit.length} audit rows (${applied.length} applied, decisions ${JSON.stringify(statusCounts(audit.map((a) => ({ status: a.decision }))))})`);
			assert.ok(changes.length > 0, 'nothing was applied: the guard and rebalance templates proposed nothing to check');
			// Once: no entity's field written twice over both runs (run 2 re-proposes what run 1 did; Apply must skip it).
			const writes = changes.flatMap((c) => Object.keys(c.fields).map((field) => `${c.entity}.${field}`));
			const twice = duplicates(writes);
			assert.equal(twice.length, 0, `written more than once: ${twice.slice(0, 5).join(', ')}`);
			// Every write is one an approved plan holds: an audit row says applied, or (for an execution the kill
			// stopped between the write and its audit row) run 2's plan saw it and did not apply it again.
			const appliedKeys = auditKeys(applied);
			const seenAgain = new Set(audit.filter((a) => !a.applied).map((a) => String(a.entity_id)));
			const unexplained = changes.filter((c) => !writeKeys(c).some((key) => appliedKeys.has(key)) && !changeIds(c).some((id) => seenAgain.has(id)));
			assert.equal(unexplained.length, 0, `writes no plan accounts for: ${unexplained.slice(0, 3).map((c) => `${c.entity} ${JSON.stringify(c.fields)}`).join('; ')}`);
			const lost = changes.filter((c) => !writeKeys(c).some((key) => appliedKeys.has(key))).length;
			report(`${lost} writes made by interrupted executions before their audit rows were stored${lost ? '; run 2 planned them again and did not re-apply them' : ' (the kill landed before any Apply)'}`);
			// Guardrails: budgets within ±20 % of what they were, statuses only ever paused.
			for (const c of changes) {
				for (const [field, { before, after }] of Object.entries(c.fields)) {
					if (isBudgetField(field)) {
						const ratio = Number(after) / Number(before);
						assert.ok(Math.abs(ratio - 1) <= MAX_CHANGE + 0.011, `${c.entity} ${field} ${before} → ${after} is outside ±20 %`);
					} else if (/status/.test(field)) {
						assert.equal(after, 'PAUSED', `${c.entity} ${field} set to ${after}: only pausing is allowed without Allow Activation`);
					} else {
						assert.fail(`${c.entity}: ${field} changed (${JSON.stringify({ before, after })}), which no template asks for`);
					}
				}
			}
		},
	},
	{
		name: "Redis loses its queue while executions wait (restarted without persistence): main's recovery marks them crashed, n8n runs no Error Workflow, Interrupted runs to alerts reports each exactly once",
		async run(stack, context, report) {
			assert.ok(context.accounts, 'run 1 did not start');
			// No worker, so that the executions wait in the queue; then the queue is gone.
			while (stack.workers.length > 0) await stack.workers.pop().stop();
			const waitingIds = () => stack.postgres.psql(`SELECT id FROM execution_entity WHERE status IN ('new', 'running') ORDER BY id`, 'n8n').split('\n').filter(Boolean);
			const posted = await postLoad(stack, context.accounts.slice(0, 3), 'redis-loss');
			const deadline = Date.now() + 60_000;
			while (waitingIds().length < posted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
			await stack.redis.flushAll();
			const lost = waitingIds();
			assert.ok(lost.length >= posted, `${lost.length} executions waiting when the queue was flushed, ${posted} posted`);
			context.lost = lost;
			await stack.addWorker();
			await stack.addWorker();
			// Main's recovery sweep (every 15 s here) finds them with no job and sets them crashed, running no hooks.
			const crashedBy = Date.now() + 120_000;
			let statuses = [];
			for (;;) {
				statuses = stack.postgres.psql(`SELECT id || ' ' || status FROM execution_entity WHERE id IN (${lost.join(',')})`, 'n8n').split('\n').filter(Boolean);
				if (statuses.every((line) => line.endsWith(' crashed'))) break;
				if (Date.now() > crashedBy) assert.fail(`not all lost executions were marked crashed: ${statuses.join(', ')}`);
				await new Promise((r) => setTimeout(r, 2000));
			}
			report(`${lost.length} executions lost with the queue (${posted} posted by the load, the rest scheduled), marked crashed: ${lost.join(', ')}`);
			await waitForAlerts(stack.simulator.url, lost, interruptedRunsMention, 240_000);
			// Let one more scheduled pass of the step run: it must not report anything again.
			await new Promise((r) => setTimeout(r, 70_000));
			const messages = await hookMessages(stack.simulator.url);
			for (const id of lost) {
				const about = messages.filter((m) => interruptedRunsMention(id).test(JSON.stringify(m)));
				const byChannel = statusCounts(about.map((m) => ({ status: m.path.split('/')[1] })));
				assert.ok(Object.values(byChannel).length > 0 && Object.values(byChannel).every((n) => n === 1), `execution ${id}: alerts by channel ${JSON.stringify(byChannel)}, expected one on each`);
				const errorWorkflowAlerts = messages.filter((m) => errorWorkflowMention(id).test(JSON.stringify(m)));
				assert.equal(errorWorkflowAlerts.length, 0, `n8n ran the Error Workflow for lost execution ${id}: then this step is not needed for it`);
			}
			report(`one alert per lost execution on each channel, none from the Error Workflow`);
		},
	},
	{
		name: 'the alert paths themselves never failed',
		async run(stack, context) {
			const alerting = await listExecutions(stack, [ALERTS_WORKFLOW_ID, ERROR_WORKFLOW_ID, INTERRUPTED_WORKFLOW_ID]);
			assert.ok(alerting.length > 0, 'no alert workflow ran');
			// Runs of the step that were in the queue when Redis lost it are expected casualties (reported above).
			const bad = alerting.filter((e) => !['success', 'running', 'new'].includes(e.status) && !(context.lost ?? []).includes(String(e.id)));
			assert.equal(bad.length, 0, `alert executions not successful: ${(await Promise.all(bad.map((e) => describeExecution(stack, e)))).join('; ')}`);
		},
	},
	{
		name: "no secret in any n8n log or in any execution's data",
		async run(stack) {
			const logs = readdirSync(stack.logDir).map((f) => [f, readFileSync(join(stack.logDir, f), 'utf8')]);
			assert.ok(logs.some(([, text]) => text.length > 0), 'the n8n logs are empty: nothing was checked');
			const executionData = stack.postgres.psql('SELECT data FROM execution_data', 'n8n');
			assert.ok(executionData.includes('adpilot.action/v1'), 'no execution data found to check');
			for (const secret of SANDBOX_SECRETS) {
				for (const [file, text] of logs) assert.ok(!text.includes(secret), `${file} contains a secret (${secret.slice(0, 8)}…)`);
				assert.ok(!executionData.includes(secret), `stored execution data contains a secret (${secret.slice(0, 8)}…)`);
			}
			const listed = await listExecutions(stack);
			assert.ok(!SANDBOX_SECRETS.some((s) => JSON.stringify(listed).includes(s)), 'the execution list contains a secret');
		},
	},
];
