/**
 * A stand-in for n8n's webhook plumbing around the Meta Ads Trigger: a real
 * HTTP server that keeps the raw body as a Buffer (as n8n's body parser
 * does), builds the webhook context, calls the node's webhook(), and answers
 * like n8n: a response the node wrote itself, or 200 with `webhookResponse`;
 * `workflowData` either way is a started "execution" (recorded in
 * `executions`, with who answered in `answeredBy`). Also a hook context for
 * the activation methods.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestOptions,
	type INode,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { MetaAdsTrigger } from '../../nodes/MetaAdsTrigger/MetaAdsTrigger.node';
import { applyCredential, defaultCredentialTypes, sendN8nRequest, type SentRequest } from '../helpers';

export interface TriggerSetup {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	staticData?: IDataObject;
	webhookUrl?: string;
}

const node: INode = { id: 'trigger-node', name: 'Meta Ads Trigger', type: 'n8n-nodes-adpilot.metaAdsTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

function getPath(source: IDataObject, path: string): unknown {
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (typeof current !== 'object' || current === null || !(part in current)) return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

/** What every context shares: parameters, credentials, authenticated HTTP through n8n's own client. */
function common(setup: TriggerSetup, sentRequests: SentRequest[], logs: string[]) {
	const types = defaultCredentialTypes();
	return {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = getPath(setup.parameters, name);
			return value === undefined ? fallback : structuredClone(value);
		},
		getCredentials: async (type: string) => structuredClone(setup.credentials[type]),
		logger: { debug() {}, info() {}, verbose() {}, warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) },
		helpers: {
			async httpRequestWithAuthentication(type: string, options: IHttpRequestOptions) {
				const authenticated = await applyCredential(types[type], setup.credentials[type], { ...options, headers: { ...(options.headers ?? {}) }, qs: options.qs ? { ...options.qs } : undefined });
				sentRequests.push({ method: String(authenticated.method ?? 'GET'), url: authenticated.url, qs: { ...(authenticated.qs ?? {}) } as IDataObject, headers: { ...(authenticated.headers ?? {}) } as IDataObject, body: authenticated.body });
				try {
					return await sendN8nRequest(authenticated);
				} catch (error) {
					throw new NodeApiError(node, error as never);
				}
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
}

export interface RunningTrigger {
	url: string;
	/** Items of every execution the trigger started, in order. */
	executions: IDataObject[][];
	/** Per started execution: whether the node wrote the HTTP answer itself (before n8n starts the run) or left it to n8n. */
	answeredBy: Array<'node' | 'n8n'>;
	sentRequests: SentRequest[];
	staticData: IDataObject;
	logs: string[];
	close(): Promise<void>;
}

function expressLike(res: ServerResponse) {
	const wrapper = {
		status(code: number) {
			res.statusCode = code;
			return wrapper;
		},
		type(contentType: string) {
			res.setHeader('content-type', contentType);
			return wrapper;
		},
		send(text: string) {
			res.end(text);
			return wrapper;
		},
	};
	return wrapper;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startTriggerServer(setup: TriggerSetup): Promise<RunningTrigger> {
	const trigger = new MetaAdsTrigger();
	const executions: IDataObject[][] = [];
	const answeredBy: Array<'node' | 'n8n'> = [];
	const sentRequests: SentRequest[] = [];
	const logs: string[] = [];
	const staticData = setup.staticData ?? {};
	const server = createServer(async (req, res) => {
		try {
			const rawBody = await readRaw(req);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const ctx = {
				...common(setup, sentRequests, logs),
				getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
				getQueryData: () => Object.fromEntries(url.searchParams),
				getHeaderData: () => req.headers,
				getRequestObject: () => ({ rawBody, headers: req.headers, body: rawBody.length > 0 ? safeJson(rawBody) : {} }),
				getResponseObject: () => expressLike(res),
				getWorkflowStaticData: () => staticData,
			} as unknown as IWebhookFunctions;
			const result: IWebhookResponseData = await trigger.webhook.call(ctx);
			// Like n8n: workflowData starts a run whether the node answered itself or not.
			if (result.workflowData) {
				executions.push(result.workflowData[0].map((item) => item.json));
				answeredBy.push(result.noWebhookResponse ? 'node' : 'n8n');
			}
			if (result.noWebhookResponse) return;
			res.statusCode = 200;
			res.end(typeof result.webhookResponse === 'string' ? result.webhookResponse : JSON.stringify({ message: 'Workflow was started' }));
		} catch (error) {
			res.statusCode = 500;
			res.end(String((error as Error).message));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/webhook/abc/webhook`,
		executions,
		answeredBy,
		sentRequests,
		staticData,
		logs,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function safeJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

/** An IHookFunctions for checkExists / create / delete. */
export function createHookContext(setup: TriggerSetup): IHookFunctions & { sentRequests: SentRequest[]; logs: string[] } {
	const sentRequests: SentRequest[] = [];
	const logs: string[] = [];
	return {
		...common(setup, sentRequests, logs),
		sentRequests,
		logs,
		getNodeWebhookUrl: () => setup.webhookUrl ?? 'https://n8n.example.com/webhook/abc/webhook',
	} as unknown as IHookFunctions & { sentRequests: SentRequest[]; logs: string[] };
}
