import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/** Fields both Google Ads credential variants share (consent flow and headless). */
export const googleAdsCommonFields: INodeProperties[] = [
	{
		displayName: 'Developer Token',
		name: 'developerToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'From the API Center of your Google Ads manager account',
	},
	{
		displayName: 'Login Customer ID',
		name: 'loginCustomerId',
		type: 'string',
		default: '',
		placeholder: '123-456-7890',
		description: 'The manager account ID, when access goes through a manager. Dashes are optional.',
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'string',
		default: 'v26',
		description: 'Change this when Google sunsets a version; no node update needed',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://googleads.googleapis.com',
		description: 'Point this at a proxy or at the AdPilot sandbox simulator',
	},
];

export const googleAdsCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.apiVersion}}',
		url: '/customers:listAccessibleCustomers',
		headers: { 'developer-token': '={{$credentials.developerToken}}' },
	},
};
