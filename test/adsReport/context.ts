import { NodeOperationError, type IBinaryData, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

/** The part of IExecuteFunctions Ads Report uses: two inputs, parameters, time zone, binary data. */
export function reportContext(rows: IDataObject[], context: IDataObject[] | null, parameters: IDataObject, options: { continueOnFail?: boolean; timezone?: string } = {}): IExecuteFunctions {
	const node: INode = { id: 'r1', name: 'Ads Report', type: 'n8n-nodes-adpilot.adsReport', typeVersion: 1, position: [0, 0], parameters: parameters as INode['parameters'] };
	const inputs: INodeExecutionData[][] = [rows.map((json) => ({ json })), (context ?? []).map((json) => ({ json }))];
	const all: IDataObject = { operation: 'performanceReport', period: 'weekly', referenceDate: '2026-11-30', timezone: 'Europe/Berlin', kpi: 'roas', rankLevel: 'campaign', monthlyBudget: 0, reportOptions: {}, ...parameters };
	return {
		getInputData: (index = 0) => {
			if (context === null && index === 1) throw new Error('no input 1');
			return inputs[index];
		},
		getNode: () => node,
		getTimezone: () => options.timezone ?? 'UTC',
		continueOnFail: () => options.continueOnFail === true,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
			if (name in all) return all[name];
			if (fallback !== undefined) return fallback;
			throw new NodeOperationError(node, `test context: parameter "${name}" not set`);
		},
		helpers: {
			prepareBinaryData: async (buffer: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> => ({ data: buffer.toString('base64'), mimeType: mimeType ?? 'application/octet-stream', fileName, fileSize: String(buffer.length) }),
		},
	} as unknown as IExecuteFunctions;
}

export function binaryBuffer(item: INodeExecutionData, property: string): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`no binary property "${property}"`);
	return Buffer.from(binary.data, 'base64');
}
