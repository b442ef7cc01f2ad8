import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { graphRequest, type TransportOptions } from '../../transport';
import type { MultipartBody } from '../../uploads/multipart';

export interface MultipartResult<T> {
	body?: T;
	error?: unknown;
	/** Meta's `error.error_data` of the last failed answer (offsets after a mismatch). */
	errorData?: unknown;
}

function errorDataOf(body: unknown): unknown {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	const error = (parsed as { error?: { error_data?: unknown } } | null)?.error;
	const data = error?.error_data;
	if (typeof data !== 'string') return data;
	try {
		return JSON.parse(data);
	} catch {
		return data;
	}
}

/**
 * POSTs a multipart body through the Meta transport, so retries, throttling,
 * error mapping and auth stay in one place. The transport has no way yet to
 * set a request header or to hand back `error_data`, so for this call the
 * context's authenticated helper is wrapped: it adds our Content-Type (with
 * the boundary) and remembers the last error answer's `error_data`. Drop the
 * wrapper once GraphRequest has `headers` and GraphErrorInfo has `errorData`.
 */
export async function postMultipart<T>(
	ctx: IExecuteFunctions,
	path: string,
	multipart: MultipartBody,
	itemIndex: number,
	options?: TransportOptions,
): Promise<MultipartResult<T>> {
	let errorData: unknown;
	const original = ctx.helpers.httpRequestWithAuthentication;
	const helpers = Object.create(ctx.helpers) as IExecuteFunctions['helpers'];
	helpers.httpRequestWithAuthentication = async function (credentialType: string, request: IHttpRequestOptions, ...rest: unknown[]) {
		const withType = { ...request, headers: { ...(request.headers ?? {}), 'Content-Type': multipart.contentType } };
		const response = (await (original as (...args: unknown[]) => Promise<unknown>).call(ctx, credentialType, withType, ...rest)) as {
			statusCode?: number;
			body?: unknown;
		};
		errorData = Number(response?.statusCode) >= 400 ? errorDataOf(response?.body) : undefined;
		return response;
	};
	const tapped = new Proxy(ctx, {
		get(target, property) {
			if (property === 'helpers') return helpers;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	try {
		const body = await graphRequest<T>(tapped, { method: 'POST', path, body: multipart.body, itemIndex, options });
		return { body };
	} catch (error) {
		return { error, errorData };
	}
}
