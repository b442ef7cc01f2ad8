/**
 * Fake n8n contexts for unit tests: IExecuteFunctions and ILoadOptionsFunctions
 * whose HTTP helpers send REAL requests through n8n's own HTTP client, after
 * applying the credential's `authenticate` (so nock sees the Bearer header,
 * appsecret_proof, API keys...).
 *
 *   const ctx = createExecuteContext({
 *     parameters: [{ resource: 'adAccount', operation: 'get', adAccount: { __rl: true, mode: 'id', value: '1' } }],
 *     credentials: { adPilotMetaAdsApi: { accessToken: 'EAA…', appSecret: '', apiVersion: 'v25.0', baseUrl: 'https://graph.test' } },
 *     continueOnFail: true,
 *     nodeType: new MetaAds(),      // optional: resource-locator URL extraction uses its regexes
 *   });
 *   const [items] = await new MetaAds().execute.call(ctx);
 *   ctx.sentRequests                   // every authenticated request, in order (method, url, qs, headers, body)
 *
 * `parameters` is one object for every item, or one object per item.
 * Input items default to one `{ json: {} }` per parameter set.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IBinaryData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameterResourceLocator,
	type INodeProperties,
	type INodeType,
	type IPairedItemData,
} from 'n8n-workflow';

import { applyCredential, defaultCredentialTypes } from './credentials';
import { sendN8nRequest } from './http';

export interface SentRequest {
	method: string;
	url: string;
	qs: IDataObject;
	headers: IDataObject;
	body: unknown;
}

export interface FakeContextOptions {
	/** Node parameters: one object for all items, or one per item. Dotted paths read nested values. */
	parameters?: IDataObject | IDataObject[];
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Extra or replacement credential types (default: all AdPilot credentials). */
	credentialTypes?: ICredentialType[];
	continueOnFail?: boolean;
	inputItems?: INodeExecutionData[];
	/** Binary data per item index, merged into the input items: { 0: { data: { data: base64, mimeType, fileName } } }. */
	binary?: Record<number, Record<string, IBinaryData>>;
	/** The node under test, for resource-locator URL extraction. */
	nodeType?: INodeType;
	node?: Partial<INode>;
}

export type FakeExecuteContext = IExecuteFunctions & { sentRequests: SentRequest[] };
export type FakeLoadOptionsContext = ILoadOptionsFunctions & { sentRequests: SentRequest[] };

