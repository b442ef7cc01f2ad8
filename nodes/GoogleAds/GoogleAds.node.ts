import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperation } from '../shared/n8n/router';
import { googleAdsOperationProperties, googleAdsOperations, googleAdsResourceOptions } from './actions/resources';
import { listSearch } from './methods/listSearch';

export class GoogleAds implements INodeType {
	description: INodeTypeDescription = {
		// Distinct from n8n's built-in read-only "Google Ads" node.
		displayName: 'Google Ads (AdPilot)',
		name: 'googleAds',
		icon: { light: 'file:googleAds.svg', dark: 'file:googleAds.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Report on and change Google Ads customers, campaigns, ad groups, ads, keywords and recommendations',
		defaults: { name: 'Google Ads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'adPilotGoogleAdsOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'adPilotGoogleAdsApi', required: true, displayOptions: { show: { authentication: ['refreshToken'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (Sign in with Google)', value: 'oAuth2' },
					{ name: 'Refresh Token (Headless Servers)', value: 'refreshToken' },
				],
				default: 'oAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: googleAdsResourceOptions,
				default: 'report',
			},
			...googleAdsOperationProperties,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeOperation(this, googleAdsOperations);
	}
}
