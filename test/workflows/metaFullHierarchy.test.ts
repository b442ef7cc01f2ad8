/**
 * Template: webhook → answer at once → client lookup → upload the creative →
 * campaign → ad set → creative → ad (all PAUSED) → callback. In-process the
 * n8n-nodes-base nodes are stand-ins: the trigger items already carry what
 * the Data Table and the Code node would add, IF nodes pass everything to
 * their first output (the video branch), and the callback nodes record what
 * they received. The Meta Ads nodes are real and talk to the simulator.
 */
import { runWorkflow } from '../harness/runWorkflow';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import { buildTree } from '../../simulator/dataset/tree';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

const TEMPLATE = 'meta-full-hierarchy-from-webhook.json';

describe('template: Meta full hierarchy from a webhook', () => {
	let sim: RunningSimulator;
	let account: string;
	beforeAll(async () => {
		sim = await startSimulator({ meta: { videoProcessingMs: 0 } });
		account = `act_${buildTree(sim.dataset).accounts[0].id}`;
	});
	afterAll(async () => sim.close());

	const launch = (overrides: Record<string, unknown> = {}) => ({
		requestId: 'req-1',
		client: 'acme',
		adAccountId: account,
		pageId: '1000000000001',
		name: 'Acme spring',
		message: 'Spring is here',
		headline: 'Spring sale',
		linkUrl: 'https://acme.example/spring',
		countries: 'US, CA',
		targetingJson: '{"age_min": 25}',
		dailyBudget: 50,
		callbackUrl: 'https://hooks.acme.example/adpilot',
		creativeUrl: 'https://cdn.acme.example/spring.mp4',
		creativeMimeType: 'video/mp4',
		...overrides,
	});

	async function graphGet(path: string): Promise<Record<string, unknown>> {
		const response = await fetch(`${sim.metaBaseUrl}/v25.0/${path}`, { headers: { authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } });
		return (await response.json()) as Record<string, unknown>;
	}

	it('uses only n8n base node types and AdPilot nodes, with the Meta credential (by name) on every Meta step', () => {
		const template = loadTemplate(TEMPLATE);
		for (const node of template.nodes) {
			expect(node.type).toMatch(/^n8n-nodes-(base|adpilot)\./);
			if (node.type === 'n8n-nodes-adpilot.metaAds') {
				expect(node.credentials).toEqual({ adPilotMetaAdsApi: { name: 'AdPilot Meta Ads' } });
				expect(node.onError).toBe('continueErrorOutput');
				expect(template.connections[node.name].main[1]).toEqual([
					{ node: 'Report Failure', type: 'main', index: 0 },
					{ node: 'Describe the failure', type: 'main', index: 0 },
				]);
				if (node.parameters.operation === 'create') expect(node.parameters.activateOnCreate ?? false).toBe(false);
			}
		}
		expect(template.connections.Webhook.main[0]).toEqual([{ node: 'Respond Accepted', type: 'main', index: 0 }]);
		// The alert on failure: the Multi-channel alerts sub-workflow, by its template id.
		expect(template.connections['Describe the failure'].main[0]).toEqual([{ node: 'Send to the alert channels', type: 'main', index: 0 }]);
		expect(template.nodes.find((n) => n.name === 'Send to the alert channels')!.parameters.workflowId).toMatchObject({ value: 'adpilotAlerts' });
	});

	it('uploads the video, creates campaign → ad set → creative → ad, all PAUSED, and calls back', async () => {
		const result = await runWorkflow(loadTemplate(TEMPLATE), { credentials: simulatorCredentials(sim), triggerItems: [launch()] });

		const video = result.output('Upload Video')[0];
		expect(video).toMatchObject({ status: 'ready', accountId: account, upload: { method: 'file_url' } });
		expect(String(video.thumbnailUrl)).toMatch(/_0\.png$/);
		const campaign = result.output('Create Campaign')[0];
		const adSet = result.output('Create Ad Set')[0];
		const creative = result.output('Create Video Creative')[0];
		const ad = result.output('Create Ad')[0];
		expect(campaign).toMatchObject({ accountId: account, status: 'PAUSED', name: 'Acme spring' });
		expect(adSet).toMatchObject({ status: 'PAUSED' });
		expect(ad).toMatchObject({ status: 'PAUSED', creativeId: creative.id, adSetId: adSet.id });

		// What Meta (the simulator) now holds.
		const stored = await graphGet(`${ad.id}?fields=status,adset_id,campaign_id,creative`);
		expect(stored).toMatchObject({ status: 'PAUSED', adset_id: adSet.id, campaign_id: campaign.id });
		const storedCreative = await graphGet(`${creative.id}?fields=object_story_spec`);
		expect(storedCreative.object_story_spec).toMatchObject({
			page_id: '1000000000001',
			video_data: { video_id: video.videoId, image_url: video.thumbnailUrl, message: 'Spring is here' },
		});
		const storedAdSet = await graphGet(`${adSet.id}?fields=targeting,daily_budget,status`);
		expect(storedAdSet).toMatchObject({ status: 'PAUSED', targeting: { age_min: 25, geo_locations: { countries: ['US', 'CA'] } } });

		// The callback step got the created ad; the failure report never ran.
		expect(result.recorded['Report Success']).toEqual([[ad]]);
		expect(result.recorded['Report Failure']).toBeUndefined();
		expect(result.recorded['Send to the alert channels']).toBeUndefined();
	});

	it('stops at the failing step and reports it with what was created so far', async () => {
		// A budget below Meta's minimum fails the ad set after the campaign exists.
		const result = await runWorkflow(loadTemplate(TEMPLATE), { credentials: simulatorCredentials(sim), triggerItems: [launch({ dailyBudget: 0.01 })] });
		const campaign = result.output('Create Campaign')[0];
		expect(campaign.status).toBe('PAUSED');
		expect(result.output('Create Ad Set', 0)).toEqual([]);
		const failed = result.output('Create Ad Set', 1);
		expect(failed).toHaveLength(1);
		expect(String(failed[0].error)).toMatch(/budget|minimum/i);
		expect(result.recorded['Report Failure']).toEqual([failed]);
		expect(result.recorded['Report Success']).toBeUndefined();
		// …and alerts people: the failed item reaches the sub-workflow call (the Set node's expressions run in the e2e case).
		expect(result.recorded['Describe the failure']).toEqual([failed]);
		expect(result.recorded['Send to the alert channels']).toEqual([failed]);
		expect(() => result.output('Create Ad')).toThrow('did not run');
	});
});