function getPath(source: IDataObject, path: string): unknown {
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (typeof current !== 'object' || current === null || !(part in current)) return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

function findProperty(nodeType: INodeType | undefined, name: string): INodeProperties | undefined {
	return nodeType?.description.properties.find((p) => p.name === name);
}

/** n8n's extractValue: the locator's plain value, or for URL mode the regex's first group. */
function extractLocator(locator: INodeParameterResourceLocator, property: INodeProperties | undefined): unknown {
	const mode = property?.modes?.find((m) => m.name === locator.mode);
	const extract = mode?.extractValue;
	if (extract && extract.type === 'regex' && typeof locator.value === 'string') {
		const match = new RegExp(extract.regex).exec(locator.value);
		if (!match) throw new Error(`ERROR: ${property?.displayName ?? 'Parameter'} parameter's value is invalid. Please enter a valid ${mode?.displayName}.`);
		return match[1];
	}
	return locator.value;
}

function readParameter(
	params: IDataObject,
	name: string,
	hasFallback: boolean,
	fallback: unknown,
	extractValue: boolean,
	nodeType: INodeType | undefined,
): unknown {
	const value = getPath(params, name);
	if (value === undefined) {
		if (hasFallback) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	}
	const isLocator = typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;
	if (isLocator && extractValue) return extractLocator(value as unknown as INodeParameterResourceLocator, findProperty(nodeType, name));
	return structuredClone(value);
}

function buildNode(options: FakeContextOptions): INode {
	return {
		id: 'test-node',
		name: 'Test Node',
		type: 'n8n-nodes-adpilot.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...options.node,
	};
}

/** The shared part of both contexts: node, credentials and authenticated HTTP. */
function baseContext(options: FakeContextOptions) {
	const node = buildNode(options);
	const types = { ...defaultCredentialTypes(), ...Object.fromEntries((options.credentialTypes ?? []).map((t) => [t.name, t])) };
	const sentRequests: SentRequest[] = [];

	async function getCredentials(type: string): Promise<ICredentialDataDecryptedObject> {
		const data = options.credentials?.[type];
		if (!data) throw new NodeOperationError(node, `Node "${node.name}" does not have any credentials of type "${type}" set`);
		return structuredClone(data);
	}

	async function send(requestOptions: IHttpRequestOptions): Promise<unknown> {
		try {
			return await sendN8nRequest(requestOptions);
		} catch (error) {
			// What n8n-core does with any failure of the authenticated helper.
			throw new NodeApiError(node, error as never);
		}
	}

	/**
	 * Like n8n-core: a credential with `preAuthentication` and an empty expirable
	 * field (e.g. the headless Google access token) fetches it first, once.
	 */
	async function withPreAuthentication(type: string, credentials: ICredentialDataDecryptedObject): Promise<ICredentialDataDecryptedObject> {
		const credentialType = types[type];
		const expirable = credentialType?.properties.find((p) => p.typeOptions?.expirable === true);
		if (!credentialType?.preAuthentication || !expirable || credentials[expirable.name]) return credentials;
		const fresh = (await credentialType.preAuthentication.call({ helpers: { httpRequest: send } } as never, credentials)) as IDataObject;
		Object.assign(options.credentials![type], fresh);
		return { ...credentials, ...fresh } as ICredentialDataDecryptedObject;
	}

	async function httpRequestWithAuthentication(type: string, requestOptions: IHttpRequestOptions): Promise<unknown> {
		const credentials = await withPreAuthentication(type, await getCredentials(type));
		// Authenticated in place, as n8n's CredentialsHelper does: after the call the caller's own
		// options (and whatever it builds an error from) hold the token, so the leak tests see it too.
		const authenticated = await applyCredential(types[type], credentials, requestOptions);
		sentRequests.push({
			method: String(authenticated.method ?? 'GET'),
			url: authenticated.url,
			qs: { ...(authenticated.qs ?? {}) } as IDataObject,
			headers: { ...(authenticated.headers ?? {}) } as IDataObject,
			body: authenticated.body,
		});
		return await send(authenticated);
	}

	const helpers = {
		httpRequestWithAuthentication,
		httpRequest: async (requestOptions: IHttpRequestOptions) => await send(requestOptions),
	};
	const logger = { debug() {}, info() {}, warn() {}, error() {}, verbose() {} };
	return { node, sentRequests, getCredentials, helpers, logger };
}

export function createExecuteContext(options: FakeContextOptions = {}): FakeExecuteContext {
	const perItem = Array.isArray(options.parameters) ? options.parameters : undefined;
	const count = options.inputItems?.length ?? perItem?.length ?? 1;
	const source: INodeExecutionData[] = options.inputItems ?? Array.from({ length: count }, () => ({ json: {} }));
	const items: INodeExecutionData[] = source.map(
		(item, index) => ({
			...item,
			...(options.binary?.[index] ? { binary: { ...(item.binary ?? {}), ...options.binary[index] } } : {}),
		}),
	);
	const paramsFor = (itemIndex: number): IDataObject =>
		(perItem ? perItem[itemIndex] ?? perItem[perItem.length - 1] : (options.parameters as IDataObject | undefined)) ?? {};
	const base = baseContext(options);

	function binaryOf(itemIndex: number, propertyName: string): IBinaryData {
		const binary = items[itemIndex]?.binary?.[propertyName];
		if (!binary) throw new NodeOperationError(base.node, `No binary data property "${propertyName}" exists on item!`, { itemIndex });
		return binary;
	}

	const ctx = {
		sentRequests: base.sentRequests,
		logger: base.logger,
		getNode: () => base.node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail === true,
		getMode: () => 'manual',
		getCredentials: base.getCredentials,
		getNodeParameter(name: string, itemIndex: number, ...rest: unknown[]) {
			const [fallback, paramOptions] = rest as [unknown, { extractValue?: boolean } | undefined];
			return readParameter(paramsFor(itemIndex), name, rest.length > 0, fallback, paramOptions?.extractValue === true, options.nodeType);
		},
		getExecutionCancelSignal: () => undefined,
		helpers: {
			...base.helpers,
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: IPairedItemData | IPairedItemData[] }) =>
				data.map((entry) => ({ ...entry, pairedItem: meta.itemData })),
			assertBinaryData: (itemIndex: number, propertyName: string) => binaryOf(itemIndex, propertyName),
			getBinaryDataBuffer: async (itemIndex: number, propertyName: string) =>
				Buffer.from(binaryOf(itemIndex, propertyName).data, 'base64'),
			prepareBinaryData: async (buffer: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> => ({
				data: buffer.toString('base64'),
				mimeType: mimeType ?? 'application/octet-stream',
				fileName,
				fileSize: String(buffer.length),
			}),
		},
	};
	return ctx as unknown as FakeExecuteContext;
}

export interface LoadOptionsContextOptions extends FakeContextOptions {
	/** Values getCurrentNodeParameter returns (the node's other parameters as the editor has them). */
	parameters?: IDataObject;
}

export function createLoadOptionsContext(options: LoadOptionsContextOptions = {}): FakeLoadOptionsContext {
	const base = baseContext(options);
	const params = options.parameters ?? {};
	const ctx = {
		sentRequests: base.sentRequests,
		logger: base.logger,
		getNode: () => base.node,
		getCredentials: base.getCredentials,
		getCurrentNodeParameter(name: string, paramOptions?: { extractValue?: boolean }) {
			return readParameter(params, name, true, undefined, paramOptions?.extractValue === true, options.nodeType);
		},
		getNodeParameter(name: string, ...rest: unknown[]) {
			const [fallback, paramOptions] = rest as [unknown, { extractValue?: boolean } | undefined];
			return readParameter(params, name, rest.length > 0, fallback, paramOptions?.extractValue === true, options.nodeType);
		},
		helpers: base.helpers,
	};
	return ctx as unknown as FakeLoadOptionsContext;
}
