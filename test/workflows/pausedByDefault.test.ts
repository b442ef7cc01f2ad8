/**
 * Safe by default, behaviourally: create nodes whose workflow JSON does not
 * mention activation at all (n8n-core fills in the description's defaults, as
 * an editor user who never touches the toggle gets) create PAUSED objects,
 * read back from the platform (the simulator) rather than from what was sent.
 */
import type { INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness/runWorkflow';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import { buildTree } from '../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startSimulator({ meta: { videoProcessingMs: 0 }, dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 2, adSetsPerCampaign: 1 } });
});
afterAll(async () => sim.close());

describe('Meta: Create Campaign → Ad Set → Ad with Activate on Create left unset', () => {
	it('every object Meta holds afterwards is PAUSED', async () => {
		const template = loadTemplate('meta-full-hierarchy-from-webhook.json');
		for (const node of template.nodes) delete (node.parameters as Record<string, unknown>).activateOnCreate;
		expect(JSON.stringify(template)).not.toContain('activateOnCreate');
		const account = `act_${buildTree(sim.dataset).accounts[0].id}`;
		const launch = {
			requestId: 'req-paused', client: 'acme', adAccountId: account, pageId: '1000000000001', name: 'Default status',
			message: 'Hello', headline: 'Hi', linkUrl: 'https://acme.example', countries: 'US', targetingJson: '{}', dailyBudget: 50,
			callbackUrl: 'https://hooks.acme.example/x', creativeUrl: 'https://cdn.acme.example/v.mp4', creativeMimeType: 'video/mp4',
		};
		const result = await runWorkflow(template, { credentials: simulatorCredentials(sim), triggerItems: [launch] });

		for (const step of ['Create Campaign', 'Create Ad Set', 'Create Ad']) {
			const id = String(result.output(step)[0].id);
			const answer = await fetch(`${sim.metaBaseUrl}/v25.0/${id}?fields=status`, { headers: { authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } });
			expect({ step, status: ((await answer.json()) as { status: string }).status }).toEqual({ step, status: 'PAUSED' });
		}
	});
});

describe('Google: Create Ad Group with nothing about status', () => {
	it('the ad group Google holds afterwards is PAUSED', async () => {
		const credentials = { adPilotGoogleAdsApi: { id: 'adpilotGoogleSandbox', name: 'AdPilot Google Ads (sandbox)' } };
		const google = (name: string, x: number, parameters: Record<string, unknown>): INode => ({
			id: name, name, type: 'n8n-nodes-adpilot.googleAds', typeVersion: 1, position: [x, 0], credentials,
			parameters: { authentication: 'refreshToken', customerId: { __rl: true, mode: 'id', value: '5550000001' }, ...parameters },
		});
		const workflow: WorkflowJson = {
			name: 'paused by default',
			nodes: [
				{ id: 't', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				google('Campaigns', 200, { resource: 'campaign', operation: 'getMany', returnAll: false, limit: 1 }),
				google('Create Ad Group', 400, { resource: 'adGroup', operation: 'create', campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, name: 'Default status' }),
				google('Ad Groups', 600, { resource: 'adGroup', operation: 'getMany', campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' }, returnAll: true }),
			],
			connections: {
				'Run now': { main: [[{ node: 'Campaigns', type: 'main', index: 0 }]] },
				Campaigns: { main: [[{ node: 'Create Ad Group', type: 'main', index: 0 }]] },
				'Create Ad Group': { main: [[{ node: 'Ad Groups', type: 'main', index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
		const created = result.output('Create Ad Group')[0];
		const stored = result.output('Ad Groups').find((g) => String(g.id) === String(created.id));
		expect(stored).toBeDefined();
		expect(stored!.status).toBe('PAUSED');
	});
});
