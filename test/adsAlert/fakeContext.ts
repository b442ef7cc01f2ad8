/** An IExecuteFunctions stand-in for Ads Alert: two inputs, parameters, static data. */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { AdsAlert } from '../../nodes/AdsAlert/AdsAlert.node';

const NODE: INode = { id: 'a1', name: 'Ads Alert', type: 'n8n-nodes-adpilot.adsAlert', typeVersion: 1, position: [0, 0], parameters: {} };

export interface AlertRun {
	params: IDataObject;
	items: IDataObject[];
	recent?: IDataObject[];
	staticData?: IDataObject;
	continueOnFail?: boolean;
}

function getPath(source: IDataObject, path: string): unknown {
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (typeof current !== 'object' || current === null || !(part in current)) return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

export async function runAlert(run: AlertRun): Promise<INodeExecutionData[][]> {
	const staticData = run.staticData ?? {};
	const ctx = {
		getInputData: (index = 0): INodeExecutionData[] => (index === 0 ? run.items : run.recent ?? []).map((json) => ({ json })),
		getNode: () => NODE,
		continueOnFail: () => run.continueOnFail === true,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => {
			const value = getPath(run.params, name);
			return value === undefined ? fallback : value;
		},
	};
	return await new AdsAlert().execute.call(ctx as unknown as IExecuteFunctions);
}

export const json = (items: INodeExecutionData[]) => items.map((i) => i.json);
