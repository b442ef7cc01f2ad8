#!/usr/bin/env node
// End-to-end: AdPilot packed and installed into a REAL n8n, workflows
// imported and executed with `n8n execute` against the local simulator.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { editorNodeTypes, ensureOwner, executeWorkflow, loginToEditor, publishWorkflow, repoRoot, startEditor, testCredential } from './lib/n8n.mjs';
import { ensureNode24 } from './lib/node24.mjs';
import { prepareInstance, publishCalledWorkflows, SANDBOX_SECRETS, sandboxCredentials, startSimulatorProcess } from './lib/sandbox.mjs';
import { ensureSandboxDataTables } from './lib/sandboxDataTables.mjs';
import { e2eCases } from '../test/e2e/cases.mjs';
import { webhookCases } from '../test/e2e/webhook-cases.mjs';
import { loopEditorCases, loopExecuteCases } from '../test/e2e/loop-cases.mjs';

// One file per template under test/e2e/templates/, each exporting `executeCases`
// (run with `n8n execute`) and/or `editorCases` (run against a started editor).
const templatesDir = join(repoRoot, 'test', 'e2e', 'templates');
const templateCaseFiles = existsSync(templatesDir) ? readdirSync(templatesDir).filter((f) => f.endsWith('.mjs')).sort() : [];
const templateCases = await Promise.all(templateCaseFiles.map((f) => import(join(templatesDir, f))));

// ADPILOT_E2E_ONLY=<regex> runs only the cases whose names match (the editor check always runs).
const only = process.env.ADPILOT_E2E_ONLY ? new RegExp(process.env.ADPILOT_E2E_ONLY, 'i') : undefined;
const selected = (cases) => (only ? cases.filter((c) => only.test(c.name)) : cases);
const executeCases = selected([...e2eCases, ...loopExecuteCases, ...templateCases.flatMap((m) => m.executeCases ?? [])]);
const editorCases = selected([...webhookCases, ...loopEditorCases, ...templateCases.flatMap((m) => m.editorCases ?? [])]);

const SECRETS = SANDBOX_SECRETS;

/** Where the editor fetches output schemas (nodes/shared/contracts/jsonSchemas.ts → OUTPUT_SCHEMAS). */
const OUTPUT_SCHEMA_URLS = [
	'/schemas/n8n-nodes-adpilot.metaAds/1.0.0/insights/get.json',
	'/schemas/n8n-nodes-adpilot.googleAds/1.0.0/report/get.json',
	'/schemas/n8n-nodes-adpilot.adsRules/1.0.0.json',
];

/** What `npm start` shows: the editor lists AdPilot's nodes, and every credential's Test button passes. */
async function checkEditor(port, cookie, simulatorUrl) {
	const names = (await editorNodeTypes(port, cookie)).map((type) => type.name);
	const expected = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).n8n.nodes.map((path) => {
		const base = path.split('/').pop().replace('.node.js', '');
		return `n8n-nodes-adpilot.${base[0].toLowerCase()}${base.slice(1)}`;
	});
	for (const name of expected) {
		if (!names.includes(name)) throw new Error(`${name} is not among the editor's ${names.length} node types`);
	}
	// The output schemas the editor asks for before a node has run (404 before they shipped).
	for (const path of OUTPUT_SCHEMA_URLS) {
		const answer = await fetch(`http://127.0.0.1:${port}${path}`);
		const schema = answer.ok ? await answer.json() : undefined;
		if (schema?.type !== 'object' || Object.keys(schema.properties ?? {}).length === 0) {
			throw new Error(`GET ${path} answered HTTP ${answer.status} without an object schema`);
		}
	}
	for (const credential of sandboxCredentials(simulatorUrl)) {
		const result = await testCredential(port, cookie, credential);
		if (result.status !== 'OK') throw new Error(`credential test of ${credential.type} failed: ${JSON.stringify(result)}`);
	}
}

