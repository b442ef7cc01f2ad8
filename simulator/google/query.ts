/** Runs a parsed GAQL query against the store, answering rows in Google's nested camelCase JSON. */
import { addDays, weekday } from '../dataset/dates';
import { googleError, SimFailure } from './failure';
import type { Condition, GaqlQuery, Literal } from './gaql';
import { dayList, googleMetrics, INT64_METRICS, type MetricSource } from './metrics';
import { ATTRIBUTED, camel, camelPath, METRIC_FIELDS, METRIC_RESOURCES, RESOURCE_FIELDS, SEGMENT_FIELDS } from './schema';
import { type Entity, type GoogleStore, MANAGER_ID } from './store';

type RowContext = { [resource: string]: Entity | string[] | undefined; metricKeys?: string[] };

function queryError(code: string, message: string, trigger: string): SimFailure {
	return new SimFailure(400, [googleError('queryError', code, message, { trigger })]);
}

/** Checks one field name against the FROM resource; returns its kind. */
function checkField(field: string, from: string, clause: string): 'metric' | 'segment' | 'attribute' {
	const dot = field.indexOf('.');
	const prefix = dot < 0 ? field : field.slice(0, dot);
	const rest = dot < 0 ? '' : field.slice(dot + 1);
	if (prefix === 'metrics' || prefix === 'segments') {
		const known = prefix === 'metrics' ? METRIC_FIELDS : SEGMENT_FIELDS;
		if (!known.includes(rest)) throw queryError('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${field}'.`, field);
		if (!METRIC_RESOURCES.has(from)) {
			throw queryError('PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE', `Error in ${clause} clause: '${field}' cannot be used with resource '${from}'.`, field);
		}
		return prefix === 'metrics' ? 'metric' : 'segment';
	}
	if (!RESOURCE_FIELDS[prefix]?.includes(rest)) {
		throw queryError('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${field}'.`, field);
	}
	if (!ATTRIBUTED[from].includes(prefix)) {
		throw queryError('PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE', `Error in ${clause} clause: '${field}' cannot be selected with FROM ${from}.`, field);
	}
	return 'attribute';
}

function monthStart(day: string): string {
	return `${day.slice(0, 8)}01`;
}

/** A DURING preset as [since, until], relative to the dataset's "today". */
export function presetRange(preset: string, today: string): [string, string] {
	const yesterday = addDays(today, -1);
	const last = /^LAST_(\d+)_DAYS$/.exec(preset);
	if (last) return [addDays(today, -Number(last[1])), yesterday];
	const mondayThisWeek = addDays(today, -((weekday(today) + 6) % 7));
	switch (preset) {
		case 'TODAY':
			return [today, today];
		case 'YESTERDAY':
			return [yesterday, yesterday];
		case 'THIS_MONTH':
			return [monthStart(today), today];
		case 'LAST_MONTH': {
			const end = addDays(monthStart(today), -1);
			return [monthStart(end), end];
		}
		case 'THIS_WEEK_MON_TODAY':
			return [mondayThisWeek, today];
		case 'LAST_WEEK_MON_SUN':
			return [addDays(mondayThisWeek, -7), addDays(mondayThisWeek, -1)];
		case 'THIS_WEEK_SUN_TODAY':
			return [addDays(today, -weekday(today)), today];
		case 'LAST_WEEK_SUN_SAT': {
			const sunday = addDays(today, -weekday(today));
			return [addDays(sunday, -7), addDays(sunday, -1)];
		}
		default:
			throw queryError('INVALID_VALUE_WITH_DURING_OPERATOR', `Error in WHERE clause: invalid date range '${preset}'.`, preset);
	}
}

