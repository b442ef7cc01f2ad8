/**
 * Ads Alert inside n8n-core's real engine: dynamic outputs (one per chosen
 * channel), the recorders standing in for n8n's Slack and Send Email nodes,
 * and static data carrying repeat suppression from run to run.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness/runWorkflow';
import { action, anomaly, metaEvent, ruleLog } from './fixtures';

function workflow(parameters: IDataObject): WorkflowJson {
	return {
		name: 'alerts',
		nodes: [
			{ id: '1', name: 'Findings', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Ads Alert', type: 'n8n-nodes-adpilot.adsAlert', typeVersion: 1, position: [200, 0], parameters: parameters as INodeParameters },
			{ id: '3', name: 'Slack', type: 'n8n-nodes-base.slack', typeVersion: 2.3, position: [400, -100], parameters: {} },
			{ id: '4', name: 'Send Email', type: 'n8n-nodes-base.emailSend', typeVersion: 2.1, position: [400, 100], parameters: {} },
		],
		connections: {
			Findings: { main: [[{ node: 'Ads Alert', type: 'main', index: 0 }]] },
			'Ads Alert': { main: [[{ node: 'Slack', type: 'main', index: 0 }], [{ node: 'Send Email', type: 'main', index: 0 }]] },
		},
	};
}

describe('Ads Alert in a workflow', () => {
	it('sends one Slack digest and one email per run, and holds repeats back on the next run', async () => {
		const staticData: IDataObject = {};
		const params = { channels: ['email', 'slack'], grouping: 'digest', cap: 20, dedupe: 'staticData', periodHours: 6 };
		const inputs = [action(), anomaly(), ruleLog(), metaEvent()];
		const first = await runWorkflow(workflow(params), { triggerItems: inputs, staticData });
		const [slack] = first.recorded.Slack[0];
		const [email] = first.recorded['Send Email'][0];
		expect(first.recorded.Slack[0]).toHaveLength(1);
		expect(first.recorded['Send Email'][0]).toHaveLength(1);
		expect(slack.channel).toBe('slack');
		expect(email.channel).toBe('email');
		expect(slack.findingCount).toBe(4);
		// Most severe first: the critical anomaly and the disapproval lead.
		expect((slack.findings as IDataObject[]).map((f) => f.severity)).toEqual(['critical', 'critical', 'warning', 'info']);
		expect(String(email.html)).toContain('Brand – Search');

		const second = await runWorkflow(workflow(params), { triggerItems: inputs, staticData });
		expect(second.recorded.Slack).toBeUndefined();
		expect(second.output('Ads Alert', 0)).toEqual([]);

		// The same anomaly got worse? It was already critical; a warning that turns critical breaks through.
		const worse = await runWorkflow(workflow(params), { triggerItems: [ruleLog({ actions: [{ kind: 'pause' }] }), action({ kind: 'notify', params: { message: 'Spend cap reached', severity: 'critical' } })], staticData });
		const again = worse.recorded.Slack[0][0];
		expect((again.findings as IDataObject[]).map((f) => f.kind)).toEqual(['notify']);
	});

	it('names the bad item and stops, or under Continue On Fail emits an error item and goes on', async () => {
		const params = { channels: ['slack'], dedupe: 'off' };
		const failing = await runWorkflow(workflow(params), { triggerItems: [action(), { hello: 'world' }] });
		expect(failing.nodeError('Ads Alert')?.message).toMatch(/Item 1 is not something Ads Alert can tell people about.*hello/);

		const json = workflow(params);
		json.nodes[1].continueOnFail = true;
		const going = await runWorkflow(json, { triggerItems: [action(), { hello: 'world' }] });
		const out = going.output('Ads Alert', 0);
		expect(out).toHaveLength(2);
		expect(out[1]).toEqual({ error: expect.stringMatching(/^Item 1 is not/) });
		expect(out[0].findingCount).toBe(1);
	});
});
