#!/usr/bin/env node
// CI's newcomer check: a fresh clone in a temporary folder, README.md's Quick
// start command run exactly as written with the machine's own Node.js first on
// PATH, until the editor answers and lists every AdPilot node; then everything
// it started is stopped and the clone removed. Prints the time to a working editor.
// The n8n install is cached in ~/.cache/adpilot (ADPILOT_CACHE) as for `npm start`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { editorNodeTypes, loginToEditor, repoRoot } from './lib/n8n.mjs';
import { node24Dir } from './lib/node24.mjs';

/** What a quiet sandbox never prints: offline lookups, npm's engine warnings, n8n's notices (see QUIET_SANDBOX_ENV). */
const NOISE = [/ENOTFOUND/, /EBADENGINE/, /There (are deprecations|is a deprecation)/, /Failed to start Python task runner/, /license renewal/i, /gyp ERR/];
const TIMEOUT_MS = Number(process.env.ADPILOT_QUICKSTART_TIMEOUT_MS ?? 30 * 60_000);

/** The first ```sh block of README.md's "Quick start" section. */
export function quickStartCommand(readme) {
	const section = readme.split(/^## Quick start$/m)[1] ?? '';
	const block = section.match(/```sh\n([\s\S]*?)```/);
	if (!block) throw new Error('README.md has no ```sh block under "## Quick start"');
	return block[1].trim();
}

/** The machine's own PATH: what .ci/run saw before it put Node 24 first, without AdPilot's Node 24. */
function machinePath() {
	const path = process.env.ADPILOT_MACHINE_PATH ?? process.env.PATH ?? '';
	return path.split(delimiter).filter((dir) => !dir.startsWith(node24Dir) && !dir.endsWith(join('node_modules', '.bin'))).join(delimiter);
}

/** AdPilot's node type names, from package.json's n8n.nodes (dist/nodes/MetaAds/MetaAds.node.js → n8n-nodes-adpilot.metaAds). */
function expectedNodeTypes(packageJson) {
	return packageJson.n8n.nodes.map((path) => {
		const base = path.split('/').pop().replace('.node.js', '');
		return `n8n-nodes-adpilot.${base[0].toLowerCase()}${base.slice(1)}`;
	});
}

async function editorLists(port, expected) {
	try {
		const cookie = await loginToEditor(port);
		const names = new Set((await editorNodeTypes(port, cookie)).map((type) => type.name));
		return expected.every((name) => names.has(name));
	} catch {
		return false;
	}
}

function stop(child) {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = (signal) => {
			try {
				process.kill(-child.pid, signal); // the whole group: npm, the wrapper, n8n, the simulator
			} catch {
				// already gone
			}
		};
		const force = setTimeout(() => kill('SIGKILL'), 20_000);
		child.once('exit', () => {
			clearTimeout(force);
			setTimeout(resolve, 1000); // let the children of the group go too
		});
		kill('SIGTERM');
	});
}

async function main() {
	const clone = mkdtempSync(join(tmpdir(), 'adpilot-quickstart-'));
	execFileSync('git', ['clone', '--quiet', repoRoot, clone], { stdio: 'inherit' });
	const command = quickStartCommand(readFileSync(join(clone, 'README.md'), 'utf8'));
	const expected = expectedNodeTypes(JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')));
	const port = Number(process.env.ADPILOT_EDITOR_PORT ?? 5678);
	const path = machinePath();
	const machineNode = execFileSync('node', ['--version'], { env: { ...process.env, PATH: path }, encoding: 'utf8' }).trim();
	console.log(`[quickstart] ${clone}: \`${command}\` with the machine's node ${machineNode} first on PATH`);

	const started = Date.now();
	const env = { ...process.env, PATH: path };
	for (const key of Object.keys(env)) if (key.startsWith('npm_') || key === 'ADPILOT_STARTED_AT') delete env[key];
	const child = spawn('bash', ['-c', command], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let printed = '';
	child.stdout.on('data', (chunk) => {
		printed += chunk;
		process.stdout.write(chunk);
	});
	child.stderr.on('data', (chunk) => {
		printed += chunk;
		process.stderr.write(chunk);
	});
	let ok = false;
	try {
		while (Date.now() - started < TIMEOUT_MS && child.exitCode === null) {
			if (await editorLists(port, expected)) {
				ok = true;
				break;
			}
			await new Promise((r) => setTimeout(r, 3000));
		}
	} finally {
		await stop(child);
		rmSync(clone, { recursive: true, force: true });
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	if (!ok) {
		console.log(`[quickstart] FAIL: no editor listing ${expected.join(', ')} on port ${port} after ${seconds} s (exit code ${child.exitCode})`);
		process.exit(1);
	}
	const noise = printed.split('\n').filter((line) => NOISE.some((pattern) => pattern.test(line)));
	if (noise.length > 0) {
		console.log(`[quickstart] FAIL: the sandbox printed what a local sandbox should not:\n${noise.join('\n')}`);
		process.exit(1);
	}
	console.log(`[quickstart] ok: from a fresh clone to an editor listing every AdPilot node in ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
