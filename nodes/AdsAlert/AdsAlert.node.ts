import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OUTPUTS_EXPRESSION } from './channels';
import { alertProperties } from './description';
import { executeAlert } from './execute';

/** Second input ("Recent Alerts") only when repeat suppression reads it. */
const INPUTS_EXPRESSION =
	'={{$parameter.dedupe === "input" ? [{ type: "main", displayName: "Findings" }, { type: "main", displayName: "Recent Alerts" }] : [{ type: "main", displayName: "Findings" }]}}';

export class AdsAlert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads Alert (AdPilot)',
		name: 'adsAlert',
		icon: { light: 'file:adsAlert.svg', dark: 'file:adsAlert.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{($parameter.channels || []).join(", ")}}',
		description: 'Turns actions, anomalies, rule logs, Apply audit items and Meta events into Slack, email, WhatsApp, Telegram and Teams messages',
		defaults: { name: 'Ads Alert' },
		usableAsTool: true,
		inputs: INPUTS_EXPRESSION,
		outputs: OUTPUTS_EXPRESSION,
		properties: alertProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAlert(this);
	}
}
