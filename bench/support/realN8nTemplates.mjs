// Benchmarks of templates (workflows/*.json) in a REAL n8n against the
// simulator, boot excluded: per template, a simulator with that template's
// dataset and an n8n editor with AdPilot installed and every template
// imported (as `npm start` sets it up: sandbox credentials, Data Tables,
// sub-workflows published) are started first; only the runs are timed.
//
// A template is one entry (see bench/templates.bench.mjs):
//   {
//     name,                 // printed heading
//     workflowId,           // the template's id
//     trigger,              // the trigger to start from, e.g. 'Run now'
//     simulatorArgs,        // simulator CLI args giving the dataset, e.g. ['--accounts', '1', '--ads', '2000']
//     runs?,                // the timed runs, one after the other: [{ label, before?(stack, runsSoFar) }]
//                           // (before: untimed set-up, e.g. seeding a table); default one run
//     drive?(stack, executionId), // what a person does while a run is in progress (e.g. answer its approval); timed
//     report?(stack, runs), // extra lines: the floor or peer beside the figure
//   }
// Each run is { executionId, status, wallMs, n8nMs, nodeMs: { node: ms }, calls },
// where calls are the simulator's API requests during that run.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureOwner, loginToEditor, personalProjectId, repoRoot, startEditor } from '../../scripts/lib/n8n.mjs';
import { prepareInstance, publishCalledWorkflows, startSimulatorProcess } from '../../scripts/lib/sandbox.mjs';
import { ensureSandboxDataTables } from '../../scripts/lib/sandboxDataTables.mjs';
import { readExecution, startManualRun, waitForRun } from '../../test/e2e/n8nLoop.mjs';
// One retry: after a long run the pooled keep-alive socket to the simulator may be closed already (ECONNRESET).
import { simFetch } from '../../test/e2e/simFetch.mjs';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function simulatorCalls(simulatorUrl) {
	return (await (await simFetch(`${simulatorUrl}/_sim/counts`)).json()).total;
}

/** Simulator + editor for one template; `close()` stops both and removes the instance folder. */
export async function startStack(simulatorArgs) {
	const simPort = 21000 + Math.floor(Math.random() * 4000);
	const simulator = await startSimulatorProcess(simPort, simulatorArgs);
	const userFolder = mkdtempSync(join(tmpdir(), 'adpilot-bench-'));
	let editor;
	const close = () => {
		editor?.kill('SIGTERM');
		simulator.child.kill('SIGTERM');
		rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		const e2eDir = join(repoRoot, 'test', 'e2e', 'workflows');
		const { workflows } = prepareInstance({
			userFolder,
			simulatorUrl: simulator.url,
			smtpPort: simulator.smtpPort,
			extraWorkflowFiles: readdirSync(e2eDir).filter((f) => f.endsWith('.json')).map((f) => join(e2eDir, f)),
		});
		const port = 46000 + Math.floor(Math.random() * 4000);
		editor = await startEditor(userFolder, port, { N8N_RUNNERS_BROKER_PORT: String(port + 1), N8N_LOG_LEVEL: 'warn' }, { quiet: true });
		await ensureOwner(port);
		const cookie = await loginToEditor(port);
		await publishCalledWorkflows(port, cookie, workflows);
		await ensureSandboxDataTables(port, cookie);
		return { port, cookie, projectId: await personalProjectId(port, cookie), simulatorUrl: simulator.url, close };
	} catch (error) {
		close();
		throw error;
	}
}

/** One timed run from the entry's trigger (driven by `drive` while it runs, if given); fails on anything but success. */
export async function timedRun(stack, workflowId, trigger, drive) {
	const before = await simulatorCalls(stack.simulatorUrl);
	const started = performance.now();
	const executionId = await startManualRun(stack.port, stack.cookie, workflowId, trigger);
	await drive?.(stack, executionId);
	const { status } = await waitForRun(stack.port, stack.cookie, workflowId, executionId);
	const wallMs = performance.now() - started;
	const calls = (await simulatorCalls(stack.simulatorUrl)) - before;
	const execution = await readExecution(stack.port, stack.cookie, executionId);
	if (status !== 'success') throw new Error(`run ${executionId} of ${workflowId} ended ${status}: ${execution.resultData.error?.message ?? ''}`);
	const nodeMs = {};
	let first = Infinity;
	let last = 0;
	for (const [node, runs] of Object.entries(execution.resultData.runData ?? {})) {
		nodeMs[node] = runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0);
		for (const run of runs) {
			first = Math.min(first, run.startTime);
			last = Math.max(last, run.startTime + (run.executionTime ?? 0));
		}
	}
	return { executionId, status, wallMs, n8nMs: last - first, nodeMs, calls, execution };
}

/** The standard lines of one run: wall time, n8n's own span, API calls, the slowest nodes. */
export function runLine(label, run, topNodes = 4) {
	const slowest = Object.entries(run.nodeMs)
		.sort((a, b) => b[1] - a[1])
		.slice(0, topNodes)
		.map(([node, ms]) => `${node} ${seconds(ms)}`)
		.join(', ');
	return `${label}: ${seconds(run.wallMs)} wall (n8n: first node start to last node end ${seconds(run.n8nMs)}), ${run.calls} simulator API calls; slowest nodes: ${slowest}`;
}

/** Runs every entry on its own stack; returns the number that failed. */
export async function benchTemplates(entries) {
	let failed = 0;
	for (const entry of entries) {
		console.log(`\n--- ${entry.name} ---`);
		let stack;
		try {
			const booted = performance.now();
			stack = await startStack(entry.simulatorArgs ?? []);
			console.log(`(boot, not counted: ${seconds(performance.now() - booted)})`);
			const runs = [];
			for (const step of entry.runs ?? [{ label: 'run' }]) {
				await step.before?.(stack, runs);
				const run = await timedRun(stack, entry.workflowId, entry.trigger, entry.drive);
				runs.push(run);
				console.log(runLine(step.label, run));
			}
			for (const line of (await entry.report?.(stack, runs)) ?? []) console.log(line);
		} catch (error) {
			failed++;
			console.log(`${entry.name}: FAILED ${error.stack ?? error.message}${error.cause ? ` (cause: ${error.cause.stack ?? error.cause.message ?? error.cause})` : ''}`);
		} finally {
			stack?.close();
		}
	}
	return failed;
}
