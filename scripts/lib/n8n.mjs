// A real n8n, installed from the registry into a cache folder outside the
// package (never a dependency of AdPilot), with AdPilot packed and installed
// as a community package. Used by `npm start` and `npm run test:e2e`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { cacheRoot, ensureNode24 } from './node24.mjs';
import { sandboxOutputFilter } from './quietOutput.mjs';

export const N8N_VERSION = process.env.ADPILOT_N8N_VERSION ?? '2.40.7';
export const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
const n8nRoot = join(cacheRoot, `n8n-${N8N_VERSION}`);
const readyMarker = join(n8nRoot, '.adpilot-ready');
export const n8nBin = join(n8nRoot, 'node_modules', '.bin', 'n8n');

function log(message) {
	console.error(`[adpilot] ${message}`);
}

/**
 * Installs n8n once (about 7 minutes) and reuses it afterwards. The overrides
 * work around two packages this network cannot fetch; scripts are skipped
 * because some native builds download sources, then the two native modules
 * n8n needs are rebuilt against Node 24's headers.
 */
export function ensureN8n() {
	const env = ensureNode24();
	if (existsSync(readyMarker)) return env;
	mkdirSync(n8nRoot, { recursive: true });
	const manifest = {
		name: 'adpilot-n8n-sandbox',
		private: true,
		dependencies: { n8n: N8N_VERSION },
		overrides: { xlsx: '0.18.5', linkedom: '0.18.12' },
	};
	writeFileSync(join(n8nRoot, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	log(`installing n8n ${N8N_VERSION} into ${n8nRoot} (first run only, several minutes)`);
	const run = (args) => execFileSync('npm', args, { cwd: n8nRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
	run(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	run(['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error']);
	writeFileSync(readyMarker, new Date().toISOString());
	return env;
}

/** Builds and packs AdPilot exactly as npm would publish it; returns the tarball path. */
export function packAdPilot(destination) {
	mkdirSync(destination, { recursive: true });
	const env = ensureNode24();
	// The project's .npmrc skips install scripts; packing must still run `prepack` (the build).
	execFileSync('npm', ['pack', '--ignore-scripts=false', '--pack-destination', destination, '--loglevel=error'], {
		cwd: repoRoot,
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(destination).find((f) => f.startsWith('n8n-nodes-adpilot-') && f.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack produced no tarball in ${destination}`);
	return join(destination, tarball);
}

/**
 * What a local sandbox does not need, and would only print failures or notices
 * about: telemetry, version checks, templates, verified-package and MCP-registry
 * lookups on api.n8n.io (ENOTFOUND offline), the hiring banner. The settings n8n
 * warns will change default are set to the coming defaults, so it has nothing
 * to warn about. License auto-renewal stays on: turning it off is itself a warning.
 */
export const QUIET_SANDBOX_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_DISABLED_MODULES: 'mcp-registry',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_PYTHON_ENABLED: 'false', // no Python runner is installed beside this n8n
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true', // AdPilot is installed as an unverified community package
	N8N_RUNNERS_TASK_TIMEOUT: '60',
	N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
	N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
};

/** The environment of one n8n instance living in `userFolder`. */
export function instanceEnv(userFolder, extra = {}) {
	return {
		...ensureNode24(),
		N8N_USER_FOLDER: userFolder,
		// A fixed key so imported credentials decrypt in every command of this instance.
		N8N_ENCRYPTION_KEY: 'adpilot-sandbox-encryption-key',
		...QUIET_SANDBOX_ENV,
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
}

/** Installs the packed tarball into the instance's community-nodes folder, as the editor's installer would. */
export function installIntoInstance(userFolder, tarball) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-adpilot': `file:${tarball}` } }, null, 2)}\n`,
	);
	// n8n-workflow comes from n8n itself: the peer must not be installed a second time.
	execFileSync('npm', ['install', '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		env: ensureNode24(),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/** Runs one n8n CLI command for the instance and returns its stdout. */
export function n8nCommand(userFolder, args, extraEnv = {}) {
	return execFileSync(n8nBin, args, {
		env: instanceEnv(userFolder, extraEnv),
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

export function importCredentials(userFolder, file) {
	n8nCommand(userFolder, ['import:credentials', `--input=${file}`]);
}

export function importWorkflows(userFolder, file) {
	n8nCommand(userFolder, ['import:workflow', `--input=${file}`]);
}

/**
 * Executes a workflow by id the way `n8n execute` does and returns the run
 * data it prints with --rawOutput. n8n prints that JSON through its logger at
 * "info" level, after its own start-up lines; the JSON runs from the first line
 * that is a lone "{" to the first lone "}". Each run gets its own task-broker port, so runs do not
 * collide with each other or with a running editor.
 */
export function executeWorkflow(userFolder, workflowId, extraEnv = {}) {
	const brokerPort = String(20000 + Math.floor(Math.random() * 20000));
	let stdout;
	try {
		stdout = n8nCommand(userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], {
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: brokerPort,
			...extraEnv,
		});
	} catch (error) {
		const printed = String(error.stdout ?? '');
		throw new Error(`n8n execute failed (exit ${error.status}): ${executionError(printed) ?? printed.slice(-3000)}`);
	}
	const result = printedExecution(stdout);
	if (!result) throw new Error(`n8n execute printed no JSON:\n${stdout.slice(-2000)}`);
	return result;
}

/** The execution JSON `n8n execute --rawOutput` prints, from a line "{" to the next line "}". */
function printedExecution(stdout) {
	const start = stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : stdout.slice(start).search(/^\}$/m);
	if (end < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start, start + end + 1));
	} catch {
		return undefined;
	}
}

/** The failing node, message and description of a failed execution (the tail of its output cuts them off). */
function executionError(stdout) {
	const result = printedExecution(stdout);
	const error = result?.data?.resultData?.error ?? result?.resultData?.error;
	if (!error) return undefined;
	const node = error.node?.name ?? result?.data?.resultData?.lastNodeExecuted;
	return `node "${node ?? '?'}": ${error.message}${error.description ? ` (${error.description})` : ''}`;
}

/** The sandbox's owner account, created on first start. */
export const SANDBOX_OWNER = { email: 'admin@adpilot.local', firstName: 'Ad', lastName: 'Pilot', password: 'AdPilot-sandbox-1' };

/** How long the REST routes may take to appear after /healthz; minutes on a loaded machine. */
const REST_READY_MS = Number(process.env.ADPILOT_N8N_REST_TIMEOUT_MS ?? 240_000);

/**
 * Creates the owner account, retrying until n8n's REST routes are up (they
 * come a little after /healthz). A 400 means an owner exists already.
 */
export async function ensureOwner(port, owner = SANDBOX_OWNER) {
	const deadline = Date.now() + REST_READY_MS;
	while (Date.now() < deadline) {
		try {
			const answer = await fetch(`http://127.0.0.1:${port}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(owner),
			});
			if (answer.ok) return;
			// 400 once an owner exists (a second `npm start`); 404 while routes are still loading.
			if (answer.status === 400 && /already/i.test(await answer.text())) return;
		} catch {
			// not answering yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`could not create the n8n owner account within ${REST_READY_MS / 1000} s`);
}

/**
 * Logs in as the owner; returns the session cookie for the editor's REST API.
 * Retries while n8n is still registering its routes (404 right after start),
 * and on 401 sets the owner up again: on a busy machine n8n can finish its own
 * owner initialisation after our first setup call landed.
 */
export async function loginToEditor(port, owner = SANDBOX_OWNER) {
	const deadline = Date.now() + REST_READY_MS;
	const seen = [];
	while (Date.now() < deadline) {
		const login = await fetch(`http://127.0.0.1:${port}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		}).catch(() => undefined);
		const status = login?.status ?? 0;
		seen.push(status);
		if (login?.ok) return (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		if (status === 401) await ensureOwner(port, owner);
		else if (status !== 0 && status !== 404 && status !== 503) break;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`login as ${owner.email} failed (HTTP statuses seen: ${seen.join(', ')})`);
}

/** The node types the editor offers. */
export async function editorNodeTypes(port, cookie) {
	const types = await fetch(`http://127.0.0.1:${port}/types/nodes.json`, { headers: { cookie } });
	const text = await types.text();
	return JSON.parse(text.slice(text.indexOf('[')));
}

/** Runs a credential's own `test` request the way the editor's "Test" button does. */
export async function testCredential(port, cookie, credential) {
	const answer = await fetch(`http://127.0.0.1:${port}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', cookie },
		body: JSON.stringify({ credentials: credential }),
	});
	const body = await answer.json();
	return body.data ?? body;
}

/**
 * Starts the editor; resolves once it answers on /healthz. `quiet` drops the
 * two warnings n8n always prints for a local internal-mode runner (see
 * quietOutput.mjs); everything else n8n prints goes through.
 */
export async function startEditor(userFolder, port, extraEnv = {}, { quiet = false } = {}) {
	const child = spawn(n8nBin, ['start'], {
		env: instanceEnv(userFolder, { N8N_PORT: String(port), N8N_LOG_LEVEL: 'info', ...extraEnv }),
		stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
	});
	if (quiet) {
		child.stdout.pipe(sandboxOutputFilter()).pipe(process.stdout);
		child.stderr.pipe(sandboxOutputFilter()).pipe(process.stderr);
	}
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const answer = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (answer.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	child.kill('SIGTERM');
	throw new Error('n8n did not become healthy within 3 minutes');
}

/** A REST call to the editor as the logged-in owner; returns the parsed `data` of the answer, throws on non-2xx. */
export async function editorRest(port, cookie, method, path, body) {
	const request = () =>
		fetch(`http://127.0.0.1:${port}/rest${path}`, {
			method,
			headers: { cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	// A GET is retried once: after a long run n8n may have closed the pooled keep-alive socket ("other side closed", ECONNRESET).
	const answer = method === 'GET' ? await request().catch(() => request()) : await request();
	const text = await answer.text();
	if (!answer.ok) throw new Error(`${method} /rest${path} answered HTTP ${answer.status}: ${text.slice(0, 500)}`);
	const parsed = text ? JSON.parse(text) : undefined;
	return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
}

/** The id of the logged-in user's personal project (where imported workflows and their data tables live). */
export async function personalProjectId(port, cookie) {
	const project = await editorRest(port, cookie, 'GET', '/projects/personal');
	if (!project?.id) throw new Error(`GET /rest/projects/personal returned no id: ${JSON.stringify(project)}`);
	return project.id;
}

/** Creates a data table in a project; `columns` is [{ name, type: 'string'|'number'|'boolean'|'date' }]. Returns the table. */
export async function createDataTable(port, cookie, projectId, name, columns) {
	return await editorRest(port, cookie, 'POST', `/projects/${projectId}/data-tables`, { name, columns });
}

/** Inserts rows into a data table. */
export async function insertDataTableRows(port, cookie, projectId, dataTableId, rows) {
	return await editorRest(port, cookie, 'POST', `/projects/${projectId}/data-tables/${dataTableId}/insert`, { data: rows, returnType: 'all' });
}

/**
 * Publishes a workflow's current version through the editor, as its Publish
 * button does. Sub-workflows and error workflows need this: n8n 2.40 runs them
 * from its publication records, which `publish:workflow` (CLI) does not write
 * ("Workflow is not active and cannot be executed").
 */
export async function publishInEditor(port, cookie, workflowId) {
	const workflow = await editorRest(port, cookie, 'GET', `/workflows/${workflowId}`);
	return await editorRest(port, cookie, 'POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
}

/** Publishes (activates) a workflow's current version from the CLI; takes effect for an editor started afterwards. */
export function publishWorkflow(userFolder, workflowId) {
	return n8nCommand(userFolder, ['publish:workflow', `--id=${workflowId}`]);
}
