// PostgreSQL and Redis for n8n's queue mode, as throwaway loopback servers:
// installed from Debian's packages when missing, started on free ports with
// data folders in /tmp, stopped (and their folders removed) by stop().
// Used by `npm run test:scale` and the queue-mode bench.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function log(message) {
	console.error(`[adpilot] ${message}`);
}

/** A free TCP port on 127.0.0.1 (the OS picks one; we release it straight away). */
export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql/<major>/bin). */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? join(root, majors[0], 'bin') : undefined;
}

function redisBin() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

/**
 * Installs PostgreSQL and Redis from Debian's packages when either is missing
 * (one `apt-get update`, one `apt-get install`). Needs root, which CI has.
 */
export function ensureServicePackages() {
	if (postgresBinDir() && redisBin()) return;
	if (userInfo().uid !== 0) {
		throw new Error('PostgreSQL or Redis is missing and this is not root: run `apt-get install -y postgresql redis-server` first');
	}
	log('installing PostgreSQL and Redis from Debian packages (apt-get, first run only)');
	const apt = (args) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	apt(['update']);
	apt(['install', '-y', '--no-install-recommends', 'postgresql', 'redis-server']);
	if (!postgresBinDir() || !redisBin()) throw new Error('apt-get finished but initdb or redis-server is still missing');
}

async function waitFor(what, child, probe, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
		if (await probe()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops a child with SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopChild(child, graceMs = 10_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const gone = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await gone;
	clearTimeout(timer);
}

/**
 * PostgreSQL refuses to run as root. As root, the data folder is handed to
 * the `postgres` user Debian's package creates and initdb and the server run
 * as it (spawn's uid/gid, so signals reach the server itself); as anyone
 * else they run as that user.
 */
function postgresIdentity() {
	if (userInfo().uid !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

/** Starts a throwaway PostgreSQL on 127.0.0.1 with trust auth; `databases` are created empty. */
export async function startPostgres({ databases = [] } = {}) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (ensureServicePackages() installs it)');
	const folder = mkdtempSync(join(tmpdir(), 'adpilot-pg-'));
	const dataDir = join(folder, 'data');
	const identity = postgresIdentity();
	if (identity.uid !== undefined) chownSync(folder, identity.uid, identity.gid);
	const env = { ...process.env, HOME: folder, LC_ALL: 'C' };
	execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
		...identity,
		env,
		cwd: folder,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const port = await freePort();
	const serverArgs = ['-D', dataDir, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'];
	const child = spawn(join(bin, 'postgres'), serverArgs, { ...identity, env, cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	const psql = (sql, database = 'postgres') =>
		execFileSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], {
			encoding: 'utf8',
			maxBuffer: 1024 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	const ready = () => {
		try {
			execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
			return true;
		} catch {
			return false;
		}
	};
	try {
		await waitFor('PostgreSQL', child, async () => ready());
	} catch (error) {
		await stopChild(child);
		rmSync(folder, { recursive: true, force: true });
		throw new Error(`${error.message}\n${stderr}`);
	}
	for (const name of databases) psql(`CREATE DATABASE "${name}"`);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password: 'postgres',
		psql,
		async stop() {
			// SIGTERM is "smart" shutdown, which waits for clients; SIGINT is "fast".
			if (child.exitCode === null) {
				const gone = new Promise((r) => child.once('exit', r));
				child.kill('SIGINT');
				const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				await gone;
				clearTimeout(timer);
			}
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** Sends one inline command to Redis on 127.0.0.1; resolves with the first line of its reply, or '' when it did not answer. */
function redisCommand(port, command, timeoutMs = 1000) {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const done = (reply) => {
			socket.destroy();
			resolve(reply);
		};
		socket.once('error', () => done(''));
		socket.once('data', (data) => done(String(data).split('\r\n')[0]));
		socket.once('connect', () => socket.write(`${command}\r\n`));
		socket.setTimeout(timeoutMs, () => done(''));
	});
}

const redisPing = async (port) => (await redisCommand(port, 'PING')) === '+PONG';

/** Starts a throwaway Redis on 127.0.0.1 that keeps nothing on disk. */
export async function startRedis() {
	const bin = redisBin();
	if (!bin) throw new Error('Redis is not installed (ensureServicePackages() installs it)');
	const folder = mkdtempSync(join(tmpdir(), 'adpilot-redis-'));
	const port = await freePort();
	const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	try {
		await waitFor('Redis', child, () => redisPing(port));
	} catch (error) {
		await stopChild(child);
		rmSync(folder, { recursive: true, force: true });
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		/** Empties every key, as a Redis restarted without persistence comes back (the scale test's lost queue). */
		async flushAll() {
			const reply = await redisCommand(port, 'FLUSHALL', 10_000);
			if (reply !== '+OK') throw new Error(`Redis FLUSHALL answered ${JSON.stringify(reply)}`);
		},
		async stop() {
			await stopChild(child);
			rmSync(folder, { recursive: true, force: true });
		},
	};
}
