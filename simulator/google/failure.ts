/** Google Ads error bodies in the REST wire shape (google.rpc.Status + GoogleAdsFailure). */
import type { SimResponse } from '../types';

export interface FieldPathElement {
	fieldName: string;
	index?: number;
}

export interface SimGoogleError {
	errorCode: Record<string, string>;
	message: string;
	trigger?: { stringValue: string };
	location?: { fieldPathElements: FieldPathElement[] };
	details?: Record<string, unknown>;
}

let requestCounter = 0;
export function nextRequestId(): string {
	requestCounter++;
	return `sim-req-${requestCounter.toString(36)}`;
}

export function googleError(
	kind: string,
	code: string,
	message: string,
	extra: { trigger?: string; path?: FieldPathElement[]; details?: Record<string, unknown> } = {},
): SimGoogleError {
	const error: SimGoogleError = { errorCode: { [kind]: code }, message };
	if (extra.trigger !== undefined) error.trigger = { stringValue: extra.trigger };
	if (extra.path?.length) error.location = { fieldPathElements: extra.path };
	if (extra.details) error.details = extra.details;
	return error;
}

export function failureDetail(errors: SimGoogleError[], version = 'v26') {
	return {
		'@type': `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`,
		errors,
		requestId: nextRequestId(),
	};
}

const STATUS_BY_HTTP: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	503: 'UNAVAILABLE',
};

/** A full error answer carrying a GoogleAdsFailure. */
export function failureResponse(httpStatus: number, errors: SimGoogleError[], message?: string): SimResponse {
	return {
		status: httpStatus,
		body: {
			error: {
				code: httpStatus,
				message: message ?? 'Request contains an invalid argument.',
				status: STATUS_BY_HTTP[httpStatus] ?? 'UNKNOWN',
				details: [failureDetail(errors)],
			},
		},
	};
}

/** A bare google.rpc.Status (no failure), as the front ends send for auth and infrastructure errors. */
export function statusResponse(httpStatus: number, message: string): SimResponse {
	return { status: httpStatus, body: { error: { code: httpStatus, message, status: STATUS_BY_HTTP[httpStatus] ?? 'UNKNOWN' } } };
}

/** Thrown inside handlers; turned into a failure answer at the top. */
export class SimFailure extends Error {
	constructor(
		readonly httpStatus: number,
		readonly errors: SimGoogleError[],
	) {
		super(errors[0]?.message ?? 'failure');
	}
}

export function quotaError(retrySeconds: number): SimResponse {
	return failureResponse(
		429,
		[
			googleError('quotaError', 'RESOURCE_EXHAUSTED', `Too many requests. Retry in ${retrySeconds} seconds.`, {
				details: {
					quotaErrorDetails: {
						rateScope: 'DEVELOPER',
						rateName: 'Number of operations for basic access',
						retryDelay: `${retrySeconds}s`,
					},
				},
			}),
		],
		'Resource has been exhausted (e.g. check quota).',
	);
}
