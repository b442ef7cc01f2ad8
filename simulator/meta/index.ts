/** The Meta Graph (Marketing API) emulation, mounted at `/meta`. */
import type { DatasetSettings, FaultKind, SimApi, SimContext, SimRequest, SimResponse } from '../types';
import { DEFAULT_META_KNOBS, type MetaKnobs } from './knobs';
import { callerOf, checkAuth, requestToken } from './auth';
import { runBatch } from './batch';
import type { MetaCall } from './call';
import { FAULT_ERRORS, invalidParam, metaError, metaErrorBody, unknownPath } from './errors';
import { PIXEL_PNG } from './images';
import { InsightsEndpoints } from './insights/handler';
import { parseParams, type MetaParams } from './params';
import { callAccountId, routeCall, type MetaServices } from './router';
import { MetaStore } from './store';
import { UsageTracker } from './usage';
import { VideoUploads } from './videos';
import { WebhookState } from './webhooks';

/** Versions older than this answer (#2635) "deprecated version". */
const OLDEST_VERSION = 23;

export function createMetaApi(dataset: DatasetSettings, knobs: MetaKnobs = { ...DEFAULT_META_KNOBS }): SimApi {
	const store = new MetaStore(dataset);
	const usage = new UsageTracker(knobs);
	const services: MetaServices = { store, knobs, insights: new InsightsEndpoints(store, knobs), videos: new VideoUploads(store, knobs), webhooks: new WebhookState() };

	const usageHeaders = (ctx: SimContext, segments: string[]) => {
		const accountId = callAccountId(services, segments);
		const account = accountId ? store.account(accountId) : undefined;
		const kind = segments.includes('insights') ? 'ads_insights' : 'ads_management';
		return usage.headers(ctx, account ? { id: account.id, businessId: account.businessId } : undefined, kind);
	};

	const renderFault = (fault: FaultKind, ctx: SimContext): SimResponse | undefined => {
		let response: SimResponse | undefined;
		if (fault.kind === 'metaCode') {
			const spec = FAULT_ERRORS[fault.code];
			const throttle = ctx.faults.throttle;
			const regain = throttle && ctx.now() < throttle.untilMs ? throttle.regainMinutes : undefined;
			response = metaError(regain !== undefined ? { ...spec, userTitle: 'Too many calls', userMsg: `Usage is at its limit; access is restored in about ${regain} minutes.` } : spec);
		} else if (fault.kind === 'http5xx') {
			response = fault.status === 500
				? { status: 500, body: metaErrorBody({ message: 'An unexpected error has occurred. Please retry your request later.', code: 2, transient: true }) }
				: { status: fault.status, body: fault.status === 502 ? 'Bad Gateway' : 'Service Unavailable', headers: { 'content-type': 'text/html' } };
		}
		if (!response) return undefined;
		return { ...response, headers: { ...usage.headers(ctx), ...(response.headers ?? {}) } };
	};

	const run = (call: MetaCall): SimResponse => {
		const response = routeCall(call, services);
		return { ...response, headers: { ...usageHeaders(call.ctx, call.segments), ...(response.headers ?? {}) } };
	};

	return {
		prefix: '/meta',
		async handle(req: SimRequest, ctx: SimContext): Promise<SimResponse | undefined> {
			const segments = req.path.split('/').filter((s) => s !== '');
			if (segments[0] === '_media') return { status: 200, body: PIXEL_PNG, headers: { 'content-type': 'image/png' } };
			let version = '';
			if (segments[0] && /^v\d+(\.\d+)?$/.test(segments[0])) version = segments.shift()!;
			if (version && Number(version.slice(1)) < OLDEST_VERSION) {
				return metaError({ message: `(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version: v25.0.`, code: 2635 });
			}
			let params: MetaParams;
			try {
				params = parseParams(req.query, req.headers, req.body);
			} catch {
				return invalidParam('The request body could not be parsed');
			}
			const denied = checkAuth(req.headers, params);
			if (denied) return { ...denied, headers: { ...usage.headers(ctx), ...(denied.headers ?? {}) } };
			usage.record(ctx.now(), callAccountId(services, segments));
			const host = String(req.headers.host ?? '127.0.0.1');
			const query = req.query.toString();
			const method = String(params.values.method ?? req.method).toUpperCase();
			const call: MetaCall = { method, segments, version: version || 'v25.0', params, selfUrl: new URL(`http://${host}/meta${req.path}${query ? `?${query}` : ''}`), ctx, caller: callerOf(requestToken(req.headers, params)) };
			if (segments.length === 0) {
				if (method !== 'POST') return unknownPath('/');
				return { ...runBatch(call, { run, renderFault }, knobs.maxBatchSize), headers: usage.headers(ctx) };
			}
			return run(call);
		},
		renderFault,
		notFound: (req) => unknownPath(req.path),
		reset() {
			store.reset();
			usage.reset();
			services.insights.reset();
			services.videos.reset();
			services.webhooks.reset();
		},
	};
}
