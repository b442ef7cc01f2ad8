#!/usr/bin/env node
// `npm run screenshots`: every template in workflows/ as the n8n editor shows
// it, saved to docs/templates/<file>.png for the README. Starts the same
// sandbox as `npm start` (in a throwaway folder), logs in, and drives
// Debian's chromium headless through playwright-core.
//   ADPILOT_CHROMIUM=/path/to/chromium   another browser binary
//   ADPILOT_EDITOR_PORT=5678             use a running `npm start` sandbox instead of starting one
//   node scripts/screenshots.mjs error-alerts   only the templates whose file names match
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { ensureOwner, loginToEditor, repoRoot, startEditor } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';
import { prepareInstance, startSimulatorProcess } from './lib/sandbox.mjs';

const CHROMIUM = process.env.ADPILOT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 810 };
const outDir = join(repoRoot, 'docs', 'templates');

/** The templates as { file (without .json), id }, filtered by the command-line words. */
function templatesToShoot(filters) {
	const dir = join(repoRoot, 'workflows');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({ file: f.replace(/\.json$/, ''), id: JSON.parse(readFileSync(join(dir, f), 'utf8')).id }))
		.filter(({ file }) => filters.length === 0 || filters.some((word) => file.includes(word)));
}

/** Opens one workflow, waits until its nodes are drawn and fitted, and saves the canvas. */
async function shoot(page, port, workflowId, file) {
	await page.goto(`http://127.0.0.1:${port}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('[data-test-id="canvas-node"]');
	await page.waitForLoadState('networkidle').catch(() => undefined);
	// Close whatever the editor pops up on first visit, then zoom to fit ("1" in n8n's canvas).
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-wrapper"], .vue-flow').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
	await page.keyboard.press('1');
	await page.waitForTimeout(800);
	const path = join(outDir, `${file}.png`);
	await page.screenshot({ path, type: 'png' });
	return { path, bytes: statSync(path).size };
}

/** Logs the browser in with the editor's session cookie and shoots every template. */
async function shootAll(port, cookie, filters) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
		await context.addCookies(
			cookie.split('; ').map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), domain: '127.0.0.1', path: '/' };
			}),
		);
		const page = await context.newPage();
		// The editor's first load compiles a lot of JavaScript; on a busy machine that takes minutes.
		page.setDefaultTimeout(180_000);
		mkdirSync(outDir, { recursive: true });
		for (const { file, id } of templatesToShoot(filters)) {
			const { path, bytes } = await shoot(page, port, id, file);
			console.log(`${path} (${Math.round(bytes / 1024)} KiB)`);
		}
	} finally {
		await browser.close();
	}
}

async function main() {
	const filters = process.argv.slice(2);
	if (process.env.ADPILOT_EDITOR_PORT) {
		const port = Number(process.env.ADPILOT_EDITOR_PORT);
		await shootAll(port, await loginToEditor(port), filters);
		return;
	}
	const env = ensureNode24();
	execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env, stdio: 'inherit' });
	const simulator = await startSimulatorProcess(21000 + Math.floor(Math.random() * 4000));
	const userFolder = mkdtempSync(join(tmpdir(), 'adpilot-shots-'));
	let editor;
	try {
		prepareInstance({ userFolder, simulatorUrl: simulator.url, smtpPort: simulator.smtpPort });
		const port = 46000 + Math.floor(Math.random() * 4000);
		editor = await startEditor(userFolder, port, { N8N_RUNNERS_BROKER_PORT: String(port + 1), N8N_LOG_LEVEL: 'warn' });
		await ensureOwner(port);
		await shootAll(port, await loginToEditor(port), filters);
	} finally {
		editor?.kill('SIGTERM');
		simulator.child.kill('SIGTERM');
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
