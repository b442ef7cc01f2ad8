/**
 * The simulator in a child Node process, for benchmarks: the simulator builds
 * and serialises tens of thousands of rows, and in-process that would land in
 * the bench's own RSS, heap and event loop. Out of process, peak memory and
 * wall time are the node's (and the server gets its own core, as the real API
 * would be elsewhere).
 *
 * The child runs this same compiled file (build/bench/support/simulatorProcess.js),
 * which loads the compiled build/simulator/server.js and starts it with the
 * options passed as JSON. It is steered over the `/_sim/` admin routes
 * (simulator/core/admin.ts).
 *
 * Lifecycle: a start that fails (bad options, a crash while building the
 * dataset, no "ready" line in time) rejects with the child's stderr; the child
 * exits when the bench process goes away, even if killed outright, because it
 * watches its stdin pipe, which closes with the parent; close() kills it and
 * waits for the exit.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

import type { FaultPatch } from '../../simulator/core/faults';
import type { MetaKnobs } from '../../simulator/meta/knobs';
import type { SimulatorOptions } from '../../simulator/server';
import type { DatasetSettings, FaultSettings } from '../../simulator/types';

/** Everything but the clock, which cannot cross a process boundary. */
export type SimulatorProcessOptions = Omit<SimulatorOptions, 'now'>;

export interface SimCounts {
	/** HTTP requests served by the APIs (admin calls excluded). */
	total: number;
	/** Requests per label, e.g. `meta GET /insights`. */
	counts: Record<string, number>;
}

export interface SimInfo {
	url: string;
	metaBaseUrl: string;
	googleBaseUrl: string;
	googleTokenUrl: string;
	openAiBaseUrl: string;
	dataset: DatasetSettings;
}

export interface SimulatorProcess {
	url: string;
	metaBaseUrl: string;
	googleBaseUrl: string;
	googleTokenUrl: string;
	openAiBaseUrl: string;
	pid: number;
	counts(): Promise<SimCounts>;
	resetCounts(): Promise<void>;
	/** Rebuilds every API on the merged dataset (state is lost); answers the new info. */
	setDataset(patch: Partial<DatasetSettings>): Promise<SimInfo>;
	metaKnobs(): Promise<MetaKnobs>;
	setMetaKnobs(patch: Partial<MetaKnobs>): Promise<MetaKnobs>;
	setFaults(patch: FaultPatch): Promise<FaultSettings>;
	info(): Promise<SimInfo>;
	/** Kills the child and waits for it to exit. Safe to call twice or after a crash. */
	close(): Promise<void>;
}

export interface StartOptions {
	/** How long the child may take to build its dataset and listen (default 60 s). */
	startTimeoutMs?: number;
}

const READY = 'adpilot-simulator-ready ';
const STDERR_KEEP = 16 * 1024;

/** Where the compiled simulator lives, next to this file's compiled copy. */
function compiledServer(): string {
	return join(__dirname, '..', '..', 'simulator', 'server.js');
}

