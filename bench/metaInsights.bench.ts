/**
 * Meta insights benchmark: 2,000 ads × 30 daily rows (ad level, async job)
 * from the simulator, through the real node and transport.
 *
 * The simulator runs in its own process, so memory figures are the node's.
 * Reports:
 * - HTTP calls made vs the floor: result pages (rows ÷ page size, rounded up)
 *   plus the job's own calls (1 start + the polls the simulator needs);
 * - wall time of the node run (the simulator completes a job after a number
 *   of polls, not after real time, so poll pauses are skipped);
 * - normalization throughput, measured alone over the same raw rows;
 * - peak memory during the node run (RSS and heap above the start).
 *
 * Run: npx tsc -p tsconfig.tools.json && node --expose-gc build/bench/metaInsights.bench.js
 */
import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

import { transportClient } from '../nodes/MetaAds/actions/insights/client';
import { readInsightsRequest } from '../nodes/MetaAds/actions/insights/readRequest';
import { fetchInsights } from '../nodes/MetaAds/insights/fetch';
import { createNormalizer } from '../nodes/MetaAds/insights/normalize';
import {
	ADS_2000,
	adLevelParams,
	expectedAdDays,
	runOnSim,
	simContext,
	useClock,
	virtualClock,
} from '../test/metaAds/insights/simSupport';
import { gc, round, withPeakMemory } from './support/measure';

const PAGE_SIZE = 500;

interface SimProcess {
	url: string;
	metaBaseUrl: string;
	child: ChildProcess;
}

/** Starts build/simulator/cli.js on a free port with the 2,000-ad dataset. */
async function startSimulatorProcess(): Promise<SimProcess> {
	const d = ADS_2000;
	const args = [
		join(__dirname, '..', 'simulator', 'cli.js'),
		'--port', '0', '--seed', String(d.seed), '--days', String(d.days), '--today', d.today,
		'--accounts', String(d.accounts), '--campaigns', String(d.campaignsPerAccount),
		'--adsets', String(d.adSetsPerCampaign), '--ads-per-adset', String(d.adsPerAdSet),
	];
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /simulator on (http:\/\/[^\s]+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
	return { url, metaBaseUrl: `${url}/meta`, child };
}

async function admin<T>(sim: SimProcess, method: 'GET' | 'POST', path: string): Promise<T> {
	const response = await fetch(`${sim.url}/_sim/${path}`, { method });
	return (await response.json()) as T;
}

export async function run(): Promise<Record<string, number | string>> {
	const expected = expectedAdDays(ADS_2000);
	const clock = virtualClock();
	useClock(clock);
	const sim = await startSimulatorProcess();
	try {
		const params = adLevelParams(expected, { pageSize: PAGE_SIZE });
		const { asyncPollsToComplete: polls } = await admin<{ asyncPollsToComplete: number }>(sim, 'GET', 'meta');

		// 1. The node run: HTTP calls, wall time, memory.
		await admin(sim, 'POST', 'counts/reset');
		const started = performance.now();
		const { result: items, rssMb, heapMb } = await withPeakMemory(() => runOnSim(sim, params));
		const wallMs = performance.now() - started;
		const { total: httpCalls, counts } = await admin<{ total: number; counts: Record<string, number> }>(sim, 'GET', 'counts');
		const floor = Math.ceil(items.length / PAGE_SIZE) + 1 + polls;

		// 2. Normalization alone over the same raw rows (fetched again, not timed).
		const ctx = simContext(sim, params);
		const request = readInsightsRequest(ctx, 0, clock.sleep);
		const { rows } = await fetchInsights(transportClient(ctx, 0, { sleep: clock.sleep }), request.query, request.fetch);
		const normalize = createNormalizer(request.normalize);
		let sink = 0;
		const runs: number[] = [];
		for (let r = 0; r < 9; r++) {
			gc();
			const t = performance.now();
			for (let i = 0; i < rows.length; i++) sink += normalize(rows[i]).spend;
			runs.push(performance.now() - t);
		}
		runs.sort((a, b) => a - b);
		const medianMs = runs[Math.floor(runs.length / 2)];

		return {
			ads: expected.ads,
			days: ADS_2000.days,
			rows: items.length,
			expectedRows: expected.keys.size,
			pageSize: PAGE_SIZE,
			httpCalls,
			httpCallsFloor: floor,
			httpCallRatio: round(httpCalls / floor, 3),
			httpCallsByLabel: JSON.stringify(counts),
			wallTimeMs: Math.round(wallMs),
			normalizeRows: rows.length,
			normalizeMedianMs: round(medianMs),
			normalizeRowsPerSecond: Math.round(rows.length / (medianMs / 1000)),
			peakRssDeltaMb: round(rssMb, 1),
			peakHeapDeltaMb: round(heapMb, 1),
			checksum: sink > 0 ? 'ok' : 'empty',
		};
	} finally {
		sim.child.kill('SIGTERM');
	}
}

if (require.main === module) {
	run()
		.then((figures) => {
			for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${String(value)}`);
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
