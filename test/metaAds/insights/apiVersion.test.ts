/**
 * Report-run polls ask only for fields the credential's Graph version has:
 * error_user_title/error_user_msg exist from v25.0 on; v24.0 answers (#100)
 * "Tried accessing nonexisting field" to a poll naming them.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { jobStatusFields, waitForJob, DEFAULT_JOB_OPTIONS } from '../../../nodes/MetaAds/actions/insights/asyncJob';
import type { InsightsClient } from '../../../nodes/MetaAds/actions/insights/clientTypes';
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_SECRET } from '../../../simulator/credentials';
import { buildTree } from '../../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { createExecuteContext } from '../../helpers/context';
import { useClock, virtualClock } from './simSupport';

const SMALL = { seed: 3, days: 10, today: '2026-04-01', accounts: 1, campaignsPerAccount: 2, adSetsPerCampaign: 2, adsPerAdSet: 2 };
const ACCOUNT = buildTree(SMALL).accounts[0].id;
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

async function adInsights(apiVersion: string): Promise<INodeExecutionData[]> {
	const ctx = createExecuteContext({
		node: { name: 'Meta Ads', type: 'n8n-nodes-adpilot.metaAds' },
		credentials: { adPilotMetaAdsApi: { accessToken: SIM_META_ACCESS_TOKEN, appSecret: SIM_META_APP_SECRET, apiVersion, baseUrl: sim.metaBaseUrl } },
		parameters: {
			resource: 'insights',
			operation: 'get',
			scope: 'account',
			adAccountId: { __rl: true, mode: 'id', value: `act_${ACCOUNT}` },
			level: 'ad',
			dateMode: 'preset',
			datePreset: 'last_7d',
			timeIncrement: 'daily',
			breakdowns: [],
			conversionPreset: 'auto',
			options: { mode: 'async' },
		},
	});
	const [items] = (await new MetaAds().execute.call(ctx)) as INodeExecutionData[][];
	return items;
}

describe('report-run poll fields by Graph API version', () => {
	it('v24.0: an async report completes (the poll leaves out the v25-only fields)', async () => {
		const items = await adInsights('v24.0');
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].json).toMatchObject({ level: 'ad', platform: 'meta' });
	});

	it('v25.0: the same report completes', async () => {
		const items = await adInsights('v25.0');
		expect(items.length).toBeGreaterThan(0);
	});

	it('the simulator really refuses the v25-only fields on v24.0 (so the test above can fail)', async () => {
		const headers = { Authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` };
		const start = await fetch(`${sim.metaBaseUrl}/v24.0/act_${ACCOUNT}/insights?level=ad&date_preset=last_7d&fields=spend`, { method: 'POST', headers });
		const { report_run_id: id } = (await start.json()) as { report_run_id: string };
		const poll = await fetch(`${sim.metaBaseUrl}/v24.0/${id}?fields=${jobStatusFields(25)}`, { headers });
		expect(poll.status).toBe(400);
		expect(JSON.stringify(await poll.json())).toMatch(/nonexisting field \(error_user_(msg|title)\)/);
	});

	it.each([
		[23, false],
		[24, false],
		[25, true],
		[26, true],
		[undefined, true],
	])('v%s asks for error_user_msg: %s', (version, asks) => {
		expect(jobStatusFields(version).split(',').includes('error_user_msg')).toBe(asks);
		expect(jobStatusFields(version).split(',')).toEqual(expect.arrayContaining(['async_status', 'async_percent_completion', 'error_message']));
	});

	it('an unreadable version that lacks the fields: asks once more without them and goes on', async () => {
		const asked: string[] = [];
		const client: InsightsClient = {
			apiVersion: undefined,
			request: async <T>(req: { qs?: Record<string, unknown> }) => {
				const fields = String(req.qs?.fields);
				asked.push(fields);
				if (fields.includes('error_user_msg')) throw new Error('(#100) Tried accessing nonexisting field (error_user_msg) on node type (AdReportRun)');
				return { async_status: 'Job Completed', async_percent_completion: 100 } as T;
			},
			pages: () => (async function* () {})(),
		};
		await waitForJob(client, 'run1', { ...DEFAULT_JOB_OPTIONS, sleep: async () => undefined });
		expect(asked).toEqual([jobStatusFields(undefined), jobStatusFields(24)]);
	});
});
