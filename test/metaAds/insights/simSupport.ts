/**
 * Shared by the simulator test and the benchmark: a 2,000-ad dataset, the
 * (ad, day) keys it should produce, a virtual clock, and a node run against
 * the simulator.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { insightsRuntime } from '../../../nodes/MetaAds/actions/insights/runtime';
import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../../simulator/credentials';
import { addDays } from '../../../simulator/dataset/dates';
import { dailyMetrics, isEmptyMetrics } from '../../../simulator/dataset/metrics';
import { buildTree } from '../../../simulator/dataset/tree';
import type { RunningSimulator } from '../../../simulator/server';
import type { DatasetSettings } from '../../../simulator/types';
import { createExecuteContext, type FakeExecuteContext } from '../../helpers/context';

/** 1 account × 20 campaigns × 10 ad sets × 10 ads = 2,000 ads, 30 days of data. */
export const ADS_2000: DatasetSettings = {
	seed: 7,
	days: 30,
	today: '2026-04-01',
	accounts: 1,
	campaignsPerAccount: 20,
	adSetsPerCampaign: 10,
	adsPerAdSet: 10,
};

export interface ExpectedRows {
	accountId: string;
	since: string;
	until: string;
	ads: number;
	/** `adId|day` for every ad-day with delivery (Meta, and the simulator, omit days without any). */
	keys: Set<string>;
	/** Total spend over those rows, major units of the account currency. */
	spend: number;
	currency: string;
}

export function expectedAdDays(dataset: DatasetSettings): ExpectedRows {
	const tree = buildTree(dataset);
	const keys = new Set<string>();
	let spendMinor = 0;
	for (const ad of tree.ads) {
		for (let day = tree.firstDay; day <= tree.lastDay; day = addDays(day, 1)) {
			const metrics = dailyMetrics(dataset.seed, ad.id, day, ad.profile);
			if (isEmptyMetrics(metrics)) continue;
			keys.add(`${ad.id}|${day}`);
			spendMinor += metrics.spend;
		}
	}
	const account = tree.accounts[0];
	return {
		accountId: account.id,
		since: tree.firstDay,
		until: tree.lastDay,
		ads: tree.ads.length,
		keys,
		spend: spendMinor / account.currency.minorFactor,
		currency: account.currency.code,
	};
}

/** Time that only moves when someone sleeps: backoff, throttle waits and polls cost nothing real. */
export function virtualClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		sleep: async (ms: number) => {
			offset += ms;
		},
		sleptMs: () => offset,
	};
}

/** Points the operation's waits at the clock (polls and transport backoff alike). */
export function useClock(clock: ReturnType<typeof virtualClock>): void {
	insightsRuntime.sleep = clock.sleep;
	insightsRuntime.transport = { sleep: clock.sleep };
}

export function adLevelParams(expected: ExpectedRows, options: IDataObject = {}): IDataObject {
	return {
		resource: 'insights',
		operation: 'get',
		scope: 'account',
		adAccountId: { __rl: true, mode: 'id', value: `act_${expected.accountId}` },
		level: 'ad',
		dateMode: 'range',
		since: expected.since,
		until: expected.until,
		timeIncrement: 'daily',
		breakdowns: [],
		conversionPreset: 'auto',
		options,
	};
}

/** Only the Meta base URL is needed, so a simulator in another process works too. */
export function simContext(sim: Pick<RunningSimulator, 'metaBaseUrl'>, parameters: IDataObject): FakeExecuteContext {
	return createExecuteContext({
		parameters,
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		credentials: {
			adPilotMetaAdsApi: {
				accessToken: SIM_META_ACCESS_TOKEN,
				appSecret: SIM_META_APP_SECRET,
				apiVersion: 'v25.0',
				baseUrl: sim.metaBaseUrl,
			},
		},
	});
}

export async function runOnSim(sim: Pick<RunningSimulator, 'metaBaseUrl'>, parameters: IDataObject): Promise<INodeExecutionData[]> {
	const node = new MetaAds();
	const [items] = (await node.execute.call(simContext(sim, parameters))) as INodeExecutionData[][];
	return items;
}
