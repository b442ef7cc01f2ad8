/**
 * Google Ads benchmark against the simulator, through the real node and transport:
 * - a daily ad-level report, 2,000 ads × 30 days (Report → Get, builder,
 *   normalized rows): HTTP calls (floor: 1 stream call; the currency rides on the rows),
 *   wall time, rows per second, peak memory above the start, and the time a
 *   bare fetch of the same request takes (the simulator builds the whole
 *   answer before its first byte, so that much of the wall time is the
 *   server's; the rest is the node's);
 * - 500 budget changes via the transport's mutate: calls (floor: 1).
 *
 * The simulator runs in its own process (bench/support/simulatorProcess.ts),
 * so peak memory is the node's, not the simulator building and serialising
 * the rows, and the simulator's work does not run on the bench's thread.
 *
 * Run: npx tsc -p tsconfig.tools.json && node --expose-gc build/bench/googleReport.bench.js
 */
import type { IDataObject } from 'n8n-workflow';

import { GoogleAds } from '../nodes/GoogleAds/GoogleAds.node';
import { mutate, search } from '../nodes/GoogleAds/transport';
import {
	SIM_GOOGLE_CLIENT_ID,
	SIM_GOOGLE_CLIENT_SECRET,
	SIM_GOOGLE_DEVELOPER_TOKEN,
	SIM_GOOGLE_REFRESH_TOKEN,
} from '../simulator/credentials';
import { MANAGER_ID } from '../simulator/google';
import { createExecuteContext, type SentRequest } from '../test/helpers/context';
import { round, withPeakMemory } from './support/measure';
import { startSimulatorProcess, type SimulatorProcess } from './support/simulatorProcess';

const CLIENT = String(Number(MANAGER_ID) + 1);

async function accessToken(sim: SimulatorProcess): Promise<string> {
	const res = await fetch(sim.googleTokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'refresh_token', client_id: SIM_GOOGLE_CLIENT_ID, client_secret: SIM_GOOGLE_CLIENT_SECRET, refresh_token: SIM_GOOGLE_REFRESH_TOKEN }),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

function context(sim: SimulatorProcess, token: string, parameters: IDataObject) {
	return createExecuteContext({
		parameters: { authentication: 'refreshToken', ...parameters },
		credentials: {
			adPilotGoogleAdsApi: {
				clientId: SIM_GOOGLE_CLIENT_ID,
				clientSecret: SIM_GOOGLE_CLIENT_SECRET,
				refreshToken: SIM_GOOGLE_REFRESH_TOKEN,
				tokenUrl: sim.googleTokenUrl,
				accessToken: token,
				developerToken: SIM_GOOGLE_DEVELOPER_TOKEN,
				loginCustomerId: MANAGER_ID,
				apiVersion: 'v26',
				baseUrl: sim.googleBaseUrl,
			},
		},
	});
}

/** The core counts each API request once under its label. */
async function googleCalls(sim: SimulatorProcess): Promise<Record<string, number>> {
	const { counts } = await sim.counts();
	return Object.fromEntries(Object.entries(counts).filter(([label]) => label.startsWith('google') && !label.includes('oauth')));
}

/** The same request, answer read whole and dropped: the server's share of the wall time. */
async function bareFetchSeconds(sent: SentRequest): Promise<number> {
	const started = performance.now();
	const response = await fetch(sent.url, {
		method: sent.method,
		headers: Object.fromEntries(Object.entries(sent.headers).map(([name, value]) => [name, String(value)])),
		body: JSON.stringify(sent.body),
	});
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`bare fetch answered HTTP ${response.status}`);
	return (performance.now() - started) / 1000;
}

export async function run(): Promise<IDataObject> {
	// 1 account × 10 campaigns × 10 ad groups × 20 ads = 2,000 ads, 30 days.
	const sim = await startSimulatorProcess({ dataset: { accounts: 1, campaignsPerAccount: 10, adSetsPerCampaign: 10, adsPerAdSet: 20, days: 30 } });
	try {
		const token = await accessToken(sim);
		const node = new GoogleAds();
		const ctx = context(sim, token, {
			resource: 'report', operation: 'get', customerId: { __rl: true, mode: 'id', value: CLIENT },
			mode: 'builder', level: 'ad', datePreset: 'LAST_30_DAYS', daily: true, metrics: [], includeRemoved: true, output: 'normalized', keepRaw: false,
		});
		await sim.resetCounts();
		const started = performance.now();
		const { result, rssMb, heapMb } = await withPeakMemory(async () => (await node.execute.call(ctx))[0]);
		const seconds = (performance.now() - started) / 1000;
		const reportCalls = await googleCalls(sim);
		const bareSeconds = await bareFetchSeconds(ctx.sentRequests[ctx.sentRequests.length - 1]);

		// 500 budget changes: a wide, shallow account so there are ≥ 500 budgets.
		await sim.setDataset({ campaignsPerAccount: 700, adSetsPerCampaign: 1, adsPerAdSet: 1, days: 1 });
		const token2 = await accessToken(sim);
		const ctx2 = context(sim, token2, {});
		const budgets = await search(ctx2, CLIENT, 'SELECT campaign_budget.resource_name, campaign_budget.amount_micros FROM campaign_budget LIMIT 500');
		const operations = budgets.map((row) => {
			const budget = row.campaignBudget as IDataObject;
			return { update: { resourceName: budget.resourceName, amountMicros: String(Number(budget.amountMicros) + 10_000_000) }, updateMask: 'amountMicros' };
		});
		await sim.resetCounts();
		const mutateStarted = performance.now();
		const outcome = await mutate(ctx2, CLIENT, { resource: 'campaignBudgets', operations, partialFailure: true });
		const mutateSeconds = (performance.now() - mutateStarted) / 1000;
		const mutateCalls = await googleCalls(sim);

		return {
			report: {
				rows: result.length,
				calls: reportCalls,
				totalCalls: Object.values(reportCalls).reduce((a, b) => a + b, 0),
				floor: 1,
				wallSeconds: round(seconds, 3),
				rowsPerSecond: Math.round(result.length / seconds),
				bareFetchSeconds: round(bareSeconds, 3),
				peakRssMb: round(rssMb, 1),
				peakHeapMb: round(heapMb, 1),
			},
			budgets: {
				changes: operations.length,
				applied: outcome.results.filter(Boolean).length,
				calls: mutateCalls,
				totalCalls: Object.values(mutateCalls).reduce((a, b) => a + b, 0),
				floor: 1,
				wallSeconds: round(mutateSeconds, 3),
			},
		};
	} finally {
		await sim.close();
	}
}

if (require.main === module) {
	run()
		.then((figures) => console.log(JSON.stringify(figures, null, 2)))
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
