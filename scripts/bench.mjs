#!/usr/bin/env node
// `npm run bench`: compiles the tools and runs every bench/*.bench.ts, each in
// its own process (so peak memory is that benchmark's alone), printing the
// figures the issues name. Pass names to run a subset: npm run bench -- adsRules
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';

const env = ensureNode24();
execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env, stdio: 'inherit' });

const only = process.argv.slice(2);
const benches = readdirSync(join(repoRoot, 'bench'))
	.filter((f) => f.endsWith('.bench.ts'))
	.map((f) => f.replace(/\.bench\.ts$/, ''))
	.filter((name) => only.length === 0 || only.includes(name));

let failed = 0;
for (const name of benches) {
	console.log(`\n=== ${name} ===`);
	try {
		execFileSync(process.execPath, ['--expose-gc', join(repoRoot, 'build', 'bench', `${name}.bench.js`)], {
			cwd: repoRoot,
			env,
			stdio: 'inherit',
		});
	} catch {
		failed++;
		console.log(`${name}: FAILED`);
	}
}

// Benches that drive real processes (bench/*.bench.mjs, e.g. queue mode) run as they are.
const processBenches = readdirSync(join(repoRoot, 'bench'))
	.filter((f) => f.endsWith('.bench.mjs'))
	.map((f) => f.replace(/\.bench\.mjs$/, ''))
	.filter((name) => only.length === 0 || only.includes(name));
for (const name of processBenches) {
	console.log(`\n=== ${name} ===`);
	try {
		execFileSync(process.execPath, [join(repoRoot, 'bench', `${name}.bench.mjs`)], { cwd: repoRoot, env, stdio: 'inherit' });
	} catch {
		failed++;
		console.log(`${name}: FAILED`);
	}
}
process.exit(failed === 0 ? 0 : 1);
