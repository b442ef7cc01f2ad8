import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { modelProperties } from './actions/common';
import { operationOptions, operations } from './actions';

export class AdsAi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads AI (AdPilot)',
		name: 'adsAi',
		icon: { light: 'file:adsAi.svg', dark: 'file:adsAi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'OpenAI recommendations, campaign plans, ad copy and answers that are schema-checked, grounded in your metrics and held to your guardrails',
		defaults: { name: 'Ads AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		inputNames: ['Metrics or Briefs', 'Fallback Actions'],
		requiredInputs: 0,
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adPilotOpenAiApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: operationOptions,
				default: 'recommendChanges',
			},
			...modelProperties,
			...Object.values(operations).flatMap((op) => op.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const name = this.getNodeParameter('operation', 0) as string;
		const operation = operations[name];
		if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${name}" is not supported`);
		if (this.getInputData().length === 0) return [[]];
		return [await operation.run(this)];
	}
}
