/**
 * `POST /` with `batch=[{method, relative_url, body, name}]`: runs each
 * sub-request through the same router and answers `[{code, headers, body}]`
 * with string bodies. Injected faults may hit individual sub-requests.
 */
import type { FaultKind, SimContext, SimResponse } from '../types';
import { requestLabel } from '../core/labels';
import type { MetaCall } from './call';
import { invalidParam, metaErrorBody } from './errors';
import { jsonParam } from './params';

interface BatchItem {
	method?: string;
	relative_url?: string;
	body?: string;
	name?: string;
}

export interface BatchDeps {
	/** Runs a sub-call, returning the answer and headers it would carry on its own. */
	run(sub: MetaCall): SimResponse;
	renderFault(fault: FaultKind, ctx: SimContext): SimResponse | undefined;
}

function drawSubFault(ctx: SimContext): FaultKind | undefined {
	const { errorRate, kinds } = ctx.faults;
	if (errorRate <= 0 || ctx.random() >= errorRate) return undefined;
	return kinds.length === 0 ? { kind: 'http5xx', status: 500 } : kinds[Math.floor(ctx.random() * kinds.length) % kinds.length];
}

export function runBatch(call: MetaCall, deps: BatchDeps, maxSize: number): SimResponse {
	let items: unknown;
	try {
		items = jsonParam(call.params, 'batch');
	} catch {
		return invalidParam('Param batch must be a valid JSON array');
	}
	if (!Array.isArray(items) || items.length === 0) return invalidParam('The parameter batch is required');
	if (items.length > maxSize) return invalidParam(`Too many requests in batch message. Maximum batch size is ${maxSize}`);
	const answers = (items as BatchItem[]).map((item) => {
		const method = String(item.method ?? 'GET').toUpperCase();
		if (typeof item.relative_url !== 'string') {
			return { code: 400, headers: [], body: JSON.stringify(metaErrorBody({ message: '(#100) Missing relative_url', code: 100 })) };
		}
		const url = new URL(item.relative_url.replace(/^\/+/, ''), `${call.selfUrl.origin}/meta/`);
		const segments = url.pathname.replace(/^\/meta\/?/, '').split('/').filter((s) => s !== '');
		if (segments[0] && /^v\d+(\.\d+)?$/.test(segments[0])) segments.shift();
		call.ctx.count(requestLabel('meta batch', method, `/${segments.join('/')}`));
		// Sub-requests inherit only the caller's credentials, not the batch's own parameters.
		const values: Record<string, unknown> = {};
		for (const key of ['access_token', 'appsecret_proof']) if (call.params.values[key] !== undefined) values[key] = call.params.values[key];
		for (const [key, value] of url.searchParams) values[key] = value;
		if (typeof item.body === 'string') for (const [key, value] of new URLSearchParams(item.body)) values[key] = value;
		const fault = drawSubFault(call.ctx);
		const response = fault
			? deps.renderFault(fault, call.ctx) ?? { status: 500, body: 'Internal Server Error' }
			: deps.run({ ...call, method, segments, params: { values, files: [] }, selfUrl: new URL(`${call.selfUrl.origin}/meta/${call.version}/${segments.join('/')}${url.search}`) });
		const headers = Object.entries({ 'content-type': 'text/javascript; charset=UTF-8', ...(response.headers ?? {}) }).map(([name, value]) => ({ name, value }));
		return { code: response.status, headers, body: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null) };
	});
	return { status: 200, body: answers };
}
