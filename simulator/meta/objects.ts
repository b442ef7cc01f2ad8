/** Reads of ad objects: `GET /{id}` and the list edges with fields, filtering and cursor paging. */
import type { SimResponse } from '../types';
import type { MetaCall } from './call';
import { invalidParam } from './errors';
import { parseFields } from './fields';
import { objectPredicate, parseFiltering } from './filtering';
import { pageOf } from './paging';
import { jsonParam, listParam, str } from './params';
import type { MetaObject, MetaStore, ObjectType } from './store';
import { checkFields, viewObject } from './view';

/** Graph caps list pages; we accept up to 5000 like most ad-object edges. */
const MAX_LIST_LIMIT = 5000;

export function readLimit(call: MetaCall, fallback: number): number | SimResponse {
	const raw = str(call.params, 'limit');
	if (raw === undefined) return fallback;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit <= 0) return invalidParam('Param limit must be a positive integer');
	return Math.min(limit, MAX_LIST_LIMIT);
}

export function getObject(call: MetaCall, store: MetaStore, object: MetaObject): SimResponse {
	const specs = parseFields(str(call.params, 'fields'));
	return checkFields(object.type, specs) ?? { status: 200, body: viewObject(store, object, specs) };
}

/** Lists objects of `type` whose `scopeField` (account_id, campaign_id, adset_id) equals `scopeId`. */
export function listObjects(call: MetaCall, store: MetaStore, type: ObjectType, scopeField: string, scopeId: string, defaultLimit: number): SimResponse {
	const specs = parseFields(str(call.params, 'fields'));
	const invalidFields = checkFields(type, specs);
	if (invalidFields) return invalidFields;
	const limit = readLimit(call, defaultLimit);
	if (typeof limit !== 'number') return limit;
	let clauses;
	let statuses: string[] | undefined;
	try {
		clauses = parseFiltering(jsonParam(call.params, 'filtering'));
		statuses = listParam(call.params, 'effective_status');
	} catch {
		return invalidParam('Filtering param must be valid JSON');
	}
	if (typeof clauses === 'string') return invalidParam(clauses);
	const predicate = objectPredicate(store, clauses, statuses);
	const objects = store.list(type, (o) => String(o.data[scopeField]) === scopeId && predicate(o));
	const views = objects.map((o) => viewObject(store, o, specs));
	const page = pageOf(views, { limit, after: str(call.params, 'after'), before: str(call.params, 'before') }, call.selfUrl);
	if (!page) return invalidParam('Invalid cursor', { subcode: 1487394 });
	const body = call.params.values.summary !== undefined ? { ...page, summary: { total_count: objects.length } } : page;
	return { status: 200, body };
}
