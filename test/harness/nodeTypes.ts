/**
 * The node-type registry the in-process harness gives n8n-core: AdPilot's
 * own nodes, loaded from source through package.json's `n8n.nodes` list, plus
 * stand-ins for n8n's built-in nodes (n8n-nodes-base is not a dependency):
 * triggers emit the items the test supplies, and every other foreign node
 * records what it received and passes it on, so a test can assert what would
 * have been sent to Slack, email or a callback URL.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type ICredentialType,
	type IVersionedNodeType,
} from 'n8n-workflow';

const repoRoot = join(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-adpilot';

interface PackageManifest {
	n8n: { nodes: string[]; credentials: string[] };
}

function sourcePathOf(distPath: string): string {
	return join(repoRoot, distPath.replace(/^dist\//, '').replace(/\.js$/, ''));
}

/** Instantiates every class a compiled-path list points at, from the TypeScript source. */
function loadClasses<T>(distPaths: string[]): T[] {
	return distPaths.map((distPath) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(sourcePathOf(distPath)) as Record<string, new () => T>;
		const [Class] = Object.values(exported);
		return new Class();
	});
}

function manifest(): PackageManifest {
	return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageManifest;
}

export function loadAdPilotNodes(): Record<string, INodeType> {
	const nodes: Record<string, INodeType> = {};
	for (const node of loadClasses<INodeType>(manifest().n8n.nodes)) nodes[`${PACKAGE}.${node.description.name}`] = node;
	return nodes;
}

export function loadAdPilotCredentialTypes(): Record<string, ICredentialType> {
	const types: Record<string, ICredentialType> = {};
	for (const type of loadClasses<ICredentialType>(manifest().n8n.credentials)) types[type.name] = type;
	return types;
}

export type Recorded = Record<string, IDataObject[][]>;

function triggerStandIn(type: string, items: () => INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: `${type} (harness trigger)`,
			name: type,
			group: ['trigger'],
			version: [1, 1.1, 1.2, 1.3, 2],
			description: 'Emits the items the test supplies',
			defaults: { name: type },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(): Promise<INodeExecutionData[][]> {
			return [items()];
		},
	};
}

function recorderStandIn(type: string, recorded: Recorded): INodeType {
	return {
		description: {
			displayName: `${type} (harness recorder)`,
			name: type,
			group: ['output'],
			version: [1, 1.1, 2, 2.1, 2.2, 2.3, 3, 4, 4.1, 4.2],
			description: 'Records its input and passes it on',
			defaults: { name: type },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const name = this.getNode().name;
			(recorded[name] ??= []).push(items.map((item) => item.json));
			return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
		},
	};
}

const TRIGGER = /(trigger|webhook)$/i;

export class HarnessNodeTypes implements INodeTypes {
	readonly recorded: Recorded = {};

	private readonly standIns: Record<string, INodeType> = {};

	constructor(
		private readonly adPilotNodes: Record<string, INodeType>,
		private readonly triggerItems: () => INodeExecutionData[],
	) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.resolve(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.resolve(nodeType);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	private resolve(nodeType: string): INodeType {
		const own = this.adPilotNodes[nodeType];
		if (own) return own;
		if (nodeType.startsWith(`${PACKAGE}.`)) throw new Error(`AdPilot has no node type "${nodeType}"`);
		this.standIns[nodeType] ??= TRIGGER.test(nodeType)
			? triggerStandIn(nodeType, this.triggerItems)
			: recorderStandIn(nodeType, this.recorded);
		return this.standIns[nodeType];
	}
}
