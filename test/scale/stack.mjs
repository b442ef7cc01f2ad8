// The whole queue-mode installation the scale test and the queue bench run
// on: PostgreSQL + Redis, the simulator with many accounts, n8n main and
// workers with AdPilot installed, the owner logged in, the Data Table and the
// PostgreSQL table the load workflow upserts into.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createDataTable, ensureOwner, loginToEditor, personalProjectId, repoRoot } from '../../scripts/lib/n8n.mjs';
import { prepareQueueInstance, queueModeEnv, startMain, startWorker } from '../../scripts/lib/queue.mjs';
import { sandboxCredentials, startSimulatorProcess } from '../../scripts/lib/sandbox.mjs';
import { ensureServicePackages, freePort, startPostgres, startRedis, stopChild } from '../../scripts/lib/services.mjs';

export const LOAD_WORKFLOW_ID = 'adpilotScaleInsights';
export const LOAD_WEBHOOK_PATH = 'adpilot-scale-insights';
export const DATA_TABLE_NAME = 'adpilot_scale_metrics';
const METRICS_DATABASE = 'adpilot_metrics';

/** Columns of the stored metric row, in both stores (see the workflow's "Table row" node). */
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
	['run', 'string', 'text'],
];

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

function postgresCredential(postgres) {
	return {
		id: 'adpilotScalePostgres',
		name: 'AdPilot scale metrics (PostgreSQL)',
		type: 'postgres',
		data: {
			host: postgres.host,
			port: postgres.port,
			database: METRICS_DATABASE,
			user: postgres.user,
			password: postgres.password,
			ssl: 'disable',
			allowUnauthorizedCerts: false,
			sshTunnel: false,
			maxConnections: 20,
		},
	};
}

/**
 * Starts everything; every started piece is registered on `cleanup` before
 * the next one starts, so a failure half-way still stops what is running.
 * `simulatorArgs` are the simulator CLI's flags (accounts, ads, days, today).
 */
export async function startScaleStack({ cleanup, workers = 2, concurrency = 5, simulatorArgs = [], recoveryMinutes }) {
	ensureServicePackages();
	const logDir = mkdtempSync(join(tmpdir(), 'adpilot-scale-logs-'));
	cleanup.add(() => rmSync(logDir, { recursive: true, force: true }));
	const postgres = await startPostgres({ databases: ['n8n', METRICS_DATABASE] });
	cleanup.add(() => postgres.stop());
	const columnsSql = COLUMNS.map(([name, , sql]) => `${name} ${sql}`).join(', ');
	postgres.psql(`CREATE TABLE metric_rows (${columnsSql}, UNIQUE (entity_id, date))`, METRICS_DATABASE);
	const redis = await startRedis();
	cleanup.add(() => redis.stop());
	const simulator = await startSimulatorProcess(await freePort(), simulatorArgs);
	cleanup.add(() => stopChild(simulator.child));

	const sharedEnv = queueModeEnv({ postgres, redis, recoveryMinutes });
	const workflow = JSON.parse(readFileSync(join(repoRoot, 'test', 'scale', 'workflows', 'scale-meta-insights.json'), 'utf8'));
	const metaCredential = sandboxCredentials(simulator.url).find((c) => c.type === 'adPilotMetaAdsApi');
	const userFolder = prepareQueueInstance({
		sharedEnv,
		credentials: [metaCredential, postgresCredential(postgres)],
		workflows: [workflow],
		publish: [LOAD_WORKFLOW_ID],
	});
	cleanup.add(() => rmSync(userFolder, { recursive: true, force: true }));

	const main = await startMain(userFolder, sharedEnv, join(logDir, 'main.log'));
	cleanup.add(() => main.stop());
	const stack = { postgres, redis, simulator, main, userFolder, sharedEnv, logDir, workers: [], concurrency };
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
	return stack;
}
