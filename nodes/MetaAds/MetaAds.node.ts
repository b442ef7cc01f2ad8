import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperation } from '../shared/n8n/router';
import { metaAdsOperationProperties, metaAdsOperations, metaAdsResourceOptions } from './actions/resources';
import { listSearch } from './methods/listSearch';

export class MetaAds implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Ads (AdPilot)',
		name: 'metaAds',
		icon: { light: 'file:metaAds.svg', dark: 'file:metaAds.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Meta (Facebook and Instagram) ad accounts, campaigns, ad sets, ads, creatives and insights',
		defaults: { name: 'Meta Ads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'adPilotMetaAdsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: metaAdsResourceOptions,
				default: 'campaign',
			},
			...metaAdsOperationProperties,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperation(this, metaAdsOperations);
	}
}
