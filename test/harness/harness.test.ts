import { runWorkflow } from './runWorkflow';

// The harness itself: n8n-core's engine runs a workflow JSON with trigger and
// recorder stand-ins and evaluates expressions on the way.
describe('in-process harness', () => {
	it('runs a workflow from its trigger and records what a foreign node received', async () => {
		const result = await runWorkflow(
			{
				name: 'smoke',
				nodes: [
					{ id: '1', name: 'Every 30 minutes', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
					{ id: '2', name: 'Alert', type: 'n8n-nodes-base.slack', typeVersion: 2.3, position: [200, 0], parameters: { text: '={{ 3 + 4 }}' } },
				],
				connections: { 'Every 30 minutes': { main: [[{ node: 'Alert', type: 'main', index: 0 }]] } },
			},
			{ triggerItems: [{ spend: 12.5 }, { spend: 7 }] },
		);
		expect(result.output('Every 30 minutes')).toEqual([{ spend: 12.5 }, { spend: 7 }]);
		expect(result.recorded.Alert).toEqual([[{ spend: 12.5 }, { spend: 7 }]]);
	});

	it('knows every AdPilot node listed in package.json', async () => {
		const { loadAdPilotNodes } = await import('./nodeTypes');
		expect(Object.keys(loadAdPilotNodes()).sort()).toEqual([
			'n8n-nodes-adpilot.adsAi',
			'n8n-nodes-adpilot.adsAlert',
			'n8n-nodes-adpilot.adsAnalytics',
			'n8n-nodes-adpilot.adsApply',
			'n8n-nodes-adpilot.adsReport',
			'n8n-nodes-adpilot.adsRules',
			'n8n-nodes-adpilot.googleAds',
			'n8n-nodes-adpilot.metaAds',
			'n8n-nodes-adpilot.metaAdsTrigger',
		]);
	});
});
