#!/usr/bin/env node
// `npm start`: a real n8n editor on http://localhost:5678 with AdPilot and
// every template loaded, its credentials pointed at the local simulator of
// the Meta, Google Ads and OpenAI APIs. Ctrl-C stops both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ensureOwner, loginToEditor, repoRoot, SANDBOX_OWNER, startEditor } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';
import { prepareInstance, publishCalledWorkflows, startSimulatorProcess } from './lib/sandbox.mjs';

const EDITOR_PORT = Number(process.env.ADPILOT_EDITOR_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.ADPILOT_SIMULATOR_PORT ?? 5680);

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
	const editor = await startEditor(userFolder, EDITOR_PORT);
	await ensureOwner(EDITOR_PORT);
	await publishCalledWorkflows(EDITOR_PORT, await loginToEditor(EDITOR_PORT), workflows);

	console.log('\n  AdPilot sandbox is running');
	console.log(`  Editor:     http://localhost:${EDITOR_PORT}`);
	console.log(`  Login:      ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}`);
	console.log(`  Simulator:  ${simulator.url} (Meta ${simulator.url}/meta, Google ${simulator.url}/google, OpenAI ${simulator.url}/openai/v1)`);
	console.log(`  Templates:  ${workflows.map((w) => w.name).join(', ') || 'none'}`);
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