export async function startSimulatorProcess(options: SimulatorProcessOptions = {}, start: StartOptions = {}): Promise<SimulatorProcess> {
	if (!__filename.endsWith('.js') || !existsSync(compiledServer())) {
		throw new Error(`The simulator process needs the compiled tools (${compiledServer()}); run npx tsc -p tsconfig.tools.json first`);
	}
	const child = spawn(process.execPath, [__filename, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });

	let stderr = '';
	let ready = false;
	child.stderr!.on('data', (chunk: Buffer) => {
		if (ready) process.stderr.write(chunk);
		else stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
	});
	let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exit = { code, signal };
			resolve();
		});
	});
	const describeExit = () => {
		const how = exit ? (exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`) : 'is still running';
		const tail = stderr.trim();
		return `simulator process ${how}${tail ? `:\n${tail}` : ' (no stderr)'}`;
	};
	// The child also leaves on its own when our stdin pipe closes; this covers a normal exit of ours quickly.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);

	let info: SimInfo;
	try {
		info = await new Promise<SimInfo>((resolve, reject) => {
			const startTimeoutMs = start.startTimeoutMs ?? 60_000;
			const timer = setTimeout(() => reject(new Error(`simulator process not ready after ${startTimeoutMs} ms; ${describeExit()}`)), startTimeoutMs);
			let out = '';
			const onData = (chunk: Buffer) => {
				out += chunk.toString('utf8');
				// Complete lines only: the ready line may arrive in pieces.
				const line = out.split('\n').slice(0, -1).find((l) => l.startsWith(READY));
				if (line === undefined) return;
				clearTimeout(timer);
				child.stdout!.removeListener('data', onData);
				resolve(JSON.parse(line.slice(READY.length)) as SimInfo);
			};
			child.stdout!.on('data', onData);
			child.once('error', (error) => {
				clearTimeout(timer);
				reject(new Error(`could not start the simulator process: ${error.message}`));
			});
			void exited.then(() => {
				clearTimeout(timer);
				reject(new Error(describeExit()));
			});
		});
	} catch (error) {
		child.kill('SIGKILL');
		await exited;
		process.removeListener('exit', killOnExit);
		throw error;
	}
	ready = true;
	child.stdout!.resume();

	const admin = async <T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> => {
		if (exit) throw new Error(`/_sim/${path}: ${describeExit()}`);
		let response: Response;
		try {
			response = await fetch(`${info.url}/_sim/${path}`, {
				method,
				headers: body ? { 'content-type': 'application/json' } : undefined,
				body: body ? JSON.stringify(body) : undefined,
			});
		} catch (error) {
			throw new Error(`/_sim/${path}: ${(error as Error).message}${exit ? `; ${describeExit()}` : ''}`);
		}
		const answer = (await response.json()) as T & { error?: unknown };
		if (!response.ok) throw new Error(`${method} /_sim/${path} answered ${response.status}: ${JSON.stringify(answer.error ?? answer)}`);
		return answer;
	};

	return {
		url: info.url,
		metaBaseUrl: info.metaBaseUrl,
		googleBaseUrl: info.googleBaseUrl,
		googleTokenUrl: info.googleTokenUrl,
		openAiBaseUrl: info.openAiBaseUrl,
		pid: child.pid!,
		counts: () => admin<SimCounts>('GET', 'counts'),
		resetCounts: async () => {
			await admin('POST', 'counts/reset');
		},
		setDataset: (patch) => admin<SimInfo>('POST', 'dataset', patch),
		metaKnobs: () => admin<MetaKnobs>('GET', 'meta'),
		setMetaKnobs: (patch) => admin<MetaKnobs>('POST', 'meta', patch),
		setFaults: (patch) => admin<FaultSettings>('POST', 'faults', patch),
		info: () => admin<SimInfo>('GET', 'info'),
		close: async () => {
			process.removeListener('exit', killOnExit);
			if (exit) return;
			child.kill('SIGTERM');
			const stubborn = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(stubborn);
		},
	};
}

/** The child: start the compiled simulator, print one ready line, leave when the parent does. */
async function childMain(): Promise<void> {
	// Loaded here, not at the top, so the bench process never loads the simulator.
	const { startSimulator } = await import('../../simulator/server');
	const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorProcessOptions;
	const sim = await startSimulator(options);
	process.stdin.on('end', () => process.exit(0));
	process.stdin.on('error', () => process.exit(0));
	process.stdin.resume();
	const info: SimInfo = {
		url: sim.url,
		metaBaseUrl: sim.metaBaseUrl,
		googleBaseUrl: sim.googleBaseUrl,
		googleTokenUrl: sim.googleTokenUrl,
		openAiBaseUrl: sim.openAiBaseUrl,
		dataset: sim.dataset,
	};
	process.stdout.write(`${READY}${JSON.stringify(info)}\n`);
}

if (require.main === module) {
	childMain().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	});
}