/**
 * Publishes the webhook cases' workflows (n8n registers production webhooks
 * only for published workflows, and only at start-up when published from the
 * CLI), starts one editor, then runs the editor check and every webhook case
 * against it. `report(name, started, error?)` prints one ok/FAIL line per check.
 */
async function editorChecks(userFolder, simulatorUrl, workflows, report) {
	const EDITOR_CHECK = 'the editor lists every AdPilot node, serves their output schemas, every credential test passes, the sandbox data tables are created as `npm start` creates them';
	const publishErrors = new Map();
	for (const testCase of editorCases) {
		// A case that publishes in the editor itself (a trigger whose activation subscribes something) opts out.
		if (testCase.publishAtStart === false) continue;
		try {
			publishWorkflow(userFolder, testCase.workflowId);
		} catch (error) {
			publishErrors.set(testCase, new Error(`n8n publish:workflow --id=${testCase.workflowId} failed: ${String(error.stderr ?? error.message).slice(-1000)}`));
		}
	}
	const port = 40000 + Math.floor(Math.random() * 10000);
	const broker = String(port + 1);
	let editor;
	let cookie;
	let started = Date.now();
	try {
		editor = await startEditor(userFolder, port, { N8N_RUNNERS_BROKER_PORT: broker, N8N_LOG_LEVEL: 'warn' });
		await ensureOwner(port);
		cookie = await loginToEditor(port);
		await publishCalledWorkflows(port, cookie, workflows);
		await checkEditor(port, cookie, simulatorUrl);
		// The webhook cases find their clients only in these tables: nothing else creates them.
		await ensureSandboxDataTables(port, cookie);
		report(EDITOR_CHECK, started);
	} catch (error) {
		report(EDITOR_CHECK, started, error);
	}
	try {
		for (const testCase of editorCases) {
			started = Date.now();
			try {
				if (publishErrors.has(testCase)) throw publishErrors.get(testCase);
				if (!cookie) throw new Error('the editor did not start or the owner could not log in');
				await testCase.run({ port, cookie, simulatorUrl });
				report(testCase.name, started);
			} catch (error) {
				report(testCase.name, started, error);
			}
		}
	} finally {
		editor?.kill('SIGTERM');
	}
}

async function main() {
	execFileSync('npx', ['tsc', '-p', 'tsconfig.tools.json'], { cwd: repoRoot, env: ensureNode24(), stdio: 'inherit' });
	const port = 15000 + Math.floor(Math.random() * 5000);
	const simulator = await startSimulatorProcess(port);
	const userFolder = mkdtempSync(join(tmpdir(), 'adpilot-e2e-'));
	let passed = 0;
	let failed = 0;
	try {
		const e2eDir = join(repoRoot, 'test', 'e2e', 'workflows');
		const extra = readdirSync(e2eDir).filter((f) => f.endsWith('.json')).map((f) => join(e2eDir, f));
		const { workflows } = prepareInstance({ userFolder, simulatorUrl: simulator.url, smtpPort: simulator.smtpPort, extraWorkflowFiles: extra });
		for (const testCase of executeCases) {
			const started = Date.now();
			try {
				if (testCase.before) await testCase.before(simulator.url);
				const result = executeWorkflow(userFolder, testCase.workflowId);
				const printed = JSON.stringify(result);
				for (const secret of SECRETS) {
					if (printed.includes(secret)) throw new Error(`the output contains a secret (${secret.slice(0, 8)}…)`);
				}
				await testCase.check(result, simulator.url);
				passed++;
				console.log(`ok   ${testCase.name} (${Date.now() - started} ms)`);
			} catch (error) {
				failed++;
				console.log(`FAIL ${testCase.name}: ${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ""}`);
			}
		}
		await editorChecks(userFolder, simulator.url, workflows, (name, started, error) => {
			if (error) {
				failed++;
				console.log(`FAIL ${name}: ${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}`);
			} else {
				passed++;
				console.log(`ok   ${name} (${Date.now() - started} ms)`);
			}
		});
	} finally {
		simulator.child.kill('SIGTERM');
		rmSync(userFolder, { recursive: true, force: true });
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
