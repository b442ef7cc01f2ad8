import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { redactSecrets } from './redact';
import type { GraphErrorBody } from './types';

/** The Graph error fields we keep on an error, for callers that branch on them. */
export interface GraphErrorInfo {
	httpStatus: number;
	code?: number;
	subcode?: number;
	type?: string;
	isTransient?: boolean;
	fbtraceId?: string;
	/** Meta's own message, redacted. */
	metaMessage: string;
	/** Meta's error_user_title / error_user_msg, redacted, when it sent them. */
	userTitle?: string;
	userMessage?: string;
	/**
	 * Meta's `error_data`, redacted, parsed when Meta sends it as JSON text
	 * (e.g. the offsets to resume a video upload from after 6001/1363037).
	 */
	errorData?: unknown;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 960]);

/**
 * code/subcode pairs that repeat for the same request whatever Meta's flags
 * say, so a retry only burns time: "too much for a sync request, use an
 * async job" (2/1504038, 100/1504018). Callers switch strategy instead.
 */
const NEVER_RETRY = new Set(['2/1504038', '100/1504018']);

export function isNeverRetryError(info: Pick<GraphErrorInfo, 'code' | 'subcode'>): boolean {
	return NEVER_RETRY.has(`${info.code}/${info.subcode}`);
}

/** Codes that mean "too many calls": business use case 80000–80014 and app/user/account limits. */
export function isRateLimitCode(code: number | undefined): boolean {
	if (code === undefined) return false;
	return RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014);
}

/**
 * Worth retrying: HTTP 5xx or 429, the Graph codes Airbyte and Singer retry
 * (1, 2, 4, 17, 32, 341, 613, 960 batch timeout, 80000–80014) and anything
 * Meta flags is_transient. Every other 4xx is a bad request and fails at once.
 */
export function isTransientGraphError(info: Pick<GraphErrorInfo, 'httpStatus' | 'code' | 'subcode' | 'isTransient'>): boolean {
	// Checked first: Meta marks "use async" as HTTP 500 and sometimes is_transient.
	if (isNeverRetryError(info)) return false;
	if (info.isTransient === true) return true;
	if (info.httpStatus >= 500 || info.httpStatus === 429) return true;
	if (info.code === undefined) return false;
	return TRANSIENT_CODES.has(info.code) || isRateLimitCode(info.code);
}

/** Meta's "Please reduce the amount of data you're asking for" (HTTP 500, code 1). */
export function isReduceDataError(info: Pick<GraphErrorInfo, 'code' | 'metaMessage'>): boolean {
	return info.code === 1 && /reduce the amount of data/i.test(info.metaMessage);
}

/** A NodeApiError that also carries the Graph error fields. */
export class GraphApiError extends NodeApiError {
	readonly graph: GraphErrorInfo;

	constructor(node: INode, graph: GraphErrorInfo, message: string, description: string, itemIndex?: number) {
		// Only plain, redacted fields go in: never request options, headers or URLs.
		const safeResponse: JsonObject = {
			message,
			code: graph.code ?? null,
			error_subcode: graph.subcode ?? null,
			type: graph.type ?? null,
			fbtrace_id: graph.fbtraceId ?? null,
			httpStatus: graph.httpStatus,
		};
		super(node, safeResponse, { message, description, httpCode: String(graph.httpStatus), itemIndex });
		this.graph = graph;
	}
}

export function isGraphApiError(error: unknown): error is GraphApiError {
	return error instanceof GraphApiError;
}

/** Reads `{error:{...}}` from a body that may be a string, an object, or garbage. */
export function extractGraphError(body: unknown): GraphErrorBody | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const error = (parsed as { error?: unknown }).error;
	if (typeof error === 'object' && error !== null) return error as GraphErrorBody;
	return undefined;
}

/** error_data as a value: Meta sends it as an object or as JSON text. Redacted like the message. */
export function parseErrorData(raw: unknown): unknown {
	if (raw === undefined || raw === null) return undefined;
	const text = redactSecrets(typeof raw === 'string' ? raw : JSON.stringify(raw));
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function codeText(info: GraphErrorInfo): string {
	const parts = [`HTTP ${info.httpStatus}`];
	if (info.code !== undefined) parts.push(`code ${info.code}${info.subcode !== undefined ? `/${info.subcode}` : ''}`);
	if (info.fbtraceId) parts.push(`fbtrace_id ${info.fbtraceId}`);
	return parts.join(', ');
}

/** Builds the error for a failed Graph response: user-facing text first, Meta's codes in the description. */
export function graphErrorFromResponse(
	node: INode,
	httpStatus: number,
	body: unknown,
	itemIndex?: number,
): GraphApiError {
	const raw = extractGraphError(body);
	const metaMessage = redactSecrets(String(raw?.message ?? `Meta returned HTTP ${httpStatus}`));
	const info: GraphErrorInfo = {
		httpStatus,
		code: typeof raw?.code === 'number' ? raw.code : undefined,
		subcode: typeof raw?.error_subcode === 'number' ? raw.error_subcode : undefined,
		type: raw?.type,
		isTransient: raw?.is_transient,
		fbtraceId: raw?.fbtrace_id,
		metaMessage,
		errorData: parseErrorData(raw?.error_data),
	};
	const userMessage = raw?.error_user_msg ? redactSecrets(String(raw.error_user_msg)) : undefined;
	if (userMessage !== undefined) info.userMessage = userMessage;
	if (raw?.error_user_title) info.userTitle = redactSecrets(String(raw.error_user_title));
	if (info.code === 190) {
		return new GraphApiError(
			node,
			info,
			'The Meta access token is invalid or has expired',
			`Update the access token in the AdPilot Meta Ads API credential (a system-user token does not expire). Meta said: ${metaMessage} (${codeText(info)})`,
			itemIndex,
		);
	}
	const title = info.userTitle ? `${info.userTitle}: ` : '';
	const message = `Meta API error: ${title}${userMessage ?? metaMessage}`;
	const description = `${userMessage ? `${metaMessage} ` : ''}(${codeText(info)})`;
	return new GraphApiError(node, info, message, description, itemIndex);
}

/** A request that never got an HTTP answer (DNS, reset, timeout). Keeps only a redacted message. */
export function networkError(node: INode, error: unknown, itemIndex?: number): GraphApiError {
	const text = redactSecrets(String((error as { message?: unknown })?.message ?? error));
	const info: GraphErrorInfo = { httpStatus: 0, isTransient: true, metaMessage: text };
	return new GraphApiError(node, info, `Could not reach the Meta API: ${text}`, 'The request got no HTTP response', itemIndex);
}

// n8n-core may load its own copy of n8n-workflow, so instanceof alone misses its errors.
const N8N_ERROR_NAMES = new Set(['NodeApiError', 'NodeOperationError']);

/**
 * A caught value as an n8n error. n8n's own errors (credential problems and
 * the like) pass through unchanged: n8n built them without secrets. Anything
 * else is wrapped with a redacted message, so no raw error leaves the node.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof Error && N8N_ERROR_NAMES.has(error.constructor.name)) return error as NodeOperationError;
	const text = redactSecrets(String((error as { message?: unknown })?.message ?? error));
	return new NodeOperationError(node, text, { itemIndex });
}
