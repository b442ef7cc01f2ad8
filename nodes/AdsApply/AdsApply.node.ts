import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { properties } from './description';
import { runPlanOrApply } from './execute';
import { runRevert } from './revert';

/**
 * The only node that turns actions into platform changes: Plan (dry run,
 * default), Apply (optionally bound to an approved digest) and Revert.
 */
export class AdsApply implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ads Apply (AdPilot)',
		name: 'adsApply',
		icon: { light: 'file:adsApply.svg', dark: 'file:adsApply.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Plan, approve, apply and revert ad actions on Meta and Google within guardrails, with an audit trail',
		defaults: { name: 'Ads Apply' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Actions' },
			{ type: NodeConnectionTypes.Main, displayName: 'Recent Changes', required: false },
		],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Audit', 'Summary'],
		credentials: [
			{ name: 'adPilotMetaAdsApi', required: false },
			{ name: 'adPilotGoogleAdsOAuth2Api', required: false, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'adPilotGoogleAdsApi', required: false, displayOptions: { show: { authentication: ['refreshToken'] } } },
		],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation === 'revert') return runRevert(this);
		return await runPlanOrApply(this, operation === 'apply' ? 'apply' : 'plan');
	}
}
