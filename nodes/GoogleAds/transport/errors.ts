import type { IDataObject } from 'n8n-workflow';

/** A policy finding or violation Google reports, kept so callers can retry with exemptions. */
export interface GoogleAdsPolicyInfo {
	/** PolicyViolationError (keywords): exemptible with `exemptPolicyViolationKeys`. */
	isExemptible?: boolean;
	/** Pass back in `exemptPolicyViolationKeys` to request an exemption. */
	exemptPolicyViolationKey?: { policyName?: string; violatingText?: string };
	externalPolicyName?: string;
	externalPolicyDescription?: string;
	/** PolicyFindingError (ads): topics to pass in `policyValidationParameter.ignorablePolicyTopics`. */
	policyTopics?: string[];
}

/** One Google Ads error, flattened. */
export interface GoogleAdsErrorDetail {
	/** e.g. 'QuotaError.RESOURCE_EXHAUSTED', or 'HTTP_503' when Google sent no failure body. */
	code: string;
	/** e.g. 'quotaError'. */
	errorType: string;
	/** e.g. 'RESOURCE_EXHAUSTED'. */
	errorValue: string;
	message: string;
	/** The offending value, as text. */
	trigger?: string;
	/** e.g. 'operations[1].create.name'. */
	fieldPath?: string;
	/** Index of the mutate operation this error belongs to, when the path names one. */
	operationIndex?: number;
	/** From QuotaErrorDetails / RetryInfo, milliseconds. */
	retryDelayMs?: number;
	policy?: GoogleAdsPolicyInfo;
	requestId?: string;
}

const RETRYABLE = new Set([
	'QuotaError.RESOURCE_EXHAUSTED',
	'QuotaError.RESOURCE_TEMPORARILY_EXHAUSTED',
	'InternalError.INTERNAL_ERROR',
	'InternalError.TRANSIENT_ERROR',
	'InternalError.DEADLINE_EXCEEDED',
	'DatabaseError.CONCURRENT_MODIFICATION',
]);

export function isRetryableDetail(detail: GoogleAdsErrorDetail): boolean {
	return RETRYABLE.has(detail.code);
}

/** '30s', '1.5s', {seconds, nanos} → milliseconds. */
export function parseDuration(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
		return match ? Math.round(Number(match[1]) * 1000) : undefined;
	}
	if (value && typeof value === 'object') {
		const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
		if (seconds === undefined && nanos === undefined) return undefined;
		return Math.round(Number(seconds ?? 0) * 1000 + Number(nanos ?? 0) / 1e6);
	}
	return undefined;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function triggerText(trigger: unknown): string | undefined {
	if (!trigger || typeof trigger !== 'object') return undefined;
	const values = Object.values(trigger as IDataObject);
	return values.length ? String(values[0]) : undefined;
}

interface FieldPathElement {
	fieldName?: string;
	index?: number;
}

const OPERATION_FIELDS = new Set(['operations', 'mutate_operations', 'mutateOperations']);

function fieldPathOf(elements: FieldPathElement[]): { fieldPath?: string; operationIndex?: number } {
	if (!elements.length) return {};
	const fieldPath = elements
		.map((e) => `${e.fieldName ?? ''}${e.index !== undefined && e.index !== null ? `[${e.index}]` : ''}`)
		.join('.');
	const op = elements.find((e) => OPERATION_FIELDS.has(e.fieldName ?? '') && e.index !== undefined);
	return { fieldPath, operationIndex: op?.index !== undefined ? Number(op.index) : undefined };
}

function policyOf(details: IDataObject | undefined): GoogleAdsPolicyInfo | undefined {
	if (!details) return undefined;
	const violation = details.policyViolationDetails as IDataObject | undefined;
	const finding = details.policyFindingDetails as IDataObject | undefined;
	if (!violation && !finding) return undefined;
	const policy: GoogleAdsPolicyInfo = {};
	if (violation) {
		policy.isExemptible = violation.isExemptible === true;
		if (violation.key) policy.exemptPolicyViolationKey = violation.key as GoogleAdsPolicyInfo['exemptPolicyViolationKey'];
		if (violation.externalPolicyName) policy.externalPolicyName = String(violation.externalPolicyName);
		if (violation.externalPolicyDescription) policy.externalPolicyDescription = String(violation.externalPolicyDescription);
	}
	if (finding) {
		const entries = (finding.policyTopicEntries as IDataObject[] | undefined) ?? [];
		policy.policyTopics = entries.map((entry) => String(entry.topic ?? '')).filter(Boolean);
	}
	return policy;
}

