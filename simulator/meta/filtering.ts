/**
 * Graph `filtering=[{field, operator, value}]` (all combined with AND) and
 * the `effective_status=[…]` shortcut, over stored objects.
 */
import { effectiveStatus } from './view';
import type { MetaObject, MetaStore, ObjectType } from './store';

export interface FilterClause {
	field: string;
	operator: string;
	value: unknown;
}

const OPERATORS = new Set([
	'EQUAL', 'NOT_EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'IN_RANGE', 'NOT_IN_RANGE',
	'CONTAIN', 'NOT_CONTAIN', 'IN', 'NOT_IN', 'STARTS_WITH', 'ENDS_WITH', 'ANY', 'ALL', 'NONE',
]);

const PREFIX: Record<ObjectType, string> = { campaign: 'campaign', adset: 'adset', ad: 'ad', adcreative: 'adcreative' };

/** Validates raw `filtering` JSON; returns clauses or an error message. */
export function parseFiltering(raw: unknown): FilterClause[] | string {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) return 'Filtering must be a JSON array of {field, operator, value}';
	const clauses: FilterClause[] = [];
	for (const item of raw) {
		const clause = item as Partial<FilterClause>;
		if (typeof clause?.field !== 'string' || typeof clause.operator !== 'string') return 'Filtering clause needs field and operator';
		if (!OPERATORS.has(clause.operator)) return `Filtering operator ${clause.operator} is not supported`;
		clauses.push({ field: clause.field, operator: clause.operator, value: clause.value });
	}
	return clauses;
}

/** Resolves `effective_status`, `campaign.id`, `adset.name`, `ad.effective_status`… against an object and its ancestors. */
export function resolveField(store: MetaStore, object: MetaObject, field: string): unknown {
	const parts = field.split('.');
	let target: MetaObject | undefined = object;
	if (parts.length === 2) {
		const [scope] = parts;
		if (scope !== PREFIX[object.type]) target = scope === 'campaign' || scope === 'adset' ? store.get(String(object.data[`${scope}_id`])) : undefined;
	}
	if (!target) return undefined;
	const name = parts[parts.length - 1];
	if (name === 'effective_status') return effectiveStatus(store, target);
	if (name === 'configured_status') return target.data.status;
	return target.data[name];
}

function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string' && value.trim().startsWith('[')) return JSON.parse(value) as unknown[];
	return [value];
}

export function matches(actual: unknown, clause: FilterClause): boolean {
	const { operator, value } = clause;
	const text = actual === undefined || actual === null ? '' : String(actual);
	const num = Number(actual);
	switch (operator) {
		case 'EQUAL':
			return text === String(value);
		case 'NOT_EQUAL':
			return text !== String(value);
		case 'GREATER_THAN':
			return num > Number(value);
		case 'GREATER_THAN_OR_EQUAL':
			return num >= Number(value);
		case 'LESS_THAN':
			return num < Number(value);
		case 'LESS_THAN_OR_EQUAL':
			return num <= Number(value);
		case 'IN_RANGE':
		case 'NOT_IN_RANGE': {
			const [low, high] = asList(value).map(Number);
			const inside = num >= low && num <= high;
			return operator === 'IN_RANGE' ? inside : !inside;
		}
		case 'CONTAIN':
			return text.toLowerCase().includes(String(value).toLowerCase());
		case 'NOT_CONTAIN':
			return !text.toLowerCase().includes(String(value).toLowerCase());
		case 'STARTS_WITH':
			return text.toLowerCase().startsWith(String(value).toLowerCase());
		case 'ENDS_WITH':
			return text.toLowerCase().endsWith(String(value).toLowerCase());
		case 'IN':
		case 'ANY':
			return asList(value).map(String).includes(text);
		case 'NOT_IN':
		case 'NONE':
			return !asList(value).map(String).includes(text);
		case 'ALL':
			return asList(value).every((v) => (Array.isArray(actual) ? actual.map(String).includes(String(v)) : text === String(v)));
		default:
			return false;
	}
}

/**
 * Builds the object predicate for a listing. Without an explicit status
 * filter Graph hides DELETED and ARCHIVED objects.
 */
export function objectPredicate(store: MetaStore, clauses: FilterClause[], effectiveStatuses: string[] | undefined) {
	const filtersStatus = effectiveStatuses !== undefined || clauses.some((c) => /(^|\.)(effective_status|status)$/.test(c.field));
	return (object: MetaObject): boolean => {
		const status = effectiveStatus(store, object);
		if (effectiveStatuses !== undefined && !effectiveStatuses.includes(status)) return false;
		if (!filtersStatus && (status === 'DELETED' || status === 'ARCHIVED')) return false;
		return clauses.every((clause) => matches(resolveField(store, object, clause.field), clause));
	};
}
