/**
 * Runs a workflow JSON in the test process with n8n-core's real execution
 * engine: expressions, pairedItem, continueOnFail, multiple outputs and
 * static data behave as in n8n. The in-process counterpart of the real-n8n
 * e2e run (scripts/e2e.mjs).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HarnessCredentialsHelper, type CredentialData } from './credentialsHelper';
import { dataTableStandIn, type DataTables } from './dataTableStandIn';
import { HarnessNodeTypes, loadAdPilotCredentialTypes, loadAdPilotNodes, type Recorded } from './nodeTypes';

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

export interface HarnessOptions {
	/** Credential data by credential type name. */
	credentials?: CredentialData;
	/** What the trigger node emits (default: one empty item). */
	triggerItems?: IDataObject[];
	/** Static data carried between runs (cooldowns); pass the same object to share it. */
	staticData?: IDataObject;
	/** When given, n8n's Data Table node keeps its rows here (by table name) instead of being a recorder. */
	dataTables?: DataTables;
}

export interface HarnessResult {
	run: IRun;
	/** JSON of a node's output `outputIndex` in its first run. */
	output(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error a node ended with, if any. */
	nodeError(nodeName: string): Error | undefined;
	/** What recorder stand-ins (Slack, email, HTTP callbacks...) received. */
	recorded: Recorded;
	staticData: IDataObject;
}

function absoluteUrls() {
	const base = 'http://127.0.0.1:5678';
	return {
		instanceBaseUrl: base,
		restApiUrl: `${base}/rest`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
	};
}

function findStartNode(workflow: WorkflowJson): INode {
	const targets = new Set(
		Object.values(workflow.connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) => (outputs ?? []).flatMap((links) => (links ?? []).map((l) => l.node))),
		),
	);
	const start = workflow.nodes.find((node) => !targets.has(node.name) && !node.disabled);
	if (!start) throw new Error(`Workflow "${workflow.name}" has no start node`);
	return start;
}

export async function runWorkflow(json: WorkflowJson, options: HarnessOptions = {}): Promise<HarnessResult> {
	const triggerItems: INodeExecutionData[] = (options.triggerItems ?? [{}]).map((item) => ({ json: item }));
	// Resolved before any stand-in: AdPilot's nodes, and the in-memory Data Table when the test gives tables.
	const realNodes = { ...loadAdPilotNodes(), ...(options.dataTables ? { 'n8n-nodes-base.dataTable': dataTableStandIn(options.dataTables) } : {}) };
	const nodeTypes = new HarnessNodeTypes(realNodes, () => triggerItems);
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: json.id ?? 'harness',
		name: json.name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData,
		settings: json.settings ?? { executionOrder: 'v1' },
	});

	const executionId = `harness-${Date.now()}`;
	const workflowData = { ...json, id: json.id ?? 'harness', active: false } as unknown as IWorkflowBase;
	const additionalData = {
		...absoluteUrls(),
		credentialsHelper: new HarnessCredentialsHelper(loadAdPilotCredentialTypes(), { ...(options.credentials ?? {}) }),
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		userId: 'harness-user',
	} as unknown as IWorkflowExecuteAdditionalData;

	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: findStartNode(json) });
	const runData = run.data.resultData.runData;
	return {
		run,
		recorded: nodeTypes.recorded,
		staticData: workflow.staticData as IDataObject,
		output(nodeName, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (!task) throw new Error(`Node "${nodeName}" did not run`);
			if (task.error) throw new Error(`Node "${nodeName}" failed: ${task.error.message}`);
			return (task.data?.main?.[outputIndex] ?? []).map((item) => item.json);
		},
		nodeError(nodeName) {
			return runData[nodeName]?.[0]?.error ?? undefined;
		},
	};
}
