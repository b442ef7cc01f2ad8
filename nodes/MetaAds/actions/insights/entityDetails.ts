/**
 * Status, created time and budgets for the campaigns, ad sets or ads in an
 * insights answer, attached to each row under `attributes`. Insights carry
 * none of these, yet rules need them ("spend > 2 × daily budget", "days since
 * created > 30") and Ads Analytics → Reallocate Budget needs the budgets.
 *
 * Calls: a few ids are read by id through the Batch API (50 per call); many
 * are listed from the scope's edge (500 per page), then whatever the listing
 * missed (archived or deleted objects, which edges hide) is read by id.
 */
import type { EntityAttributes } from '../../../shared/contracts';
import { fromMetaMinorUnits } from '../../../shared/money';
import type { InsightsLevel } from './types';

export interface DetailsClient {
	/** Every page of a paged edge. */
	pages<T>(req: { path: string; qs: Record<string, string>; pageSize: number }): AsyncIterable<T[]>;
	/** GET each relative URL through the Batch API; one answer per URL, null when that one failed. */
	getEach<T>(relativeUrls: string[]): Promise<Array<T | null>>;
}

/** Graph fields of a campaign, ad set or ad that become attributes. */
interface GraphObject {
	id: string;
	status?: string;
	effective_status?: string;
	created_time?: string;
	daily_budget?: string | number;
	lifetime_budget?: string | number;
}

type EntityLevel = Exclude<InsightsLevel, 'account'>;

const EDGE: Record<EntityLevel, string> = { campaign: 'campaigns', adset: 'adsets', ad: 'ads' };

/** Which scopes have an edge listing the level's objects. */
const LISTABLE_FROM: Record<EntityLevel, InsightsLevel[]> = {
	campaign: ['account'],
	adset: ['account', 'campaign'],
	ad: ['account', 'campaign', 'adset'],
};

/** Up to this many ids are read by id (one batch call); more are listed from the edge first. */
export const READ_BY_ID_LIMIT = 50;
const LIST_PAGE_SIZE = 500;

export function detailFields(level: EntityLevel): string {
	const common = ['id', 'status', 'effective_status', 'created_time'];
	return (level === 'ad' ? common : [...common, 'daily_budget', 'lifetime_budget']).join(',');
}

function budget(minor: string | number | undefined, currency: string): number | null {
	if (minor === undefined || minor === null || minor === '') return null;
	const n = Number(minor);
	// Meta reports "0" when the budget lives elsewhere (an ad set under a campaign budget).
	return Number.isFinite(n) && n > 0 ? fromMetaMinorUnits(n, currency) : null;
}

export function toAttributes(object: GraphObject, level: EntityLevel, currency: string): EntityAttributes {
	const attributes: EntityAttributes = {
		status: object.effective_status ?? object.status ?? null,
		createdTime: object.created_time ?? null,
	};
	if (level !== 'ad') {
		attributes.dailyBudget = budget(object.daily_budget, currency);
		attributes.lifetimeBudget = budget(object.lifetime_budget, currency);
	}
	return attributes;
}

export interface DetailsRequest {
	level: EntityLevel;
	/** The insights query's object: act_… for an account, else the campaign, ad set or ad id. */
	scopeId: string;
	scopeType: InsightsLevel;
	ids: Iterable<string>;
}

/** Graph objects by id, for every id Meta answered for. */
export async function fetchEntityDetails(client: DetailsClient, req: DetailsRequest): Promise<Map<string, GraphObject>> {
	const wanted = new Set(req.ids);
	const found = new Map<string, GraphObject>();
	if (wanted.size === 0) return found;
	const fields = detailFields(req.level);

	if (wanted.size > READ_BY_ID_LIMIT && LISTABLE_FROM[req.level].includes(req.scopeType)) {
		const pages = client.pages<GraphObject>({ path: `${req.scopeId}/${EDGE[req.level]}`, qs: { fields }, pageSize: LIST_PAGE_SIZE });
		for await (const page of pages) {
			for (const object of page) if (wanted.has(String(object.id))) found.set(String(object.id), object);
		}
	}
	const missing = [...wanted].filter((id) => !found.has(id));
	if (missing.length) {
		const answers = await client.getEach<GraphObject>(missing.map((id) => `${id}?fields=${fields}`));
		answers.forEach((object, i) => {
			if (object && object.id !== undefined) found.set(missing[i], object);
		});
	}
	return found;
}

/** The row fields this module reads and writes. */
interface RowWithEntity {
	entityId: string;
	currency: string;
	attributes?: EntityAttributes;
}

/** Adds the details to every row of an entity Meta answered for; other rows are left as they are. */
export function attachDetails(rows: RowWithEntity[], level: EntityLevel, details: Map<string, GraphObject>): void {
	for (const row of rows) {
		const object = details.get(row.entityId);
		if (object) row.attributes = { ...row.attributes, ...toAttributes(object, level, row.currency) };
	}
}
