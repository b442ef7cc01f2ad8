/** Graph API error bodies, in Meta's wire format. */
import { randomBytes } from 'crypto';
import type { SimResponse } from '../types';

export interface MetaErrorSpec {
	message: string;
	code: number;
	status?: number;
	type?: string;
	subcode?: number;
	transient?: boolean;
	userTitle?: string;
	userMsg?: string;
	data?: Record<string, unknown>;
}

/** The `{error:{…}}` object, for HTTP answers and batch sub-responses alike. */
export function metaErrorBody(spec: MetaErrorSpec): { error: Record<string, unknown> } {
	const error: Record<string, unknown> = {
		message: spec.message,
		type: spec.type ?? 'OAuthException',
		code: spec.code,
	};
	if (spec.subcode !== undefined) error.error_subcode = spec.subcode;
	error.is_transient = spec.transient ?? false;
	if (spec.userTitle !== undefined) error.error_user_title = spec.userTitle;
	if (spec.userMsg !== undefined) error.error_user_msg = spec.userMsg;
	if (spec.data !== undefined) error.error_data = spec.data;
	error.fbtrace_id = randomBytes(9).toString('base64url');
	return { error };
}

export function metaError(spec: MetaErrorSpec): SimResponse {
	return { status: spec.status ?? 400, body: metaErrorBody(spec) };
}

/** `(#100) …`: the catch-all invalid-parameter error. */
export function invalidParam(message: string, extra: Partial<MetaErrorSpec> = {}): SimResponse {
	return metaError({ message: `(#100) ${message}`, code: 100, ...extra });
}

export function unsupportedGet(id: string): SimResponse {
	return metaError({
		message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		type: 'GraphMethodException',
		code: 100,
		subcode: 33,
	});
}

export function unknownPath(path: string): SimResponse {
	return metaError({ message: `Unknown path components: ${path}`, code: 2500, status: 400 });
}

/** Messages for the codes the fault injector may draw. */
export const FAULT_ERRORS: Record<number, MetaErrorSpec> = {
	1: { message: 'An unknown error occurred', code: 1, status: 500, transient: true, subcode: 99 },
	2: { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, status: 500, transient: true },
	4: { message: '(#4) Application request limit reached', code: 4, subcode: 1504022, transient: true },
	17: { message: '(#17) User request limit reached', code: 17, subcode: 2446079, transient: true },
	32: { message: '(#32) Page request limit reached', code: 32, transient: true },
	613: { message: '(#613) Calls to this api have exceeded the rate limit.', code: 613, subcode: 1487742, transient: true },
	80004: {
		message: '(#80004) There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.',
		code: 80004,
		subcode: 2446079,
		transient: true,
	},
};
