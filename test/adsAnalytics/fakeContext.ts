import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

export interface FakeContext {
	ctx: IExecuteFunctions;
	/** How many times a parameter was read, to check "read once per execution". */
	parameterReads: () => number;
}

/** The part of IExecuteFunctions the analytics node uses. */
export function fakeContext(items: IDataObject[], parameters: IDataObject, options: { continueOnFail?: boolean } = {}): FakeContext {
	let reads = 0;
	const node: INode = {
		id: 'n1',
		name: 'Ads Analytics',
		type: 'n8n-nodes-adpilot.adsAnalytics',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	const ctx = {
		getInputData: () => input,
		getNode: () => node,
		continueOnFail: () => options.continueOnFail === true,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
			reads++;
			if (name in parameters) return parameters[name];
			if (fallback !== undefined) return fallback;
			throw new NodeOperationError(node, `test context: parameter "${name}" not set`);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, parameterReads: () => reads };
}
