/**
 * A template's AdPilot path, in process: the harness stands in for n8n's own
 * nodes (it records them, it does not run their logic), so a template with
 * Merge, Filter, IF, Code or Send and Wait steps is tested by running its
 * AdPilot nodes, with the template's own parameters, in a chain fed by the
 * items those built-in steps would hand them. The real-n8n e2e run drives the
 * whole workflow, built-in steps included.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { runWorkflow, type HarnessOptions, type HarnessResult, type WorkflowJson } from '../harness/runWorkflow';
import { codeOf, runCode } from './templateSteps';

const TRIGGER = 'Items from the test';

/** Runs `names` (nodes of `template`, in order, each feeding the next's first input) on `items`. */
export async function runTemplateChain(
	template: WorkflowJson,
	names: string[],
	items: IDataObject[],
	options: Omit<HarnessOptions, 'triggerItems'> & { parameters?: Record<string, IDataObject> } = {},
): Promise<HarnessResult> {
	const picked: INode[] = names.map((name) => {
		const node = template.nodes.find((n) => n.name === name);
		if (!node) throw new Error(`template "${template.name}" has no node "${name}"`);
		const overrides = options.parameters?.[name];
		// The error output is n8n's: in the chain an error stops the run, so the test sees it.
		const { onError: _onError, ...rest } = node;
		return { ...rest, parameters: overrides ? { ...node.parameters, ...overrides } : node.parameters } as INode;
	});
	const chain = [TRIGGER, ...names];
	const connections = Object.fromEntries(chain.slice(0, -1).map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }])) as IConnections;
	const workflow: WorkflowJson = {
		name: `${template.name}: ${names.join(' → ')}`,
		nodes: [{ id: 'trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...picked],
		connections,
		settings: { executionOrder: 'v1' },
	};
	return await runWorkflow(workflow, { ...options, triggerItems: items.length > 0 ? items : [{}] });
}

/**
 * Runs a template's Code node (JavaScript, "Run Once for All Items") on
 * `input`, with `$('Node')` answering from `nodes` (node name → output items
 * of output 0): the template's own code, outside n8n's task runner
 * (templateSteps.ts runCode, with the template's name and id).
 */
export function runTemplateCode(
	template: WorkflowJson,
	name: string,
	input: IDataObject[],
	nodes: Record<string, IDataObject[]> = {},
	context: { prevNode?: string; executionId?: string } = {},
): Array<{ json: IDataObject }> {
	return runCode(codeOf(template, name), input, {
		nodes,
		prevNode: context.prevNode ?? '',
		workflowName: template.name,
		workflowId: template.id ?? '',
		executionId: context.executionId ?? 'test-execution',
	}) as Array<{ json: IDataObject }>;
}
