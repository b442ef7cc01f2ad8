import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation of a resource/operation node: one file each, like n8n's
 * Airtable v2 node. Most operations work item by item (`execute`); those that
 * gain from grouping items into fewer calls (Graph batch, Google mutate)
 * implement `executeBatch` and report an outcome per item.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
	executeBatch?: (this: IExecuteFunctions, itemIndexes: number[]) => Promise<ItemOutcome[]>;
}

/** JSON rows, or ready n8n items when an operation returns binary data. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

export type ItemOutcome = { itemIndex: number; result: OperationResult } | { itemIndex: number; error: Error };

/** Operations of one resource, keyed by operation value. */
export type ResourceOperations = Record<string, OperationModule>;
