// The whole queue-mode installation the scale test and the queue bench run
// on: PostgreSQL + Redis, the simulator with many accounts, n8n main and
// workers with AdPilot installed, the owner logged in, the templates' Data
// Tables and the PostgreSQL table of template 1's PostgreSQL variant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureOwner, loginToEditor, publishInEditor } from '../../scripts/lib/n8n.mjs';
import { prepareQueueInstance, queueModeEnv, startMain, startWorker } from '../../scripts/lib/queue.mjs';
import { publishCalledWorkflows, sandboxCredentials, startSimulatorProcess } from '../../scripts/lib/sandbox.mjs';
import { ensureSandboxDataTables } from '../../scripts/lib/sandboxDataTables.mjs';
import { builtInSandboxCredentials, fillTemplateForSandbox } from '../../scripts/lib/sandboxTemplates.mjs';
import { ensureServicePackages, freePort, startPostgres, startRedis, stopChild } from '../../scripts/lib/services.mjs';
import { alertWorkflows, INTERRUPTED_WORKFLOW_ID, loadTemplates, readTemplate, setupSql } from './templates.mjs';

/** The user's own database: the PostgreSQL variant of template 1 stores its metric rows there. */
export const USER_DATABASE = 'adpilot';
/** The template whose table the user creates once in that database (the SQL of its sticky note). */
const POSTGRES_TEMPLATE = 'meta-metrics-every-30-minutes-postgres.json';

/**
 * Things to undo, undone last-first. `run()` may be called twice (from a
 * finally and from a Ctrl-C handler): both callers wait for the same single
 * pass, so nobody exits while a step is still stopping a process. A failing
 * step does not stop the others.
 */
export class Cleanup {
	steps = [];
	running = undefined;
	add(step) {
		this.steps.push(step);
	}
	run() {
		this.running ??= this.drain();
		return this.running;
	}
	async drain() {
		while (this.steps.length > 0) {
			const step = this.steps.pop();
			try {
				await step();
			} catch (error) {
				console.error(`[adpilot] cleanup step failed: ${error.message}`);
			}
		}
	}
}

/** A Postgres credential of n8n's own type, for one database of the scale run's PostgreSQL. */
function postgresCredential(postgres, { id, name, database }) {
	return {
		id,
		name,
		type: 'postgres',
		data: {
			host: postgres.host,
			port: postgres.port,
			database,
			user: postgres.user,
			password: postgres.password,
			ssl: 'disable',
			allowUnauthorizedCerts: false,
			sshTunnel: false,
			maxConnections: 20,
		},
	};
}

/** The Postgres credentials the templates name: n8n's own database (interrupted runs) and the user's (template 1's PostgreSQL variant). */
const POSTGRES_CREDENTIALS = [
	{ id: 'adpilotScaleN8nDb', name: 'n8n database (PostgreSQL)', database: 'n8n' },
	{ id: 'adpilotScaleUserDb', name: 'AdPilot PostgreSQL', database: USER_DATABASE },
];

/**
 * The workflows as a user would have them: placeholders and credentials filled
 * for the sandbox; Postgres nodes get the credential of the name they carry.
 */
function sandboxWorkflows(workflows, credentials) {
	return workflows.map((workflow) => {
		const filled = fillTemplateForSandbox(workflow, credentials);
		for (const node of filled.nodes) {
			if (!node.credentials?.postgres) continue;
			const target = POSTGRES_CREDENTIALS.find((c) => c.name === node.credentials.postgres.name);
			if (!target) throw new Error(`${workflow.name}: node "${node.name}" names a Postgres credential the scale run does not create (${node.credentials.postgres.name})`);
			node.credentials.postgres = { id: target.id, name: target.name };
		}
		return filled;
	});
}

/**
 * Starts everything; every started piece is registered on `cleanup` before
 * the next one starts, so a failure half-way still stops what is running.
 * `simulatorArgs` are the simulator CLI's flags (accounts, ads, days, today);
 * `only` limits the load templates (see templates.mjs).
 */
export async function startScaleStack({ cleanup, workers = 2, concurrency = 5, simulatorArgs = [], recoveryMinutes, only }) {
	ensureServicePackages();
	const logDir = mkdtempSync(join(tmpdir(), 'adpilot-scale-logs-'));
	cleanup.add(() => rmSync(logDir, { recursive: true, force: true }));
	const postgres = await startPostgres({ databases: ['n8n', USER_DATABASE] });
	cleanup.add(() => postgres.stop());
	// What the PostgreSQL variant's sticky note tells the user to run once.
	postgres.psql(setupSql(readTemplate(POSTGRES_TEMPLATE)), USER_DATABASE);
	const redis = await startRedis();
	cleanup.add(() => redis.stop());
	const simulator = await startSimulatorProcess(await freePort(), simulatorArgs);
	cleanup.add(() => stopChild(simulator.child));

	// n8n's "today" ($today in the templates) on the simulator's calendar, which is UTC's.
	const sharedEnv = { ...queueModeEnv({ postgres, redis, recoveryMinutes }), GENERIC_TIMEZONE: 'UTC' };
	const templates = loadTemplates(only);
	const credentials = [...sandboxCredentials(simulator.url), ...builtInSandboxCredentials(simulator.url, simulator.smtpPort)];
	const alerts = sandboxWorkflows(alertWorkflows(), credentials);
	const userFolder = prepareQueueInstance({
		sharedEnv,
		credentials: [...credentials, ...POSTGRES_CREDENTIALS.map((c) => postgresCredential(postgres, c))],
		workflows: [...alerts, ...sandboxWorkflows(templates.map((t) => t.workflow), credentials)],
		publish: templates.map((t) => t.id),
	});
	cleanup.add(() => rmSync(userFolder, { recursive: true, force: true }));

	const main = await startMain(userFolder, sharedEnv, join(logDir, 'main.log'));
	cleanup.add(() => main.stop());
	const stack = { postgres, redis, simulator, main, userFolder, sharedEnv, logDir, workers: [], concurrency, templates };
	let started = 0;
	stack.addWorker = async () => {
		started++;
		// A restarted worker is a new process with a log of its own, as a replaced container has.
		const worker = await startWorker(userFolder, sharedEnv, { concurrency, logFile: join(logDir, `worker-${started}.log`), eventLogName: `n8nEventLog-worker-${started}` });
		cleanup.add(() => worker.stop());
		stack.workers.push(worker);
		return worker;
	};
	await Promise.all(Array.from({ length: workers }, () => stack.addWorker()));

	await ensureOwner(main.port);
	stack.cookie = await loginToEditor(main.port);
	// The Data Tables the templates name, as `npm start` creates them.
	await ensureSandboxDataTables(main.port, stack.cookie);
	// Sub-workflow and error workflow first (n8n 2.40 runs them only once published in the editor), then the step calling them.
	await publishCalledWorkflows(main.port, stack.cookie, alerts);
	await publishInEditor(main.port, stack.cookie, INTERRUPTED_WORKFLOW_ID);
	return stack;
}
