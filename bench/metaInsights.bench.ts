/**
 * Meta insights benchmark: 2,000 ads × 30 daily rows (ad level, async job)
 * from the simulator, through the real node and transport.
 *
 * The simulator runs in its own process (bench/support/simulatorProcess.ts),
 * so memory figures and wall time are the node's.
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
import { transportClient } from '../nodes/MetaAds/actions/insights/client';
import { readInsightsRequest } from '../nodes/MetaAds/actions/insights/readRequest';
import { fetchInsights } from '../nodes/MetaAds/actions/insights/fetch';
import { createNormalizer } from '../nodes/MetaAds/actions/insights/normalize';
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
import { startSimulatorProcess } from './support/simulatorProcess';

const PAGE_SIZE = 500;

export async function run(): Promise<Record<string, number | string>> {
	const expected = expectedAdDays(ADS_2000);
	const clock = virtualClock();
	useClock(clock);
	const sim = await startSimulatorProcess({ dataset: ADS_2000 });
	try {
		const params = adLevelParams(expected, { pageSize: PAGE_SIZE });
		const { asyncPollsToComplete: polls } = await sim.metaKnobs();

		// 1. The node run: HTTP calls, wall time, memory.
		await sim.resetCounts();
		const started = performance.now();
		const { result: items, rssMb, heapMb } = await withPeakMemory(() => runOnSim(sim, params));
		const wallMs = performance.now() - started;
		const { total: httpCalls, counts } = await sim.counts();
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
		await sim.close();
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
