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
 * of output 0): the template's own code, outside n8n's task runner.
 */
export function runTemplateCode(
	template: WorkflowJson,
	name: string,
	input: IDataObject[],
	nodes: Record<string, IDataObject[]> = {},
	context: { prevNode?: string; executionId?: string } = {},
): Array<{ json: IDataObject }> {
	const node = template.nodes.find((n) => n.name === name && n.type === 'n8n-nodes-base.code');
	if (!node) throw new Error(`template "${template.name}" has no Code node "${name}"`);
	const items = (list: IDataObject[]) => list.map((json) => ({ json }));
	const $input = { all: () => items(input), first: () => items(input)[0] };
	const $ = (other: string) => {
		if (!(other in nodes)) throw new Error(`the Code node "${name}" reads $('${other}'), which the test did not supply`);
		return { all: () => items(nodes[other]), first: () => items(nodes[other])[0] };
	};
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	// n8n's other Code-node globals the templates use: the node that fed this run, the workflow, the execution.
	const $prevNode = { name: context.prevNode ?? '', outputIndex: 0, runIndex: 0 };
	const $workflow = { id: template.id ?? '', name: template.name, active: false };
	const $execution = { id: context.executionId ?? 'test-execution', mode: 'test' };
	const run = new Function('$input', '$', '$prevNode', '$workflow', '$execution', String(node.parameters.jsCode)) as (...args: unknown[]) => Array<{ json: IDataObject }>;
	return run($input, $, $prevNode, $workflow, $execution);
}
