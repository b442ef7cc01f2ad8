import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** OpenAI (or a compatible gateway) for AI recommendations through the Responses API. */
export class AdPilotOpenAiApi implements ICredentialType {
	name = 'adPilotOpenAiApi';

	displayName = 'AdPilot OpenAI API';

	icon: Icon = { light: 'file:icons/openAi.svg', dark: 'file:icons/openAi.dark.svg' };

	documentationUrl = 'https://platform.openai.com/docs/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Organization ID',
			name: 'organization',
			type: 'string',
			default: '',
			description: 'Optional. Sent as OpenAI-Organization when set.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			description: 'Point this at a gateway, a proxy or the AdPilot sandbox simulator',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers: Record<string, string> = { Authorization: `Bearer ${String(credentials.apiKey ?? '')}` };
		const organization = String(credentials.organization ?? '');
		if (organization !== '') headers['OpenAI-Organization'] = organization;
		requestOptions.headers = { ...(requestOptions.headers ?? {}), ...headers };
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/models',
		},
	};
}