function dateRangeOf(conditions: Condition[], today: string): [string, string] | undefined {
	let since: string | undefined;
	let until: string | undefined;
	const tighten = (s?: string, u?: string) => {
		if (s !== undefined && (since === undefined || s > since)) since = s;
		if (u !== undefined && (until === undefined || u < until)) until = u;
	};
	for (const c of conditions) {
		if (c.field !== 'segments.date') continue;
		const v = c.values.map(String);
		if (c.op === 'DURING') tighten(...presetRange(v[0], today));
		else if (c.op === 'BETWEEN') tighten(v[0], v[1]);
		else if (c.op === '=') tighten(v[0], v[0]);
		else if (c.op === '>=') tighten(v[0], undefined);
		else if (c.op === '>') tighten(addDays(v[0], 1), undefined);
		else if (c.op === '<=') tighten(undefined, v[0]);
		else if (c.op === '<') tighten(undefined, addDays(v[0], -1));
	}
	if (since === undefined && until === undefined) return undefined;
	if (since === undefined || until === undefined) {
		throw queryError('EXPECTED_FILTERS_ON_DATE_RANGE', 'Error in WHERE clause: segments.date needs a finite range.', 'segments.date');
	}
	return [since, until];
}

function likeToRegex(pattern: string): RegExp {
	const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(`^${escaped}$`);
}

function compare(a: unknown, b: Literal): number {
	const na = Number(a);
	const nb = Number(b);
	if (typeof a !== 'boolean' && a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function matches(value: unknown, c: Condition): boolean {
	const list = Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : v)) : undefined;
	switch (c.op) {
		case '=':
			return compare(value, c.values[0]) === 0;
		case '!=':
			return compare(value, c.values[0]) !== 0;
		case '>':
			return compare(value, c.values[0]) > 0;
		case '>=':
			return compare(value, c.values[0]) >= 0;
		case '<':
			return compare(value, c.values[0]) < 0;
		case '<=':
			return compare(value, c.values[0]) <= 0;
		case 'IN':
			return c.values.some((v) => compare(value, v) === 0);
		case 'NOT IN':
			return !c.values.some((v) => compare(value, v) === 0);
		case 'LIKE':
			return likeToRegex(String(c.values[0])).test(String(value ?? ''));
		case 'NOT LIKE':
			return !likeToRegex(String(c.values[0])).test(String(value ?? ''));
		case 'BETWEEN':
			return compare(value, c.values[0]) >= 0 && compare(value, c.values[1]) <= 0;
		case 'IS NULL':
			return value === undefined || value === null;
		case 'IS NOT NULL':
			return value !== undefined && value !== null;
		case 'CONTAINS ANY':
			return (list ?? []).some((v) => c.values.some((w) => compare(v, w) === 0));
		case 'CONTAINS ALL':
			return c.values.every((w) => (list ?? []).some((v) => compare(v, w) === 0));
		case 'CONTAINS NONE':
			return !(list ?? []).some((v) => c.values.some((w) => compare(v, w) === 0));
		case 'DURING':
			return true; // applied as the date range
	}
}

