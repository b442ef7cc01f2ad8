// The whole queue-mode installation the scale test and the queue bench run
// on: PostgreSQL + Redis, the simulator with many accounts, n8n main and
// workers with AdPilot installed, the owner logged in, the Data Table and the
// PostgreSQL table the load workflow upserts into.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createDataTable, ensureOwner, loginToEditor, personalProjectId, publishInEditor } from '../../scripts/lib/n8n.mjs';
import { prepareQueueInstance, queueModeEnv, startMain, startWorker } from '../../scripts/lib/queue.mjs';
import { publishCalledWorkflows, sandboxCredentials, startSimulatorProcess } from '../../scripts/lib/sandbox.mjs';
import { ensureSandboxDataTables } from '../../scripts/lib/sandboxDataTables.mjs';
import { builtInSandboxCredentials, fillTemplateForSandbox } from '../../scripts/lib/sandboxTemplates.mjs';
import { ensureServicePackages, freePort, startPostgres, startRedis, stopChild } from '../../scripts/lib/services.mjs';
import { alertWorkflows, INTERRUPTED_WORKFLOW_ID, loadTemplates } from './templates.mjs';

export const DATA_TABLE_NAME = 'adpilot_scale_metrics';
export const METRICS_DATABASE = 'adpilot_metrics';

/** Columns of the stored metric row, in both stores (the metrics equivalent's "Table row" node). */
const COLUMNS = [
	['entity_id', 'string', 'text NOT NULL'],
	['date', 'string', 'text NOT NULL'],
	['level', 'string', 'text'],
	['account_id', 'string', 'text'],
	['impressions', 'number', 'bigint'],
	['clicks', 'number', 'bigint'],
	['spend', 'number', 'numeric'],
	['conversions', 'number', 'numeric'],
	['currency', 'string', 'text'],
];

/** Ads Apply's audit items as the guard and rebalance equivalents store them ("Audit row" node), PostgreSQL variant. */
const AUDIT_SQL = `CREATE TABLE audit_rows (id bigserial PRIMARY KEY, run_id text, plan_digest text, account_id text, entity_id text,
	property text, decision text, before_value text, after_value text, applied boolean, reason text, workflow text,
	stored_at timestamptz DEFAULT now())`;

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

/** The metrics database (the templates' PostgreSQL variant), and n8n's own one, read by the interrupted-runs step. */
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

const PG_METRICS = { id: 'adpilotScalePostgres', name: 'AdPilot scale metrics (PostgreSQL)', database: METRICS_DATABASE };
const PG_N8N = { id: 'adpilotScaleN8nDb', name: 'n8n database (PostgreSQL)', database: 'n8n' };

/**
 * The workflows as a user would have them: placeholders and credentials filled
 * for the sandbox; Postgres nodes get the credential they name (the n8n
 * database for the interrupted-runs step, the metrics database otherwise).
 */
function sandboxWorkflows(workflows, credentials) {
	return workflows.map((workflow) => {
		const filled = fillTemplateForSandbox(workflow, credentials);
		for (const node of filled.nodes) {
			if (!node.credentials?.postgres) continue;
			const target = node.credentials.postgres.name === PG_N8N.name ? PG_N8N : PG_METRICS;
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
	const postgres = await startPostgres({ databases: ['n8n', METRICS_DATABASE] });
	cleanup.add(() => postgres.stop());
	const columnsSql = COLUMNS.map(([name, , sql]) => `${name} ${sql}`).join(', ');
	postgres.psql(`CREATE TABLE metric_rows (${columnsSql}, UNIQUE (entity_id, date))`, METRICS_DATABASE);
	postgres.psql(AUDIT_SQL, METRICS_DATABASE);
	const redis = await startRedis();
	cleanup.add(() => redis.stop());
	const simulator = await startSimulatorProcess(await freePort(), simulatorArgs);
	cleanup.add(() => stopChild(simulator.child));

	const sharedEnv = queueModeEnv({ postgres, redis, recoveryMinutes });
	const templates = loadTemplates(only);
	const credentials = [...sandboxCredentials(simulator.url), ...builtInSandboxCredentials(simulator.url, simulator.smtpPort)];
	const alerts = sandboxWorkflows(alertWorkflows(), credentials);
	const userFolder = prepareQueueInstance({
		sharedEnv,
		credentials: [...credentials, postgresCredential(postgres, PG_METRICS), postgresCredential(postgres, PG_N8N)],
		workflows: [...alerts, ...sandboxWorkflows(templates.map((t) => t.workflow), credentials)],
		publish: templates.map((t) => t.id),
	});
	cleanup.add(() => rmSync(userFolder, { recursive: true, force: true }));
	// n8n's migrations ran on import; the interrupted-runs step claims each execution once in this table.
	postgres.psql('CREATE TABLE adpilot_interrupted_alerts (execution_id text PRIMARY KEY, claimed_at timestamptz DEFAULT now())', 'n8n');

	const main = await startMain(userFolder, sharedEnv, join(logDir, 'main.log'));
	cleanup.add(() => main.stop());
	const stack = { postgres, redis, simulator, main, userFolder, sharedEnv, logDir, workers: [], concurrency, templates };
	let started = 0;
	stack.addWorker = async () => {
		started++;
		const worker = await startWorker(userFolder, sharedEnv, { concurrency, logFile: join(logDir, `worker-${started}.log`) });
		cleanup.add(() => worker.stop());
		stack.workers.push(worker);
		return worker;
	};
	await Promise.all(Array.from({ length: workers }, () => stack.addWorker()));

	await ensureOwner(main.port);
	stack.cookie = await loginToEditor(main.port);
	const projectId = await personalProjectId(main.port, stack.cookie);
	const table = await createDataTable(main.port, stack.cookie, projectId, DATA_TABLE_NAME, COLUMNS.map(([name, type]) => ({ name, type })));
	if (!table?.id) throw new Error(`creating the data table returned ${JSON.stringify(table)}`);
	stack.dataTableId = table.id;
	// The tables the real templates name (each template's helper adds its own to the sandbox list).
	await ensureSandboxDataTables(main.port, stack.cookie);
	// Sub-workflow and error workflow first (n8n 2.40 runs them only once published in the editor), then the step calling them.
	await publishCalledWorkflows(main.port, stack.cookie, alerts);
	await publishInEditor(main.port, stack.cookie, INTERRUPTED_WORKFLOW_ID);
	return stack;
}
