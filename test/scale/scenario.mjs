// The scale test's story, one check per step: a run of many accounts under
// faults and a throttling episode with one worker SIGKILLed mid-run, the
// killed executions visible in n8n's execution list, the next run completing the work, every
// metric row stored exactly once in both stores, and no secret anywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { editorRest } from '../../scripts/lib/n8n.mjs';
import { SANDBOX_SECRETS } from '../../scripts/lib/sandbox.mjs';
import {
	batchesOf,
	dataTableRowKeys,
	expectedRowKeys,
	listExecutions,
	postBatches,
	postgresRowKeys,
	simulator,
	simulatorAccountIds,
	statusCounts,
	waitForExecutions,
	waitForRunning,
} from './load.mjs';

/** The simulator's secrets: none may reach an n8n log or execution. */
const SECRETS = SANDBOX_SECRETS;

/** The dataset the scale test and bench seed: 60 accounts, ≥ 2,000 ads, a fixed "today". */
export const SCALE_SIMULATOR_ARGS = ['--accounts', '60', '--ads', '2000', '--days', '10', '--today', '2026-11-20', '--seed', '15'];
// One day of ad set rows (~700): n8n's Data Table upsert costs several queries per row and
// serialises on the table's own record, so a bigger load would take most of CI's time there.
export const RANGE = { since: '2026-11-19', until: '2026-11-19' };
export const BATCH_SIZE = 3;

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

/**
 * Run 1: all accounts, faults on, a throttling episode, and worker 1 killed
 * once executions are running on both workers; the worker is restarted.
 * Returns the run's executions once none is unfinished (the killed ones
 * fail as stalled once their job lock expires; see assertKilledExecution).
 */
async function runWithKilledWorker(stack, batches, report) {
	await simulator(stack.simulator.url, 'faults', TRANSIENT_FAULTS);
	await postBatches(stack.main.port, batches, { run: 'run-1', ...RANGE });
	await simulator(stack.simulator.url, 'faults', { throttle: { forMs: 8000, regainMinutes: 1 } });
	const running = await waitForRunning(stack, 2, 300_000);
	const victim = stack.workers.shift();
	await victim.kill();
	report(`worker 1 SIGKILLed with ${running.length} executions running; restarting it`);
	await stack.addWorker();
	return await waitForExecutions(stack, batches.length, 360_000);
}

/** n8n's message on an execution whose worker died and whose job a live worker then found stalled. */
const STALLED_MESSAGE = /failed to be processed too many times and will no longer retry/;

/**
 * What the user finds for a killed worker's execution. A live worker notices
 * the dead one's expired job lock and fails the job: "error" with n8n's
 * stalled-job message. With no live worker left, main's recovery sweep marks
 * it "crashed" instead. Either way it is in the list and says why.
 */
async function assertKilledExecution(stack, execution) {
	if (execution.status === 'crashed') return;
	assert.equal(execution.status, 'error', `execution ${execution.id} ended ${execution.status}`);
	const detail = await editorRest(stack.main.port, stack.cookie, 'GET', `/executions/${execution.id}`);
	assert.match(JSON.stringify(detail), STALLED_MESSAGE, `execution ${execution.id} failed for another reason`);
}

export const scaleChecks = [
	{
		name: 'run 1: a worker killed mid-run; its executions show in n8n\'s execution list as failed (stalled job), the others succeed',
		async run(stack, context, report) {
			context.accounts = await simulatorAccountIds(stack.simulator.url);
			assert.ok(context.accounts.length >= 50, `the simulator serves ${context.accounts.length} accounts, want ≥ 50`);
			context.batches = batchesOf(context.accounts, BATCH_SIZE);
			const executions = await runWithKilledWorker(stack, context.batches, report);
			const counts = statusCounts(executions);
			report(`run 1 executions by status: ${JSON.stringify(counts)}`);
			assert.equal(executions.length, context.batches.length);
			const failed = executions.filter((e) => e.status !== 'success');
			assert.ok(failed.length >= 1, `every execution succeeded: the kill hit nothing (${JSON.stringify(counts)})`);
			for (const execution of failed) await assertKilledExecution(stack, execution);
			context.run1 = executions;
		},
	},
	{
		name: 'run 2 (the next scheduled run) completes every account on the restarted workers',
		async run(stack, context, report) {
			assert.ok(context.run1, 'run 1 did not finish, so there is no "next run" to check');
			await postBatches(stack.main.port, context.batches, { run: 'run-2', ...RANGE });
			const all = await waitForExecutions(stack, context.run1.length + context.batches.length, 360_000);
			const run2 = all.filter((e) => !context.run1.some((r) => r.id === e.id));
			report(`run 2 executions by status: ${JSON.stringify(statusCounts(run2))}`);
			assert.equal(run2.length, context.batches.length);
			for (const execution of run2) assert.equal(execution.status, 'success', `execution ${execution.id} ended ${execution.status}`);
		},
	},
	{
		name: 'every metric row is stored exactly once, in the Data Table and in PostgreSQL',
		async run(stack, context, report) {
			await simulator(stack.simulator.url, 'faults', { errorRate: 0, throttle: null });
			const expected = await expectedRowKeys(stack.simulator.url, context.accounts, RANGE);
			assert.ok(expected.length >= 500, `only ${expected.length} (ad set, day) rows expected; the load is too small`);
			assertStoredExactlyOnce('PostgreSQL metric_rows', postgresRowKeys(stack), expected);
			assertStoredExactlyOnce('Data Table', dataTableRowKeys(stack), expected);
			report(`${expected.length} (ad set, day) rows for ${context.accounts.length} accounts, stored once in each store`);
		},
	},
	{
		name: 'no secret in any n8n log or in any execution\'s data',
		async run(stack) {
			const logs = readdirSync(stack.logDir).map((f) => [f, readFileSync(join(stack.logDir, f), 'utf8')]);
			assert.ok(logs.some(([, text]) => text.length > 0), 'the n8n logs are empty: nothing was checked');
			const executionData = stack.postgres.psql('SELECT data FROM execution_data', 'n8n');
			assert.ok(executionData.includes('Ad set insights by day'), 'no execution data found to check');
			for (const secret of SECRETS) {
				for (const [file, text] of logs) assert.ok(!text.includes(secret), `${file} contains a secret (${secret.slice(0, 8)}…)`);
				assert.ok(!executionData.includes(secret), `stored execution data contains a secret (${secret.slice(0, 8)}…)`);
			}
			const listed = await listExecutions(stack);
			assert.ok(!SECRETS.some((s) => JSON.stringify(listed).includes(s)), 'the execution list contains a secret');
		},
	},
];
