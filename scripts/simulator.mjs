#!/usr/bin/env node
// `npm run simulator -- [--port 5680 ...]`: compiles the tools and runs the simulator CLI.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';

const env = ensureNode24();
execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env, stdio: 'inherit' });
const child = spawn(process.execPath, [join(repoRoot, 'build', 'simulator', 'cli.js'), ...process.argv.slice(2)], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
