#!/usr/bin/env node
// Queue-mode throughput: the scale test's load (templates 1, 2 and 4 for every
// simulated account, one execution per batch; template 1 in its PostgreSQL
// variant, the one a queue-mode installation runs) on the real n8n in queue
// mode, with one worker and with two, on the same stack and the same starting
// state (simulator reset, the templates' Data Tables and PostgreSQL table and
// the workflows' static data emptied before each pass). Prints accounts per
// minute for each, their ratio, and the platform calls per account the
// simulator counted.
//
// ADPILOT_BENCH_TEMPLATES (default "metricsPostgres,guard,rebalance"): the
// load templates (keys of test/scale/templates.mjs); "metrics" is template 1
// with its Data Table.
//
// ADPILOT_BENCH_LATENCIES (default "0,300"): platform answer delays in ms to
// measure at. At 0 the simulator answers at once and every process competes for
// the same CPU cores, so a second worker on the same machine adds little; real
// Meta and Google answers take hundreds of ms, and then executions mostly wait,
// which is what a second worker's slots absorb.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

import { Cleanup, startScaleStack } from '../test/scale/stack.mjs';
import { clearStores, describeExecution, listExecutions, postLoad, simulator, simulatorAccountIds, waitForExecutions } from '../test/scale/load.mjs';
import { SCALE_SIMULATOR_ARGS } from '../test/scale/scenario.mjs';

const CONCURRENCY = Number(process.env.ADPILOT_BENCH_CONCURRENCY ?? 4);
const LATENCIES = (process.env.ADPILOT_BENCH_LATENCIES ?? '0,300').split(',').map(Number);
const TEMPLATES = (process.env.ADPILOT_BENCH_TEMPLATES ?? 'metricsPostgres,guard,rebalance').split(',');
/**
 * Meta calls a minute at which the simulator's usage headers read 100 %. Its
 * default, 600, is a small app: the load makes ~2,000 Meta calls a minute, so
 * usage passes 75 % and AdPilot slows down as designed (up to a minute per
 * call), and the bench would measure that budget, not n8n. The default here
 * is an app whose limits this load does not reach (Meta's Standard access:
 * 100,000 + 40 × active ads ads_management calls per ad account an hour).
 * ADPILOT_BENCH_META_CALLS_PER_MINUTE=600 shows the small app.
 */
const META_CALLS_PER_MINUTE = Number(process.env.ADPILOT_BENCH_META_CALLS_PER_MINUTE ?? 100_000);
const cleanup = new Cleanup();
process.once('SIGINT', () => cleanup.run().finally(() => process.exit(130)));

/** The machine's CPU time so far (all cores, in clock ticks), busy and in all, from /proc/stat. */
function cpuTicks() {
	const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
	const busy = user + nice + system + irq + softirq + steal;
	return { busy, total: busy + idle + iowait };
}

/** Which part of the installation a process is, from its command line. */
function processGroup(cmdline) {
	if (/task-runner|runners?\/dist/.test(cmdline)) return 'n8n task runners';
	if (/\bn8n\b.*\bworker\b/.test(cmdline)) return 'n8n workers';
	if (/\bn8n\b.*\bstart\b/.test(cmdline)) return 'n8n main';
	if (/simulator/.test(cmdline)) return 'simulator';
	if (/postgres/.test(cmdline)) return 'PostgreSQL';
	if (/redis-server/.test(cmdline)) return 'Redis';
	return 'other';
}

/** CPU ticks used so far by every live process, summed by group (a process that ends mid-pass takes its ticks with it). */
function cpuByGroup() {
	const groups = {};
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
			const group = processGroup(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
			groups[group] = (groups[group] ?? 0) + utime + stime;
		} catch {
			// the process ended while being read
		}
	}
	return groups;
}

