/**
 * The templates of issue 14's second wave make failures visible: every
 * AdPilot step continues on its error output, which reaches "Describe the
 * failure" → Execute Workflow "AdPilot: Multi-channel alerts". The describing
 * Code node (run here on an error item as n8n hands it over) turns each
 * failure into the sub-workflow's channel-less message: critical, naming the
 * workflow, the step and the error.
 */
import type { INode } from 'n8n-workflow';

import { runTemplateCode } from './templatePath';
import { loadTemplate } from './templates';

const FILES = ['cross-platform-budget-rebalance.json', 'ab-test-watcher.json', 'weekly-report.json'];

/** How many regular outputs an AdPilot node has (its error output comes after them). */
function regularOutputs(node: INode): number {
	if (node.type === 'n8n-nodes-adpilot.adsApply') return 2;
	if (node.type === 'n8n-nodes-adpilot.adsAlert') return (node.parameters.channels as string[]).length;
	return 1;
}

describe.each(FILES)('template %s: failures reach Multi-channel alerts', (file) => {
	const template = loadTemplate(file);
	const adPilotSteps = template.nodes.filter((n) => n.type.startsWith('n8n-nodes-adpilot.'));

	it.each(adPilotSteps.map((n) => [n.name, n]))('"%s" continues on its error output into "Describe the failure"', (_name, node) => {
		const step = node as INode;
		expect(step.onError).toBe('continueErrorOutput');
		const outputs = template.connections[step.name]?.main ?? [];
		expect(outputs[regularOutputs(step)]?.map((c) => c.node)).toEqual(['Describe the failure']);
	});

	it('"Describe the failure" feeds the Multi-channel alerts sub-workflow, waiting for it', () => {
		expect(template.connections['Describe the failure'].main[0]?.map((c) => c.node)).toEqual(['Send to the alert channels']);
		const call = template.nodes.find((n) => n.name === 'Send to the alert channels')!;
		expect(call.type).toBe('n8n-nodes-base.executeWorkflow');
		expect(call.parameters).toMatchObject({ workflowId: { value: 'adpilotAlerts' }, options: { waitForSubWorkflow: true } });
	});

	it('turns an error item (message string or error object) into one critical message naming the workflow, step and error', () => {
		const step = adPilotSteps[0].name;
		const messages = runTemplateCode(template, 'Describe the failure', [{ error: 'Meta API error #190: token expired' }, { error: { message: 'Invalid customer ID', description: 'Use 10 digits' } }], {}, { prevNode: step, executionId: '42' }).map((m) => m.json);
		const heading = `AdPilot: "${template.name}" failed at "${step}"`;
		expect(messages).toEqual([
			expect.objectContaining({ severity: 'critical', heading, failedNode: step, errorMessage: 'Meta API error #190: token expired', executionId: '42', text: `${heading}\nError: Meta API error #190: token expired\nExecution: 42` }),
			expect.objectContaining({ severity: 'critical', heading, errorMessage: 'Invalid customer ID', text: `${heading}\nError: Invalid customer ID\nDetails: Use 10 digits\nExecution: 42` }),
		]);
		for (const message of messages) expect(message).not.toHaveProperty('channel');
	});
});
