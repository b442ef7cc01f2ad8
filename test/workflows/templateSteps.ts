/**
 * Pieces of a template run alone, for in-process template tests. Runs a template's Code node ("Run Once for All Items") on given items, as
 * n8n's Code node does, with the few globals the templates' code reads.
 * The in-process harness replaces Code nodes by recorders, so this is how a
 * template test exercises their logic; the real-n8n e2e run executes them for real.
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../harness/runWorkflow';

export type Json = Record<string, any>;
export interface CodeGlobals {
	/** `$('Node')`: what other nodes output, by name. */
	nodes?: Record<string, Json[]>;
	prevNode?: string;
	workflowName?: string;
	workflowId?: string;
	executionId?: string;
}

export function codeOf(workflow: WorkflowJson, nodeName: string): string {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	if (!node || node.type !== 'n8n-nodes-base.code') throw new Error(`${workflow.name} has no Code node "${nodeName}"`);
	return String(node.parameters.jsCode);
}

export function runCode(code: string, items: Json[], globals: CodeGlobals = {}): Array<{ json: Json; pairedItem?: unknown }> {
	const wrap = (list: Json[]) => ({ all: () => list.map((json) => ({ json })), first: () => ({ json: list[0] }), last: () => ({ json: list[list.length - 1] }) });
	const lookup = (name: string) => {
		const output = globals.nodes?.[name];
		if (!output) throw new Error(`the code reads $('${name}'), which the test did not supply`);
		return wrap(output);
	};
	const fn = new Function('$input', '$json', '$', '$prevNode', '$workflow', '$execution', code);
	const $prevNode = { name: globals.prevNode ?? 'Previous node', outputIndex: 0, runIndex: 0 };
	const $workflow = { id: globals.workflowId ?? '', name: globals.workflowName ?? 'Workflow', active: false };
	return fn(wrap(items), items[0], lookup, $prevNode, $workflow, { id: globals.executionId ?? '1', mode: 'test' });
}

/**
 * The row a Data Table node (Insert/Update, "Map Each Column Below") would
 * write for one input item: each `={{ … }}` value evaluated as JavaScript with
 * $json, $now and $('Node'), plain values kept. Not n8n's expression engine,
 * but the templates' column expressions are plain JavaScript.
 */
/** The part of Luxon's DateTime ($now) the templates use. */
function now() {
	const at = new Date();
	const utc = { toISO: () => at.toISOString() };
	return { toUTC: () => utc, minus: ({ hours = 0 }: { hours?: number }) => ({ toUTC: () => ({ toISO: () => new Date(at.getTime() - hours * 3600_000).toISOString() }) }) };
}

export function dataTableRow(workflow: WorkflowJson, nodeName: string, json: Json, globals: CodeGlobals = {}): Json {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	if (!node || node.type !== 'n8n-nodes-base.dataTable') throw new Error(`${workflow.name} has no Data Table node "${nodeName}"`);
	const lookup = (name: string) => {
		const output = globals.nodes?.[name];
		if (!output) throw new Error(`the column reads $('${name}'), which the test did not supply`);
		return { first: () => ({ json: output[0] }), all: () => output.map((j) => ({ json: j })) };
	};
	const row: Json = {};
	for (const [column, value] of Object.entries((node.parameters.columns as { value: Record<string, unknown> }).value)) {
		const match = typeof value === 'string' ? /^=\{\{([\s\S]*)\}\}$/.exec(value.trim()) : null;
		row[column] = match ? new Function('$json', '$now', '$', `return (${match[1]});`)(json, now(), lookup) : value;
	}
	return row;
}

/**
 * One AdPilot step of a template alone, fed by a trigger that emits the test's
 * items, with some parameters replaced (e.g. an approved digest that the
 * template reads from a node this workflow does not have).
 */
export function stepAlone(workflow: WorkflowJson, nodeName: string, parameters: INodeParameters = {}): WorkflowJson {
	const step = workflow.nodes.find((n) => n.name === nodeName);
	if (!step) throw new Error(`${workflow.name} has no node "${nodeName}"`);
	const trigger: INode = { id: 'input', name: 'Input', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		name: `${workflow.name}: ${nodeName}`,
		nodes: [trigger, { ...step, parameters: { ...step.parameters, ...parameters } }],
		connections: { Input: { main: [[{ node: step.name, type: 'main', index: 0 }]] } },
	};
}
