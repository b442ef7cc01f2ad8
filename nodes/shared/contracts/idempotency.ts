import { createHash } from 'crypto';

/**
 * A stable key for "this decision about this entity in this period".
 * Object keys are sorted so the same content always hashes the same way.
 */
export function makeIdempotencyKey(parts: Record<string, unknown>): string {
	return createHash('sha256').update(stableStringify(parts)).digest('hex').slice(0, 32);
}

export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
