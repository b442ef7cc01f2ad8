import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationOptions, operations } from './actions';
import { AnalyticsInputError } from './actions/types';
import { pairedWith, readMetricRows } from '../shared/n8n/decisionNode';

export class AdsAnalytics implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads Analytics (AdPilot)',
		name: 'adsAnalytics',
		icon: { light: 'file:adsAnalytics.svg', dark: 'file:adsAnalytics.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Score, detect anomalies, compare A/B tests, reallocate budgets and forecast from AdPilot metric rows',
		defaults: { name: 'Ads Analytics' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: operationOptions,
				default: 'scorePerformance',
			},
			...Object.values(operations).flatMap((op) => op.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Parameters are read once per execution (inside each operation), never per row.
		const operationName = this.getNodeParameter('operation', 0) as string;
		const operation = operations[operationName];
		if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported`);

		const { rows, errorItems } = readMetricRows(
			this,
			'Each input item must be an AdPilot metric row (adpilot.metricRow/v1), e.g. from the Meta Ads or Google Ads report operations.',
		);
		const output: INodeExecutionData[] = errorItems;
		if (rows.length === 0) return [output];

		let results;
		try {
			results = operation.run(this, rows);
		} catch (caught) {
			const error =
				caught instanceof AnalyticsInputError
					? new NodeOperationError(this.getNode(), caught.message, { itemIndex: caught.itemIndex })
					: caught instanceof NodeOperationError
						? caught
						: new NodeOperationError(this.getNode(), caught as Error, { itemIndex: 0 });
			if (!this.continueOnFail()) throw error;
			output.push({ json: { error: error.message } as IDataObject, pairedItem: pairedWith(rows.map((r) => r.itemIndex)) });
			return [output];
		}
		for (const result of results) {
			output.push({ json: result.json, pairedItem: pairedWith(result.items.length > 0 ? result.items : rows.map((r) => r.itemIndex)) });
		}
		return [output];
	}
}
