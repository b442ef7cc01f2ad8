#!/usr/bin/env node
// `npm start`: a real n8n editor on http://localhost:5678 with AdPilot and
// every template loaded, its credentials pointed at the local simulator of
// the Meta, Google Ads and OpenAI APIs. Ctrl-C stops both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ensureOwner, loginToEditor, publishWorkflow, repoRoot, SANDBOX_OWNER, startEditor } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';
import { prepareInstance, publishCalledWorkflows, startSimulatorProcess } from './lib/sandbox.mjs';
import { ensureSandboxDataTables } from './lib/sandboxDataTables.mjs';
import { curlLine, SANDBOX_WEBHOOKS } from './lib/sandboxWebhooks.mjs';

const EDITOR_PORT = Number(process.env.ADPILOT_EDITOR_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.ADPILOT_SIMULATOR_PORT ?? 5680);

/** When the clock started: the wrapper (scripts/with-node24.mjs) passes its own start time on. */
const startedAt = Number(process.env.ADPILOT_STARTED_AT ?? Date.now());

async function main() {
	const env = ensureNode24();
	if (!existsSync(join(repoRoot, 'node_modules', 'n8n-workflow'))) {
		execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: repoRoot, env, stdio: 'inherit' });
	}
	execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env, stdio: 'inherit' });

	const simulator = await startSimulatorProcess(SIMULATOR_PORT);
	const userFolder = join(repoRoot, '.n8n-sandbox');
	mkdirSync(userFolder, { recursive: true });
	const { workflows } = prepareInstance({ userFolder, simulatorUrl: simulator.url, smtpPort: simulator.smtpPort });
	// n8n serves a production webhook only for a published workflow (published from the CLI before start).
	for (const webhook of SANDBOX_WEBHOOKS) publishWorkflow(userFolder, webhook.workflowId);
	// Warnings and errors only: the banner below says what the user needs.
	const editor = await startEditor(userFolder, EDITOR_PORT, { N8N_LOG_LEVEL: 'warn' }, { quiet: true });
	await ensureOwner(EDITOR_PORT);
	const cookie = await loginToEditor(EDITOR_PORT);
	// Sub-workflows and error workflows run only once published through the editor's REST API.
	await publishCalledWorkflows(EDITOR_PORT, cookie, workflows);
	const tables = await ensureSandboxDataTables(EDITOR_PORT, cookie);
	const seconds = Math.round((Date.now() - startedAt) / 1000);

	console.log('\n  AdPilot sandbox is running');
	console.log(`  Editor:     http://localhost:${EDITOR_PORT}`);
	console.log(`  Login:      ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}`);
	console.log(`  Simulator:  ${simulator.url} (Meta ${simulator.url}/meta, Google ${simulator.url}/google, OpenAI ${simulator.url}/openai/v1)`);
	console.log(`  Templates:  ${workflows.map((w) => w.name).join(', ') || 'none'}`);
	if (tables.length > 0) console.log(`  Data tables created: ${tables.join(', ')}`);
	for (const webhook of SANDBOX_WEBHOOKS) {
		console.log(`  Webhook template (run from ${repoRoot}; the report lands in ${simulator.url}/hooks):`);
		console.log(`    ${curlLine(webhook, EDITOR_PORT, simulator.url)}`);
	}
	console.log(`  Ready in ${Math.floor(seconds / 60)} min ${seconds % 60} s.`);
	console.log('  Ctrl-C stops both.\n');

	const stop = () => {
		editor.kill('SIGTERM');
		simulator.child.kill('SIGTERM');
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	editor.on('exit', (code) => {
		simulator.child.kill('SIGTERM');
		process.exit(code ?? 1);
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
