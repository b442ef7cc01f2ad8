import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationOptions } from './actions';
import { optionsProperty, periodProperties, rankingProperties } from './actions/description';
import { sortInputs } from './actions/inputs';
import { reportItem } from './actions/output';
import { readParameters } from './actions/parameters';
import { buildReport } from './report/build';

export class AdsReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads Report (AdPilot)',
		name: 'adsReport',
		icon: { light: 'file:adsReport.svg', dark: 'file:adsReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["period"]}}',
		description: 'Daily, weekly and executive reports from AdPilot metric rows: email HTML with a PNG chart, PDF-ready HTML and a CSV',
		defaults: { name: 'Ads Report' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Metric Rows' },
			{ type: NodeConnectionTypes.Main, displayName: 'Forecast, Anomalies, Audit', required: false },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: operationOptions,
				default: 'performanceReport',
			},
			...periodProperties,
			...rankingProperties,
			optionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const params = readParameters(this, new Date());
		const inputs = sortInputs(this.getInputData(0), safeInput(this, 1));
		const output: INodeExecutionData[] = [];
		for (const problem of inputs.problems) {
			const error = new NodeOperationError(this.getNode(), problem.message, {
				itemIndex: problem.itemIndex,
				description:
					problem.input === 0
						? 'The first input takes AdPilot metric rows (adpilot.metricRow/v1), e.g. from the Meta Ads or Google Ads report operations.'
						: 'The second input takes Ads Analytics Forecast or Detect Anomalies items and Ads Apply audit items.',
			});
			if (!this.continueOnFail()) throw error;
			output.push({ json: { error: error.message }, pairedItem: { item: problem.itemIndex, input: problem.input } });
		}
		const pairedItem = inputs.used.length > 0 ? inputs.used : [{ item: 0 }];
		const report = buildReport({ rows: inputs.rows, context: inputs.context, periods: params.periods, layout: params.layout, monthlyBudget: params.monthlyBudget, budgetCurrency: params.budgetCurrency });
		if ('problem' in report) {
			const error = new NodeOperationError(this.getNode(), report.problem, { itemIndex: 0 });
			if (!this.continueOnFail()) throw error;
			output.push({ json: { error: error.message }, pairedItem });
			return [output];
		}
		output.push(await reportItem(this, report, params, pairedItem));
		return [output];
	}
}

/** The second input is optional; n8n has no data array for it when nothing is connected. */
function safeInput(ctx: IExecuteFunctions, inputIndex: number): INodeExecutionData[] {
	try {
		return ctx.getInputData(inputIndex) ?? [];
	} catch {
		return [];
	}
}
