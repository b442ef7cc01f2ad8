#!/usr/bin/env node
// Queue-mode throughput: the scale test's load (60 simulated accounts, one
// webhook execution per batch of 3) on the real n8n in queue mode, first with
// one worker, then with two, on the same stack and the same load (both stores
// emptied before each pass). Prints accounts per minute for each, their
// ratio, and the platform calls per account the simulator counted.
import { cpus, loadavg } from 'node:os';

import { Cleanup, startScaleStack } from '../test/scale/stack.mjs';
import { batchesOf, clearStores, listExecutions, postBatches, postgresRowKeys, simulator, simulatorAccountIds, waitForExecutions } from '../test/scale/load.mjs';
import { BATCH_SIZE, RANGE, SCALE_SIMULATOR_ARGS } from '../test/scale/scenario.mjs';

const CONCURRENCY = 4;
const cleanup = new Cleanup();
process.once('SIGINT', () => cleanup.run().finally(() => process.exit(130)));

/** One pass over every account; returns accounts per minute (first start to last stop, as n8n recorded them) and calls. */
async function pass(stack, accounts, label) {
	clearStores(stack);
	await simulator(stack.simulator.url, 'counts/reset', {});
	const before = new Set((await listExecutions(stack)).map((e) => e.id));
	const batches = batchesOf(accounts, BATCH_SIZE);
	await postBatches(stack.main.port, batches, { run: label, ...RANGE });
	const all = await waitForExecutions(stack, before.size + batches.length, 1_800_000);
	const mine = all.filter((e) => !before.has(e.id));
	const failed = mine.filter((e) => e.status !== 'success');
	if (failed.length > 0) throw new Error(`${label}: ${failed.length} executions did not succeed`);
	const start = Math.min(...mine.map((e) => Date.parse(e.startedAt)));
	const stop = Math.max(...mine.map((e) => Date.parse(e.stoppedAt)));
	const { total } = await simulator(stack.simulator.url, 'counts');
	const rows = postgresRowKeys(stack).length;
	return { minutes: (stop - start) / 60_000, perMinute: accounts.length / ((stop - start) / 60_000), calls: total, rows };
}

async function main() {
	const stack = await startScaleStack({ cleanup, workers: 1, concurrency: CONCURRENCY, simulatorArgs: SCALE_SIMULATOR_ARGS });
	const accounts = await simulatorAccountIds(stack.simulator.url);
	const one = await pass(stack, accounts, 'bench-1-worker');
	await stack.addWorker();
	const two = await pass(stack, accounts, 'bench-2-workers');
	const line = (label, r) =>
		`${label}: ${r.perMinute.toFixed(1)} accounts/min (${accounts.length} accounts in ${(r.minutes * 60).toFixed(0)} s, ${r.rows} rows), ${(r.calls / accounts.length).toFixed(2)} platform calls/account`;
	console.log(`queue mode, worker concurrency ${CONCURRENCY}, ${accounts.length} accounts, batches of ${BATCH_SIZE}, Data Table + PostgreSQL upserts`);
	console.log(line('1 worker ', one));
	console.log(line('2 workers', two));
	console.log(`ratio 2/1 workers: ${(two.perMinute / one.perMinute).toFixed(2)}× (goal ≥ 1.7×)`);
	console.log(`machine: ${cpus().length} CPU cores shared by main, workers, PostgreSQL, Redis and the simulator; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => cleanup.run());
