import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * Anything that can read the Meta credential and send authenticated requests:
 * node runs, pickers, and the Meta Ads Trigger's webhook and activation hooks.
 */
export type MetaContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

/** Knobs for retries and throttling. Tests inject `sleep` and `random` so they run instantly. */
export interface TransportOptions {
	/** Retries after the first attempt for transient failures. Default 5. */
	maxRetries?: number;
	/** Longest pause we accept when Meta says when access returns. Default 5 minutes (node option). */
	maxThrottleWaitMs?: number;
	sleep?: (ms: number) => Promise<void>;
	/** Returns [0, 1); used for backoff jitter. */
	random?: () => number;
}

export interface GraphRequest {
	method: GraphMethod;
	/** Path below the API version, e.g. '/act_1/campaigns'. */
	path: string;
	qs?: IDataObject;
	/** JSON-able object, or a FormData / URLSearchParams / Buffer for uploads. */
	body?: IDataObject | IHttpRequestOptions['body'];
	/** Extra request headers, sent as given (e.g. `Content-Type: multipart/form-data; boundary=…` for a Buffer body). */
	headers?: Record<string, string>;
	/**
	 * false: a redirect is answered as an error instead of followed. For large
	 * uploads: following would re-send (or, on 301/302, drop) the body, and n8n's
	 * client only skips its redirect layer (a stream wrapper around every
	 * request) when redirects are off.
	 */
	followRedirects?: boolean;
	itemIndex?: number;
	options?: TransportOptions;
}

export interface PaginateRequest {
	path: string;
	qs?: IDataObject;
	itemIndex?: number;
	returnAll: boolean;
	/** Maximum rows in total when returnAll is false. */
	limit?: number;
	/** Rows per page asked from Meta (100 for objects, 500 for insights). Halved on "reduce the amount of data". */
	pageSize: number;
	options?: TransportOptions;
}

export interface BatchSubRequest {
	method: GraphMethod;
	/** Relative to the API version, e.g. 'act_1/campaigns?fields=id' or '123456'. */
	relativeUrl: string;
	body?: IDataObject;
	name?: string;
	/** Item this sub-request belongs to; put on its error. Defaults to the batch's itemIndex. */
	itemIndex?: number;
}

export interface BatchOptions {
	itemIndex?: number;
	options?: TransportOptions;
}

export type BatchResult<TBody = unknown> =
	| { ok: true; status: number; body: TBody }
	| { ok: false; error: import('n8n-workflow').NodeApiError };

/** Meta's `{ error: {...} }` object. */
export interface GraphErrorBody {
	message?: string;
	type?: string;
	code?: number;
	error_subcode?: number;
	is_transient?: boolean;
	error_user_title?: string;
	error_user_msg?: string;
	error_data?: unknown;
	fbtrace_id?: string;
}

export interface UsageInfo {
	/** Highest usage percentage across all usage headers, 0 when none. */
	maxUsagePct: number;
	/** Longest "time to regain access" Meta announced, in seconds, 0 when none. */
	regainSeconds: number;
}

/** What httpRequestWithAuthentication returns with returnFullResponse. */
export interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}
