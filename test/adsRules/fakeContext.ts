/** A small IExecuteFunctions stand-in: enough for AdsRules.execute. */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

export interface FakeOptions {
	params: Record<string, unknown>;
	items: IDataObject[];
	staticData?: IDataObject;
	continueOnFail?: boolean;
	helpers?: Record<string, unknown>;
}

export const NODE: INode = {
	id: 'n1',
	name: 'Ads Rules',
	type: 'n8n-nodes-adpilot.adsRules',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function fakeContext(o: FakeOptions): IExecuteFunctions & { parameterReads: string[] } {
	const staticData = o.staticData ?? {};
	const parameterReads: string[] = [];
	const ctx = {
		parameterReads,
		getInputData: (): INodeExecutionData[] => o.items.map((json) => ({ json })),
		getNode: () => NODE,
		getWorkflow: () => ({ id: 'wf1', name: 'wf', active: true }),
		continueOnFail: () => o.continueOnFail === true,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			parameterReads.push(`${name}@${itemIndex}`);
			return name in o.params ? o.params[name] : fallback;
		},
		helpers: { ...(o.helpers ?? {}) },
	};
	return ctx as unknown as IExecuteFunctions & { parameterReads: string[] };
}
