// The real n8n in queue mode: one main (editor, webhooks, schedules, the
// queue recovery sweep) and `n8n worker` processes that run the executions,
// sharing one PostgreSQL database, one Redis and one encryption key.
// Everything is started with AdPilot packed and installed as a community
// package in a shared user folder (main and workers load it from there).
// Used by `npm run test:scale` and the queue-mode bench.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, installIntoInstance, instanceEnv, n8nBin, n8nCommand, packAdPilot } from './n8n.mjs';
import { freePort, stopChild } from './services.mjs';

/**
 * The settings every process of one queue-mode installation shares.
 * `recoveryMinutes` is how often main sweeps for executions whose worker died
 * (n8n's default is 180); the scale test shortens it to see the crash soon.
 */
export function queueModeEnv({ postgres, redis, database = 'n8n', recoveryMinutes }) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// QUEUE_WORKER_LOCK_DURATION stays at n8n's 30 s: at 15 s a CPU-starved worker missed its
		// lock renewals, so live executions were failed as "stalled" and then finished anyway.
		...(recoveryMinutes === undefined ? {} : { N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: String(recoveryMinutes) }),
		N8N_LOG_LEVEL: 'info',
		// Queue mode stores binary data in the database; the filesystem mode is unsupported there.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
	};
}

/**
 * Installs n8n (cached) and AdPilot into a fresh user folder shared by every
 * process, then imports credentials and workflows into the shared database.
 */
export function prepareQueueInstance({ sharedEnv, credentials, workflows, publish = [] }) {
	ensureN8n();
	const userFolder = mkdtempSync(join(tmpdir(), 'adpilot-queue-'));
	const work = mkdtempSync(join(tmpdir(), 'adpilot-pack-'));
	installIntoInstance(userFolder, packAdPilot(work));
	const credentialsFile = join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	n8nCommand(userFolder, ['import:credentials', `--input=${credentialsFile}`], sharedEnv);
	const workflowsFile = join(work, 'workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(workflows));
	n8nCommand(userFolder, ['import:workflow', `--input=${workflowsFile}`], sharedEnv);
	for (const id of publish) {
		// Production webhooks and schedules exist only for published workflows, registered at main's start.
		n8nCommand(userFolder, ['publish:workflow', `--id=${id}`], sharedEnv);
	}
	return userFolder;
}

// Generous: on a busy 2-core machine a worker has taken over 3 minutes to boot.
async function waitHealthy(what, child, url, timeoutMs = 600_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
		const answer = await fetch(url).catch(() => undefined);
		if (answer?.ok) return;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`${what} did not become healthy within ${timeoutMs / 1000} s`);
}

/** Spawns one n8n process whose output goes to `logFile` (the test scans the logs for secrets). */
function spawnN8n(userFolder, args, env, logFile) {
	const child = spawn(n8nBin, args, { env: instanceEnv(userFolder, env), stdio: ['ignore', 'pipe', 'pipe'] });
	const log = createWriteStream(logFile, { flags: 'a' });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	return child;
}

/** Starts main (`n8n start`) on a free port; resolves with { child, port, stop } once /healthz answers. */
export async function startMain(userFolder, sharedEnv, logFile) {
	const port = await freePort();
	const env = { ...sharedEnv, N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const child = spawnN8n(userFolder, ['start'], env, logFile);
	try {
		await waitHealthy('n8n main', child, `http://127.0.0.1:${port}/healthz`);
	} catch (error) {
		await stopChild(child);
		throw error;
	}
	return { child, port, stop: () => stopChild(child, 20_000) };
}

/**
 * Starts one `n8n worker` running up to `concurrency` executions at once;
 * resolves once its health endpoint answers (it is then connected to Redis and the DB).
 * `eventLogName`: the worker's own event log in the shared user folder. Each
 * n8n process must have its own (as each container has its own ~/.n8n): a
 * process starting up marks every unfinished execution of its event log
 * crashed and runs the Error Workflow for it, so with one log shared by all, a
 * restarted worker reports the executions other workers are still running.
 */
export async function startWorker(userFolder, sharedEnv, { concurrency, logFile, eventLogName }) {
	const healthPort = await freePort();
	const env = {
		...sharedEnv,
		N8N_EVENTBUS_LOGWRITER_LOGBASENAME: eventLogName,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	};
	const child = spawnN8n(userFolder, ['worker', `--concurrency=${concurrency}`], env, logFile);
	try {
		await waitHealthy('n8n worker', child, `http://127.0.0.1:${healthPort}/healthz/readiness`);
	} catch (error) {
		await stopChild(child);
		throw error;
	}
	return {
		child,
		stop: () => stopChild(child, 20_000),
		/** What a crashed machine does: no shutdown, no chance to report. */
		kill: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGKILL');
			}),
	};
}
