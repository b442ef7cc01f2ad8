import type { IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';

/** An Ads AI operation: its parameters and a run over all input items (it pairs its own outputs). */
export interface AiOperation {
	description: INodeProperties[];
	run(ctx: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

export function pairedWith(indexes: readonly number[], input = 0): IPairedItemData[] {
	return indexes.map((item) => (input === 0 ? { item } : { item, input }));
}
