// Meta Graph transport: the only place that talks HTTP for the Meta Ads node.
export type {
	BatchOptions,
	BatchResult,
	BatchSubRequest,
	GraphErrorBody,
	GraphMethod,
	GraphRequest,
	MetaContext,
	PaginateRequest,
	TransportOptions,
	UsageInfo,
} from './types';
export { graphRequest } from './request';
export { graphPages, graphPaginate, nextPageParams } from './paginate';
export { graphBatch, BATCH_LIMIT, encodeBatchBody } from './batch';
export { normalizeAdAccountId } from './accountId';
export {
	asNodeError,
	GraphApiError,
	isGraphApiError,
	isNeverRetryError,
	isRateLimitCode,
	isReduceDataError,
	isTransientGraphError,
	graphErrorFromResponse,
	type GraphErrorInfo,
} from './errors';
export { isBudgetChangeLimit } from './budgetLimit';
export { parseUsageHeaders, slowdownMs, getHeader } from './usage';
export { backoffDelayMs, DEFAULT_MAX_RETRIES, DEFAULT_MAX_THROTTLE_WAIT_MS } from './backoff';
export { maxThrottleWaitOption } from './nodeOptions';
export { redactSecrets } from './redact';
export { graphBaseUrl, graphMajorVersion } from './url';
