import { InputProblem } from './errors';
import { withArticle } from '../../../shared/text';

/** Google Ads collections AdPilot writes to, as they appear in resource names and mutate paths. */
export type Collection =
	| 'campaigns'
	| 'campaignBudgets'
	| 'adGroups'
	| 'adGroupAds'
	| 'adGroupCriteria'
	| 'campaignCriteria'
	| 'recommendations';

export function resourceName(customerId: string, collection: Collection, id: string | number): string {
	return `customers/${customerId}/${collection}/${id}`;
}

const ID = /^\d+$/;
const COMPOSITE = /^(\d+)~(\d+)$/;
const RESOURCE = /^customers\/(\d+)\/([A-Za-z]+)\/([^/]+)$/;

function fromResourceName(raw: string, collections: Collection[], customerId: string, field: string) {
	const match = RESOURCE.exec(raw);
	if (!match) return undefined;
	const [, owner, collection, id] = match;
	if (!collections.includes(collection as Collection)) {
		throw new InputProblem(field, `"${raw}" is ${withArticle(collection)} resource name, expected ${collections.join(' or ')}`);
	}
	if (owner !== customerId) {
		throw new InputProblem(field, `"${raw}" belongs to customer ${owner}, not ${customerId}`);
	}
	return { collection: collection as Collection, id };
}

/**
 * A numeric id (campaign, ad group, budget) given as the id itself or as a
 * resource name of the same customer; returns the id.
 */
export function parseSimpleId(raw: unknown, collection: Collection, customerId: string, field: string): string {
	const text = String(raw ?? '').trim();
	if (text === '') throw new InputProblem(field, 'is empty');
	if (ID.test(text)) return text;
	const parsed = fromResourceName(text, [collection], customerId, field);
	if (parsed && ID.test(parsed.id)) return parsed.id;
	throw new InputProblem(field, `expected a numeric ID or ${withArticle(collection)} resource name, got "${text}"`);
}

/**
 * Ads and criteria are keyed by their ad group: `adGroupId~id`, or the full
 * resource name. Returns the full resource name and the collection it names.
 */
export function parseCompositeName(
	raw: unknown,
	collections: Collection[],
	customerId: string,
	field: string,
): { resourceName: string; collection: Collection; parentId: string; id: string } {
	const text = String(raw ?? '').trim();
	if (text === '') throw new InputProblem(field, 'is empty');
	const composite = COMPOSITE.exec(text);
	if (composite) {
		const collection = collections[0];
		return { resourceName: resourceName(customerId, collection, text), collection, parentId: composite[1], id: composite[2] };
	}
	const parsed = fromResourceName(text, collections, customerId, field);
	const parts = parsed ? COMPOSITE.exec(parsed.id) : null;
	if (parsed && parts) return { resourceName: text, collection: parsed.collection, parentId: parts[1], id: parts[2] };
	throw new InputProblem(
		field,
		`expected "parentId~id" (e.g. 123~456) or ${withArticle(collections.join('/'))} resource name, got "${text}"`,
	);
}

/** The last segment of a resource name: `customers/1/campaigns/42` → `42`, `.../adGroupAds/7~9` → `7~9`. */
export function idOf(name: string | undefined | null): string | null {
	if (!name) return null;
	const slash = name.lastIndexOf('/');
	return slash === -1 ? name : name.slice(slash + 1);
}

/**
 * A mutate result's resource name. Per-resource mutates answer
 * `{resourceName}`; googleAds:mutate answers `{campaignResult: {resourceName}}`.
 */
export function resultResourceName(result: unknown): string | null {
	if (!result || typeof result !== 'object') return null;
	const record = result as Record<string, unknown>;
	if (typeof record.resourceName === 'string') return record.resourceName;
	for (const value of Object.values(record)) {
		if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).resourceName === 'string') {
			return (value as Record<string, string>).resourceName;
		}
	}
	return null;
}