function readPath(entity: unknown, path: string[]): unknown {
	let value = entity;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function attributeValue(ctx: RowContext, field: string): unknown {
	const [resource, ...rest] = camelPath(field);
	return readPath(ctx[resource], rest);
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node = target;
	for (let i = 0; i < path.length - 1; i++) {
		const next = (node[path[i]] ??= {}) as Record<string, unknown>;
		node = next;
	}
	node[path[path.length - 1]] = value;
}

/** The row contexts for a FROM resource in one customer. */
function baseRows(store: GoogleStore, cid: string, from: string): RowContext[] {
	const customer = store.customers.get(`customers/${cid}`)!;
	const inCustomer = (map: Map<string, Entity>) => [...map.values()].filter((e) => e.resourceName.startsWith(`customers/${cid}/`));
	const campaignCtx = (campaignRn: string): RowContext => {
		const campaign = store.campaigns.get(campaignRn);
		return { customer, campaign, campaignBudget: campaign ? store.campaignBudgets.get(String(campaign.campaignBudget)) : undefined };
	};
	const adKey = (ad: Entity) => `ad:${(ad.ad as Entity).id}`;
	switch (from) {
		case 'customer':
			return [{ customer, metricKeys: inCustomer(store.adGroupAds).map(adKey) }];
		case 'customer_client': {
			const clients = cid === MANAGER_ID ? [...store.customers.values()] : [customer];
			return clients.map((client) => ({
				customer,
				customerClient: {
					resourceName: `customers/${cid}/customerClients/${client.id}`,
					clientCustomer: client.resourceName,
					level: client.id === cid ? '0' : '1',
					manager: client.manager,
					descriptiveName: client.descriptiveName,
					currencyCode: client.currencyCode,
					timeZone: client.timeZone,
					id: client.id,
					status: client.status,
					hidden: false,
					testAccount: client.testAccount,
				},
			}));
		}
		case 'campaign_budget':
			return inCustomer(store.campaignBudgets).map((campaignBudget) => ({ customer, campaignBudget }));
		case 'campaign': {
			const ads = inCustomer(store.adGroupAds);
			const adGroupCampaign = new Map(inCustomer(store.adGroups).map((g) => [g.resourceName, String(g.campaign)]));
			const byCampaign = new Map<string, string[]>();
			for (const ad of ads) {
				const campaignRn = adGroupCampaign.get(String(ad.adGroup)) ?? '';
				if (!byCampaign.has(campaignRn)) byCampaign.set(campaignRn, []);
				byCampaign.get(campaignRn)!.push(adKey(ad));
			}
			return inCustomer(store.campaigns).map((c) => ({ ...campaignCtx(c.resourceName), metricKeys: byCampaign.get(c.resourceName) ?? [] }));
		}
		case 'ad_group': {
			const byGroup = new Map<string, string[]>();
			for (const ad of inCustomer(store.adGroupAds)) {
				if (!byGroup.has(String(ad.adGroup))) byGroup.set(String(ad.adGroup), []);
				byGroup.get(String(ad.adGroup))!.push(adKey(ad));
			}
			return inCustomer(store.adGroups).map((adGroup) => ({
				...campaignCtx(String(adGroup.campaign)),
				adGroup,
				metricKeys: byGroup.get(adGroup.resourceName) ?? [],
			}));
		}
		case 'ad_group_ad': {
			const groups = new Map<string, RowContext>();
			return inCustomer(store.adGroupAds).map((adGroupAd) => {
				let parent = groups.get(String(adGroupAd.adGroup));
				if (!parent) {
					const adGroup = store.adGroups.get(String(adGroupAd.adGroup));
					parent = { ...campaignCtx(String(adGroup?.campaign)), adGroup };
					groups.set(String(adGroupAd.adGroup), parent);
				}
				return { ...parent, adGroupAd, metricKeys: [adKey(adGroupAd)] };
			});
		}
		case 'ad_group_criterion':
		case 'keyword_view':
			return inCustomer(store.adGroupCriteria)
				.filter((crit) => from === 'ad_group_criterion' || (crit.type === 'KEYWORD' && crit.negative !== true))
				.map((adGroupCriterion) => {
					const adGroup = store.adGroups.get(String(adGroupCriterion.adGroup));
					const [, , , tail] = adGroupCriterion.resourceName.split('/');
					return {
						...campaignCtx(String(adGroup?.campaign)),
						adGroup,
						adGroupCriterion,
						keywordView: { resourceName: `customers/${cid}/keywordViews/${tail}` },
						metricKeys: adGroupCriterion.negative === true ? [] : [`kw:${adGroupCriterion.criterionId}`],
					};
				});
		case 'campaign_criterion':
			return inCustomer(store.campaignCriteria).map((campaignCriterion) => ({
				...campaignCtx(String(campaignCriterion.campaign)),
				campaignCriterion,
			}));
		case 'recommendation':
			return inCustomer(store.recommendations)
				.filter((r) => r.dismissed !== true)
				.map((recommendation) => ({ ...campaignCtx(String(recommendation.campaign)), recommendation }));
		default:
			return [];
	}
}

export interface QueryAnswer {
	rows: Record<string, unknown>[];
	fieldMask: string;
}

/** Validates and runs a query for one customer. */
export function runQuery(store: GoogleStore, metrics: MetricSource, today: string, cid: string, query: GaqlQuery): QueryAnswer {
	const from = query.resource;
	if (!ATTRIBUTED[from]) {
		throw queryError('BAD_RESOURCE_TYPE_IN_FROM_CLAUSE', `Error in FROM clause: invalid resource name '${from}'.`, from);
	}
	const kinds = new Map<string, string>();
	for (const f of query.fields) kinds.set(f, checkField(f, from, 'SELECT'));
	for (const c of query.where) kinds.set(c.field, checkField(c.field, from, 'WHERE'));
	for (const o of query.orderBy) kinds.set(o.field, checkField(o.field, from, 'ORDER BY'));
	const usesMetrics = [...kinds.values()].some((k) => k === 'metric');
	const byDate = query.fields.includes('segments.date');
	const customer = store.customers.get(`customers/${cid}`)!;
	if ((usesMetrics || byDate) && customer.manager === true && from !== 'customer_client') {
		throw queryError('REQUESTED_METRICS_FOR_MANAGER', 'Metrics cannot be requested for a manager account. Query its clients instead.', cid);
	}
	const range = dateRangeOf(query.where, today);
	if (byDate && !range) {
		throw queryError('EXPECTED_FILTERS_ON_DATE_RANGE', 'Error in WHERE clause: a query selecting segments.date needs a finite date range.', 'segments.date');
	}
	const [since, until] = range ?? [addDays(today, -3650), addDays(today, -1)];
	const days = dayList(since < addDays(today, -3650) ? addDays(today, -3650) : since, until);
	const currency = String(customer.currencyCode);

	const attributeConds = query.where.filter((c) => kinds.get(c.field) === 'attribute');
	const lateConds = query.where.filter((c) => kinds.get(c.field) !== 'attribute' && c.field !== 'segments.date');
	const contexts = baseRows(store, cid, from).filter((ctx) => attributeConds.every((c) => matches(attributeValue(ctx, c.field), c)));

	type Built = { ctx: RowContext; date?: string; metrics?: Record<string, number> };
	let built: Built[] = [];
	if (byDate) {
		for (const ctx of contexts) {
			for (const day of days) {
				const m = metrics.sum(ctx.metricKeys ?? [], currency, [day]);
				if (m.impressions === 0 && m.spend === 0) continue; // Google omits zero rows when segmented
				built.push({ ctx, date: day, metrics: googleMetrics(m, currency) });
			}
		}
	} else if (usesMetrics) {
		built = contexts.map((ctx) => ({ ctx, metrics: googleMetrics(metrics.sum(ctx.metricKeys ?? [], currency, days), currency) }));
	} else {
		built = contexts.map((ctx) => ({ ctx }));
	}

	const valueOf = (b: Built, field: string): unknown => {
		if (field === 'segments.date') return b.date;
		if (field.startsWith('metrics.')) return b.metrics?.[field.slice(8)];
		return attributeValue(b.ctx, field);
	};
	if (lateConds.length) built = built.filter((b) => lateConds.every((c) => matches(valueOf(b, c.field), c)));
	if (query.orderBy.length) {
		built.sort((a, b) => {
			for (const o of query.orderBy) {
				const va = valueOf(a, o.field);
				const d = compare(va, (valueOf(b, o.field) ?? '') as Literal);
				if (d !== 0) return o.desc ? -d : d;
			}
			return 0;
		});
	}
	if (query.limit !== undefined) built = built.slice(0, query.limit);

	const paths = query.fields.map((f) => ({ field: f, path: camelPath(f) }));
	const rows = built.map((b) => {
		const row: Record<string, unknown> = {};
		for (const { field, path } of paths) {
			let value = valueOf(b, field);
			if (value === undefined) continue;
			if (field.startsWith('metrics.') && INT64_METRICS.has(field.slice(8))) value = String(value);
			setPath(row, path, value);
		}
		return row;
	});
	return { rows, fieldMask: query.fields.map((f) => f.split('.').map(camel).join('.')).join(',') };
}
