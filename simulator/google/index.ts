/**
 * Google Ads REST emulation, mounted at /google: the OAuth token endpoint,
 * listAccessibleCustomers, googleAds:search / :searchStream over a small GAQL
 * engine, mutations and recommendations, with Google's error shapes.
 */
import type { DatasetSettings, FaultKind, SimApi, SimContext, SimRequest, SimResponse } from '../types';
import {
	SIM_GOOGLE_ACCESS_TOKEN_PREFIX,
	SIM_GOOGLE_CLIENT_ID,
	SIM_GOOGLE_CLIENT_SECRET,
	SIM_GOOGLE_DEVELOPER_TOKEN,
	SIM_GOOGLE_REFRESH_TOKEN,
} from '../credentials';
import { failureResponse, googleError, nextRequestId, quotaError, SimFailure, statusResponse } from './failure';
import { parseGaql } from './gaql';
import { MetricSource } from './metrics';
import { changeEventRows, isChangeEventQuery } from './changeEvents';
import { MIXED_KEYS, MUTATE_COLLECTIONS, partialFailureError, runMutate, type AppliedChange, type MutateItem } from './mutate';
import { runQuery } from './query';
import { MANAGER_ID, seedStore, type GoogleStore } from './store';

export { MANAGER_ID } from './store';

/** Google's fixed page size for googleAds:search. */
export const SEARCH_PAGE_SIZE = 10_000;

function parseJson(body: Buffer): Record<string, unknown> {
	if (!body.length) return {};
	try {
		return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
	} catch {
		throw new SimFailure(400, [googleError('requestError', 'BAD_REQUEST_BODY', 'Invalid JSON payload received.')]);
	}
}

function header(req: SimRequest, name: string): string {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : (value ?? '');
}

