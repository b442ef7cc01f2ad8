#!/usr/bin/env node
// `npm run test:scale`: AdPilot on the real n8n in queue mode (PostgreSQL +
// Redis, one main, two workers) running templates 1, 2 and 4 for many
// simulated accounts under faults, a throttling episode and a worker killed
// mid-run (test/scale/). Prints one ok/FAIL line per check and "N passed,
// N failed"; stops everything it started, also on failure and on Ctrl-C.
// Size: ADPILOT_SCALE_ACCOUNTS, ADPILOT_SCALE_ADS (test/scale/scenario.mjs).
import { execFileSync } from 'node:child_process';

import { repoRoot } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';
import { Cleanup, startScaleStack } from '../test/scale/stack.mjs';
import { SCALE_SIMULATOR_ARGS, scaleChecks } from '../test/scale/scenario.mjs';

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		console.log(`\n${signal}: stopping everything the scale test started`);
		cleanup.run().finally(() => process.exit(130));
	});
}

async function main() {
	execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env: ensureNode24(), stdio: 'inherit' });
	const startedAt = Date.now();
	let passed = 0;
	let failed = 0;
	try {
		// Main's recovery sweep (for runs no live worker reports on) every 15 s instead of n8n's 180 minutes.
		const stack = await startScaleStack({ cleanup, workers: 2, concurrency: 4, simulatorArgs: SCALE_SIMULATOR_ARGS, recoveryMinutes: 0.25 });
		console.log(`queue mode up in ${Math.round((Date.now() - startedAt) / 1000)} s: main on :${stack.main.port}, ${stack.workers.length} workers`);
		const context = {};
		for (const check of scaleChecks) {
			const started = Date.now();
			try {
				await check.run(stack, context, (line) => console.log(`     ${line}`));
				passed++;
				console.log(`ok   ${check.name} (${Date.now() - started} ms)`);
			} catch (error) {
				failed++;
				console.log(`FAIL ${check.name}: ${error.message}`);
			}
		}
	} finally {
		await cleanup.run();
	}
	console.log(`${passed} passed, ${failed} failed (${Math.round((Date.now() - startedAt) / 1000)} s)`);
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch(async (error) => {
	console.error(error);
	await cleanup.run();
	process.exit(1);
});
