/**
 * A small deterministic generator of JSON values that satisfy a strict JSON
 * schema (the subset structured outputs allows): objects with every property,
 * enums, const, numbers within bounds, strings within length, arrays within
 * minItems/maxItems, nullable unions via `type: [.., 'null']` or anyOf, $ref to $defs.
 */
import { keyedRandom } from '../dataset/prng';

export type JsonSchema = Record<string, unknown>;

interface GenState {
	random: () => number;
	root: JsonSchema;
	depth: number;
	/** Values from the prompt (e.g. entity ids) that string fields named like ids may echo. */
	idPool: string[];
}

export function generateFromSchema(schema: JsonSchema, seedKey: string, idPool: string[] = []): unknown {
	return generate(schema, { random: keyedRandom('openai', seedKey), root: schema, depth: 0, idPool }, '');
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
	const path = ref.replace(/^#\/?/, '').split('/').filter(Boolean);
	let node: unknown = root;
	for (const part of path) node = (node as Record<string, unknown>)?.[part];
	return (node as JsonSchema) ?? {};
}

function generate(schema: JsonSchema, state: GenState, key: string): unknown {
	if (state.depth > 12) return null;
	if (typeof schema.$ref === 'string') return generate(resolveRef(schema.$ref, state.root), state, key);
	if ('const' in schema) return schema.const;
	if (Array.isArray(schema.enum)) return schema.enum[Math.floor(state.random() * schema.enum.length)];
	const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
	if (Array.isArray(variants) && variants.length > 0) {
		// Prefer a non-null variant so outputs carry content; null stays possible for nullable-only unions.
		const nonNull = variants.filter((v) => v.type !== 'null');
		const pool = nonNull.length > 0 ? nonNull : variants;
		return generate(pool[Math.floor(state.random() * pool.length)], state, key);
	}
	let type = schema.type;
	if (Array.isArray(type)) {
		const nonNull = type.filter((t) => t !== 'null');
		type = nonNull.length > 0 ? nonNull[0] : 'null';
	}
	const nested = { ...state, depth: state.depth + 1 };
	switch (type) {
		case 'object': {
			const out: Record<string, unknown> = {};
			const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
			for (const [name, child] of Object.entries(properties)) out[name] = generate(child, nested, name);
			return out;
		}
		case 'array': {
			const min = Number(schema.minItems ?? 0);
			const max = Number(schema.maxItems ?? Math.max(min, 2));
			const count = Math.min(max, Math.max(min, 1 + Math.floor(state.random() * 2)));
			return Array.from({ length: count }, () => generate((schema.items ?? {}) as JsonSchema, nested, key));
		}
		case 'integer':
		case 'number':
			return number(schema, state.random, type === 'integer');
		case 'boolean':
			return state.random() < 0.5;
		case 'null':
			return null;
		case 'string':
		default:
			return text(schema, state, key);
	}
}

function number(schema: JsonSchema, random: () => number, integer: boolean): number {
	const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
	const exclusiveMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
	let low = typeof schema.minimum === 'number' ? schema.minimum : exclusiveMin ?? 0;
	let high = typeof schema.maximum === 'number' ? schema.maximum : exclusiveMax ?? Math.max(low + 100, 100);
	if (integer) {
		low = exclusiveMin !== undefined && low === exclusiveMin ? Math.floor(low) + 1 : Math.ceil(low);
		high = exclusiveMax !== undefined && high === exclusiveMax ? Math.ceil(high) - 1 : Math.floor(high);
		return high < low ? low : low + Math.floor(random() * (high - low + 1));
	}
	const value = low + (high - low) * (0.1 + 0.8 * random());
	return Math.round(value * 1000) / 1000;
}

function text(schema: JsonSchema, state: GenState, key: string): string {
	if (/(^|_)id$|Id$/.test(key) && state.idPool.length > 0) return state.idPool[Math.floor(state.random() * state.idPool.length)];
	if (schema.format === 'date') return '2026-01-01';
	if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
	const min = Number(schema.minLength ?? 0);
	const max = Number(schema.maxLength ?? 120);
	let value = key ? `Simulated ${key.replace(/_/g, ' ')}` : 'Simulated text';
	while (value.length < min) value += ' lorem';
	return value.slice(0, Math.max(min, Math.min(max, value.length)));
}