export function createGoogleApi(dataset: DatasetSettings): SimApi {
	let store: GoogleStore = seedStore(dataset);
	let metrics = new MetricSource(dataset.seed, store.firstDay, store.lastDay);
	const issued = new Set<string>();
	let tokenCounter = 0;
	/** Cached full answers for follow-up pages: pageToken → rows. */
	const pages = new Map<string, { rows: unknown[]; fieldMask: string }>();

	function token(req: SimRequest): SimResponse {
		const text = req.body.toString('utf8');
		const form = header(req, 'content-type').includes('json')
			? new URLSearchParams(Object.entries(parseJson(req.body)).map(([k, v]): [string, string] => [k, String(v)]))
			: new URLSearchParams(text);
		const ok =
			form.get('grant_type') === 'refresh_token' &&
			form.get('client_id') === SIM_GOOGLE_CLIENT_ID &&
			form.get('client_secret') === SIM_GOOGLE_CLIENT_SECRET &&
			form.get('refresh_token') === SIM_GOOGLE_REFRESH_TOKEN;
		if (!ok) return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
		const accessToken = `${SIM_GOOGLE_ACCESS_TOKEN_PREFIX}${++tokenCounter}`;
		issued.add(accessToken);
		return {
			status: 200,
			body: { access_token: accessToken, expires_in: 3599, scope: 'https://www.googleapis.com/auth/adwords', token_type: 'Bearer' },
		};
	}

	/** Auth and developer token checks every API call goes through; undefined when fine. */
	function gate(req: SimRequest): SimResponse | undefined {
		const auth = header(req, 'authorization');
		const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
		if (!bearer || !issued.has(bearer)) {
			return statusResponse(401, 'Request is missing required authentication credential. Expected OAuth 2 access token.');
		}
		if (header(req, 'developer-token') !== SIM_GOOGLE_DEVELOPER_TOKEN) {
			const code = header(req, 'developer-token') ? 'DEVELOPER_TOKEN_NOT_APPROVED' : 'DEVELOPER_TOKEN_PARAMETER_MISSING';
			const kind = code === 'DEVELOPER_TOKEN_NOT_APPROVED' ? 'authorizationError' : 'authenticationError';
			return failureResponse(code === 'DEVELOPER_TOKEN_NOT_APPROVED' ? 403 : 401, [
				googleError(kind, code, code === 'DEVELOPER_TOKEN_NOT_APPROVED'
					? 'The developer token is not approved.'
					: 'Developer token parameter is missing.'),
			], 'The caller does not have permission');
		}
		return undefined;
	}

	/** Checks the customer exists and the caller may reach it (directly, or through login-customer-id). */
	function checkCustomer(req: SimRequest, cid: string): void {
		const login = header(req, 'login-customer-id');
		if (login && !/^\d{10}$/.test(login)) {
			throw new SimFailure(400, [googleError('requestError', 'INVALID_CUSTOMER_ID', `Invalid login-customer-id '${login}': use 10 digits without dashes.`, { trigger: login })]);
		}
		if (login && login !== MANAGER_ID && login !== cid) {
			throw new SimFailure(403, [googleError('authorizationError', 'USER_PERMISSION_DENIED', "User doesn't have permission to access customer.", { trigger: login })]);
		}
		if (!store.customers.has(`customers/${cid}`)) {
			throw new SimFailure(403, [googleError('authorizationError', 'USER_PERMISSION_DENIED', "User doesn't have permission to access customer.", { trigger: cid })]);
		}
		// The sim user is a user of the manager only: clients need the manager as login customer.
		if (cid !== MANAGER_ID && login !== MANAGER_ID) {
			throw new SimFailure(403, [googleError('authorizationError', 'USER_PERMISSION_DENIED',
				"User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header.", { trigger: cid })]);
		}
	}

	/** The context of the call being served (single-threaded: one at a time). */
	let current: SimContext | undefined;

	function query(cid: string, text: unknown) {
		if (isChangeEventQuery(text) && current) {
			const timeZone = store.customers.get(`customers/${cid}`)?.timeZone;
			return changeEventRows(current.changes, cid, text as string, current.now(), typeof timeZone === 'string' ? timeZone : 'UTC');
		}
		if (typeof text !== 'string') throw new SimFailure(400, [googleError('queryError', 'UNEXPECTED_END_OF_QUERY', 'The query is missing.')]);
		return runQuery(store, metrics, dataset.today, cid, parseGaql(text));
	}

	function search(cid: string, body: Record<string, unknown>): SimResponse {
		if (body.pageSize !== undefined) {
			throw new SimFailure(400, [googleError('requestError', 'PAGE_SIZE_NOT_SUPPORTED', 'Setting the page size is not supported. Search Responses will have fixed page size of 10000 rows.')]);
		}
		let answer: { rows: unknown[]; fieldMask: string };
		let offset = 0;
		let cacheKey = '';
		if (typeof body.pageToken === 'string' && body.pageToken) {
			const [key, at] = body.pageToken.split(':');
			const cached = pages.get(key);
			if (!cached || !/^\d+$/.test(at ?? '')) {
				throw new SimFailure(400, [googleError('requestError', 'INVALID_PAGE_TOKEN', 'Page token is invalid.', { trigger: body.pageToken })]);
			}
			answer = cached;
			offset = Number(at);
			cacheKey = key;
		} else {
			answer = query(cid, body.query);
			if (answer.rows.length > SEARCH_PAGE_SIZE) {
				cacheKey = nextRequestId();
				pages.set(cacheKey, answer);
				if (pages.size > 8) pages.delete(pages.keys().next().value!);
			}
		}
		const results = answer.rows.slice(offset, offset + SEARCH_PAGE_SIZE);
		const out: Record<string, unknown> = { results, fieldMask: answer.fieldMask, requestId: nextRequestId() };
		if (offset + SEARCH_PAGE_SIZE < answer.rows.length) out.nextPageToken = `${cacheKey}:${offset + SEARCH_PAGE_SIZE}`;
		if (body.returnTotalResultsCount === true) out.totalResultsCount = String(answer.rows.length);
		if (!results.length) delete out.results;
		return { status: 200, body: out };
	}

	function searchStream(cid: string, body: Record<string, unknown>): SimResponse {
		const answer = query(cid, body.query);
		const chunks: string[] = [];
		const requestId = nextRequestId();
		for (let i = 0; i < answer.rows.length || i === 0; i += SEARCH_PAGE_SIZE) {
			const results = answer.rows.slice(i, i + SEARCH_PAGE_SIZE);
			chunks.push(JSON.stringify(results.length ? { results, fieldMask: answer.fieldMask, requestId } : { fieldMask: answer.fieldMask, requestId }));
		}
		// Sent as text, the way Google streams a JSON array.
		return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: `[${chunks.join(',\r\n')}]` };
	}

	function mutate(cid: string, resource: string, body: Record<string, unknown>): SimResponse {
		const mixed = resource === 'googleAds';
		const list = (mixed ? body.mutateOperations : body.operations) as Array<Record<string, unknown>> | undefined;
		if (!Array.isArray(list) || list.length === 0) {
			throw new SimFailure(400, [googleError('mutateError', 'OPERATION_REQUIRED', 'At least one operation is required.')]);
		}
		const items: MutateItem[] = list.map((entry, index) => {
			if (!mixed) return { collection: resource, op: entry, prefix: [{ fieldName: 'operations', index }] };
			const [key, op] = Object.entries(entry)[0] ?? ['', {}];
			const collection = MIXED_KEYS[key] ?? key;
			const snake = MUTATE_COLLECTIONS[collection]?.snakeOp ?? key;
			return { collection, op: op as Record<string, unknown>, prefix: [{ fieldName: 'mutate_operations', index }, { fieldName: snake }] };
		});
		const run = runMutate(store, cid, items, { partialFailure: body.partialFailure === true, validateOnly: body.validateOnly === true });
		recordChanges(cid, run.changes);
		const out: Record<string, unknown> = {};
		if (body.validateOnly !== true) {
			if (mixed) {
				out.mutateOperationResponses = run.results.map((r, i) => (r ? { [MUTATE_COLLECTIONS[items[i].collection].resultKey]: r } : {}));
			} else {
				out.results = run.results.map((r) => r ?? {});
			}
		}
		if (run.errors.length) out.partialFailureError = partialFailureError(run.errors);
		return { status: 200, body: out };
	}

	function recordChanges(cid: string, changes: AppliedChange[]): void {
		for (const change of changes) {
			if (Object.keys(change.fields).length === 0) continue;
			const entity = store[MUTATE_COLLECTIONS[change.collection].collection].get(change.resourceName);
			const campaign = change.collection === 'campaigns' ? change.resourceName : (entity?.campaign as string | undefined);
			current?.changes.record({
				api: 'google', accountId: cid, entity: change.resourceName, objectType: change.collection,
				operation: change.operation, fields: change.fields, ...(campaign ? { campaign } : {}),
			});
		}
	}

	function recommendations(cid: string, action: 'apply' | 'dismiss', body: Record<string, unknown>): SimResponse {
		const ops = (body.operations as Array<Record<string, unknown>> | undefined) ?? [];
		const errors = [];
		const results: Array<Record<string, unknown>> = [];
		for (const [index, op] of ops.entries()) {
			const rn = String(op.resourceName ?? '');
			const rec = store.recommendations.get(rn);
			if (!rec || rec.dismissed === true || !rn.startsWith(`customers/${cid}/`)) {
				errors.push(googleError('recommendationError', 'RECOMMENDATION_NOT_FOUND', 'The recommendation was not found or is no longer active.', {
					trigger: rn,
					path: [{ fieldName: 'operations', index }, { fieldName: 'resource_name' }],
				}));
				results.push({});
				continue;
			}
			if (action === 'apply' && rec.type === 'CAMPAIGN_BUDGET') {
				const budget = store.campaignBudgets.get(String(rec.campaignBudget));
				const requested = (op.campaignBudget as { newBudgetAmountMicros?: string | number } | undefined)?.newBudgetAmountMicros;
				if (budget) budget.amountMicros = String(requested ?? Math.round((Number(budget.amountMicros) * 1.2) / 10_000) * 10_000);
			}
			rec.dismissed = true; // applied or dismissed, it leaves the list
			results.push({ resourceName: rn });
		}
		if (errors.length && body.partialFailure !== true) throw new SimFailure(400, errors);
		const out: Record<string, unknown> = { results };
		if (errors.length) out.partialFailureError = partialFailureError(errors);
		return { status: 200, body: out };
	}

	async function route(req: SimRequest, ctx: SimContext): Promise<SimResponse | undefined> {
		if (req.method === 'POST' && req.path === '/oauth/token') {
			return token(req);
		}
		const m = /^\/(v\d+(?:\.\d+)?)\/(.+)$/.exec(req.path);
		if (!m) return undefined;
		const rest = m[2];
		if (req.method === 'GET' && rest === 'customers:listAccessibleCustomers') {
			return gate(req) ?? { status: 200, body: { resourceNames: [`customers/${MANAGER_ID}`] } };
		}
		const c = /^customers\/([^/]+)\/([A-Za-z]+):([A-Za-z]+)$/.exec(rest);
		if (!c || req.method !== 'POST') return undefined;
		const [, cid, resource, verb] = c;
		const denied = gate(req);
		if (denied) return denied;
		if (ctx.faults.throttle && ctx.now() < ctx.faults.throttle.untilMs) {
			return quotaError(Math.max(1, Math.ceil((ctx.faults.throttle.untilMs - ctx.now()) / 1000)));
		}
		if (!/^\d{10}$/.test(cid)) {
			throw new SimFailure(400, [googleError('requestError', 'INVALID_CUSTOMER_ID', `Invalid customer ID '${cid}'.`, { trigger: cid })]);
		}
		checkCustomer(req, cid);
		const body = parseJson(req.body);
		if (resource === 'googleAds' && verb === 'search') return search(cid, body);
		if (resource === 'googleAds' && verb === 'searchStream') return searchStream(cid, body);
		if (verb === 'mutate' && (resource === 'googleAds' || MUTATE_COLLECTIONS[resource])) return mutate(cid, resource, body);
		if (resource === 'recommendations' && (verb === 'apply' || verb === 'dismiss')) return recommendations(cid, verb, body);
		return undefined;
	}

	return {
		prefix: '/google',
		async handle(req, ctx) {
			try {
				current = ctx;
				return await route(req, ctx);
			} catch (error) {
				if (error instanceof SimFailure) return failureResponse(error.httpStatus, error.errors);
				throw error;
			}
		},
		renderFault(fault: FaultKind): SimResponse | undefined {
			if (fault.kind === 'googleStatus' && fault.status === 'RESOURCE_EXHAUSTED') return quotaError(2);
			if (fault.kind === 'googleStatus' && fault.status === 'TRANSIENT_ERROR') {
				return failureResponse(503, [googleError('internalError', 'TRANSIENT_ERROR', 'The service is temporarily unavailable. Retry the request.')], 'The service is currently unavailable.');
			}
			if (fault.kind === 'http5xx') return statusResponse(fault.status, fault.status === 500 ? 'Internal error encountered.' : 'The service is currently unavailable.');
			return undefined;
		},
		notFound(req) {
			return statusResponse(404, `The requested URL ${req.path} was not found on this server.`);
		},
		reset() {
			store = seedStore(dataset);
			metrics = new MetricSource(dataset.seed, store.firstDay, store.lastDay);
			pages.clear();
		},
	};
}