/** One pass over every account; accounts per minute from the first start to the last stop, as n8n recorded them. */
async function pass(stack, accounts, label, latencyMs) {
	clearStores(stack);
	stack.postgres.psql('UPDATE workflow_entity SET "staticData" = NULL', 'n8n');
	await simulator(stack.simulator.url, 'reset', {});
	await simulator(stack.simulator.url, 'meta', { usageCallsPerMinute: META_CALLS_PER_MINUTE });
	await simulator(stack.simulator.url, 'faults', { latencyMs });
	const before = new Set((await listExecutions(stack)).map((e) => e.id));
	const cpuBefore = cpuTicks();
	const groupsBefore = cpuByGroup();
	const postingStarted = Date.now();
	const started = await postLoad(stack, accounts, label);
	const postingSeconds = (Date.now() - postingStarted) / 1000;
	const all = await waitForExecutions(stack, before.size + started, 3_600_000);
	const cpuAfter = cpuTicks();
	const groupsAfter = cpuByGroup();
	const mine = all.filter((e) => !before.has(e.id));
	const failed = mine.filter((e) => e.status !== 'success');
	if (failed.length > 0) {
		const why = await Promise.all(failed.map((e) => describeExecution(stack, e)));
		throw new Error(`${label}: ${failed.length} executions did not succeed: ${why.join('; ')}`);
	}
	// Per workflow: how long its executions took (a single long one bounds the pass whatever the slots).
	const durations = {};
	for (const e of mine) (durations[e.workflowId] ??= []).push((Date.parse(e.stoppedAt) - Date.parse(e.startedAt)) / 1000);
	const spans = Object.entries(durations).map(([id, list]) => {
		const sorted = list.sort((a, b) => a - b);
		return `${id} ${sorted.length}× median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} s, max ${sorted[sorted.length - 1].toFixed(0)} s`;
	});
	const start = Math.min(...mine.map((e) => Date.parse(e.startedAt)));
	const stop = Math.max(...mine.map((e) => Date.parse(e.stoppedAt)));
	// Platform calls only (the /hooks recorder counts alerts, which are not calls to Meta or Google).
	// HTTP requests, and calls as Meta counts them for its limits: each sub-request of a batch is one.
	const { counts } = await simulator(stack.simulator.url, 'counts');
	const sum = (keep) => Object.entries(counts).reduce((total, [label, n]) => total + (keep(label) ? n : 0), 0);
	const requests = sum((l) => /^(meta|google) /.test(l) && !l.startsWith('meta batch '));
	const meta = sum((l) => l.startsWith('meta ') && l !== 'meta POST /');
	const google = sum((l) => l.startsWith('google '));
	const changes = (await simulator(stack.simulator.url, 'changes')).changes.length;
	// How busy the whole machine was (every process on it, ours and anyone else's): near 100 % means the CPU, not the workers, was the limit.
	const cpuBusy = (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total);
	// CPU seconds by part (clock ticks are 1/100 s on Linux): a part near the pass's wall time is a one-core limit.
	const cpuSeconds = Object.entries(groupsAfter)
		.map(([group, ticks]) => [group, (ticks - (groupsBefore[group] ?? 0)) / 100])
		.filter(([, seconds]) => seconds >= 1)
		.sort((a, b) => b[1] - a[1]);
	return { minutes: (stop - start) / 60_000, perMinute: accounts.length / ((stop - start) / 60_000), requests, meta, google, executions: mine.length, changes, cpuBusy, cpuSeconds, spans, postingSeconds };
}

async function main() {
	const stack = await startScaleStack({ cleanup, workers: 1, concurrency: CONCURRENCY, simulatorArgs: SCALE_SIMULATOR_ARGS, only: TEMPLATES });
	const accounts = await simulatorAccountIds(stack.simulator.url);
	const line = (label, r) =>
		`${label}: ${r.perMinute.toFixed(1)} accounts/min (${accounts.length} accounts, ${r.executions} executions in ${(r.minutes * 60).toFixed(0)} s, ${r.changes} changes applied, load posted in ${r.postingSeconds.toFixed(0)} s, machine CPU ${(r.cpuBusy * 100).toFixed(0)} % busy), per account ${(r.requests / accounts.length).toFixed(1)} platform HTTP requests, ${(r.meta / accounts.length).toFixed(1)} Meta calls as Meta counts them (each batch sub-request one), ${(r.google / accounts.length).toFixed(1)} Google requests`;
	console.log(`queue mode, worker concurrency ${CONCURRENCY}, Meta usage headers at 100 % from ${META_CALLS_PER_MINUTE} calls a minute, ${accounts.length} accounts, templates ${stack.templates.map((t) => `${t.key} (${t.batchSize}/execution)`).join(', ')}`);
	for (const latencyMs of LATENCIES) {
		while (stack.workers.length > 1) await stack.workers.pop().stop();
		const one = await pass(stack, accounts, `bench-1-worker-${latencyMs}`, latencyMs);
		await stack.addWorker();
		const two = await pass(stack, accounts, `bench-2-workers-${latencyMs}`, latencyMs);
		console.log(`platform latency ${latencyMs} ms:`);
		console.log(`  ${line('1 worker ', one)}`);
		console.log(`    CPU seconds: ${one.cpuSeconds.map(([g, sec]) => `${g} ${sec.toFixed(0)}`).join(', ')}; executions: ${one.spans.join('; ')}`);
		console.log(`  ${line('2 workers', two)}`);
		console.log(`    CPU seconds: ${two.cpuSeconds.map(([g, sec]) => `${g} ${sec.toFixed(0)}`).join(', ')}; executions: ${two.spans.join('; ')}`);
		console.log(`  ratio 2/1 workers: ${(two.perMinute / one.perMinute).toFixed(2)}× (goal ≥ 1.7×)`);
	}
	console.log(`machine: ${cpus().length} CPU cores shared by main, workers, PostgreSQL, Redis and the simulator (and anyone else); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => cleanup.run());