function parseOneError(raw: IDataObject, requestId?: string, fallbackRetryMs?: number): GoogleAdsErrorDetail {
	const errorCode = (raw.errorCode as IDataObject | undefined) ?? {};
	const [errorType, errorValue] = Object.entries(errorCode)[0] ?? ['unknownError', 'UNKNOWN'];
	const location = raw.location as { fieldPathElements?: FieldPathElement[] } | undefined;
	const details = raw.details as IDataObject | undefined;
	const quota = details?.quotaErrorDetails as IDataObject | undefined;
	const detail: GoogleAdsErrorDetail = {
		code: `${capitalize(errorType)}.${String(errorValue)}`,
		errorType,
		errorValue: String(errorValue),
		message: String(raw.message ?? ''),
		...fieldPathOf(location?.fieldPathElements ?? []),
	};
	const trigger = triggerText(raw.trigger);
	if (trigger !== undefined) detail.trigger = trigger;
	const retryDelayMs = parseDuration(quota?.retryDelay) ?? fallbackRetryMs;
	if (retryDelayMs !== undefined) detail.retryDelayMs = retryDelayMs;
	const policy = policyOf(details);
	if (policy) detail.policy = policy;
	if (requestId) detail.requestId = requestId;
	for (const key of Object.keys(detail) as Array<keyof GoogleAdsErrorDetail>) {
		if (detail[key] === undefined) delete detail[key];
	}
	return detail;
}

/** The `error` object of a Google error body, or a `partialFailureError` (same shape). */
function statusOf(body: unknown): IDataObject | undefined {
	if (Array.isArray(body)) return statusOf(body[0]); // searchStream wraps errors in an array
	if (!body || typeof body !== 'object') return undefined;
	const obj = body as IDataObject;
	if (obj.error && typeof obj.error === 'object') return obj.error as IDataObject;
	if (Array.isArray(obj.details)) return obj;
	return undefined;
}

/**
 * Flattens a Google error body (`{error:{details:[GoogleAdsFailure]}}`, a
 * searchStream array of those, or a `partialFailureError`) into details.
 * Returns [] when the body carries no GoogleAdsFailure.
 */
export function parseGoogleAdsFailure(body: unknown): GoogleAdsErrorDetail[] {
	const status = statusOf(body);
	if (!status) return [];
	const details = (status.details as IDataObject[] | undefined) ?? [];
	// RetryInfo may sit beside the failure instead of inside each error.
	const retryInfo = details.find((d) => String(d['@type'] ?? '').endsWith('google.rpc.RetryInfo'));
	const fallbackRetryMs = parseDuration(retryInfo?.retryDelay);
	const out: GoogleAdsErrorDetail[] = [];
	for (const detail of details) {
		if (!Array.isArray(detail.errors)) continue;
		const requestId = detail.requestId ? String(detail.requestId) : undefined;
		for (const raw of detail.errors as IDataObject[]) out.push(parseOneError(raw, requestId, fallbackRetryMs));
	}
	return out;
}

/** The top-level status/message of a Google error body, for errors without a failure. */
export function statusSummary(body: unknown): { status?: string; message?: string } {
	const status = statusOf(body);
	if (!status) return {};
	return {
		status: status.status ? String(status.status) : undefined,
		message: status.message ? String(status.message) : undefined,
	};
}

/** One line per error: code, message, trigger and field path. */
export function describeErrors(details: GoogleAdsErrorDetail[]): string {
	return details
		.map((d) => {
			const parts = [`${d.code}: ${d.message}`];
			if (d.trigger !== undefined) parts.push(`trigger "${d.trigger}"`);
			if (d.fieldPath) parts.push(`at ${d.fieldPath}`);
			if (d.policy?.exemptPolicyViolationKey) parts.push(`exemptible=${d.policy.isExemptible === true}`);
			if (d.policy?.policyTopics?.length) parts.push(`policy topics ${d.policy.policyTopics.join(', ')}`);
			return parts.join(' — ');
		})
		.join('\n');
}
