/**
 * Include Deleted and Archived: Graph leaves DELETED and ARCHIVED objects out
 * of insights below account level unless the query filters on the level's
 * effective_status, so their spend goes missing and rows stop adding up to
 * the account total. Against the simulator, which hides them as Graph does.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { insightsParams } from '../../../nodes/MetaAds/actions/insights/planner';
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../../simulator/credentials';
import { buildTree } from '../../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { createExecuteContext } from '../../helpers/context';
import { useClock, virtualClock } from './simSupport';

const SMALL = { seed: 5, days: 10, today: '2026-04-01', accounts: 1, campaignsPerAccount: 3, adSetsPerCampaign: 2, adsPerAdSet: 2 };
const tree = buildTree(SMALL);
const ACCOUNT = tree.accounts[0].id;
const clock = virtualClock();
let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ dataset: SMALL, now: clock.now });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	useClock(clock);
});

async function graph(method: string, path: string, body?: Record<string, string>): Promise<void> {
	const answer = await fetch(`${sim.metaBaseUrl}/v25.0/${path}`, {
		method,
		headers: { Authorization: `Bearer ${SIM_META_ACCESS_TOKEN}`, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
		body: body ? new URLSearchParams(body).toString() : undefined,
	});
	expect(answer.ok).toBe(true);
}

async function insights(level: string, options: IDataObject = {}): Promise<IDataObject[]> {
	const ctx = createExecuteContext({
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		credentials: { adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: SIM_META_APP_SECRET, apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl } },
		parameters: {
			resource: 'insights',
			operation: 'get',
			scope: 'account',
			adAccountId: { __rl: true, mode: 'id', value: `act_${ACCOUNT}` },
			level,
			dateMode: 'preset',
			datePreset: 'last_7d',
			timeIncrement: 'all_days',
			breakdowns: [],
			conversionPreset: 'auto',
			options,
		},
	});
	const [items] = (await new MetaAds().execute.call(ctx)) as INodeExecutionData[][];
	return items.map((item) => item.json);
}

const totalSpend = (rows: IDataObject[]) => Math.round(rows.reduce((sum, row) => sum + Number(row.spend), 0) * 100);

describe('Insight → Get, Include Deleted and Archived', () => {
	it('ad level: a deleted ad is missing by default and reported with the option; only then rows add up to the account', async () => {
		const [account] = await insights('account');
		const before = await insights('ad');
		expect(totalSpend(before)).toBe(totalSpend([account]));
		const victim = String(before.find((row) => Number(row.spend) > 0)!.entityId);
		await graph('DELETE', victim);

		const hidden = await insights('ad');
		expect(hidden.map((row) => row.entityId)).not.toContain(victim);
		expect(totalSpend(hidden)).toBeLessThan(totalSpend([account]));

		const all = await insights('ad', { includeDeletedArchived: true });
		expect(all.map((row) => row.entityId)).toContain(victim);
		expect(totalSpend(all)).toBe(totalSpend([account]));
	});

	it('campaign level (async): an archived campaign comes back with the option', async () => {
		const campaign = tree.campaigns[0].id;
		await graph('POST', campaign, { status: 'ARCHIVED' });
		expect((await insights('campaign', { mode: 'async' })).map((row) => row.entityId)).not.toContain(campaign);
		const all = await insights('campaign', { mode: 'async', includeDeletedArchived: true });
		expect(all.map((row) => row.entityId)).toContain(campaign);
	});

	it('filters on the level’s own effective_status with every status, and not at account level', () => {
		const base = { objectId: 'act_1', objectType: 'account' as const, fields: ['spend'], datePreset: 'last_7d', timeIncrement: 'all_days' as const, breakdowns: [], attributionWindows: [] };
		const adset = JSON.parse(insightsParams({ ...base, level: 'adset', includeDeletedArchived: true }).filtering);
		expect(adset).toEqual([{ field: 'adset.effective_status', operator: 'IN', value: expect.arrayContaining(['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED']) }]);
		expect(insightsParams({ ...base, level: 'adset' }).filtering).toBeUndefined();
		expect(insightsParams({ ...base, level: 'account', includeDeletedArchived: true }).filtering).toBeUndefined();
	});
});
