import { createHash } from 'crypto';

/**
 * A stable key for "this decision about this entity in this period".
 * Object keys are sorted so the same content always hashes the same way.
 */
export function makeIdempotencyKey(parts: Record<string, unknown>): string {
	return createHash('sha256').update(stableStringify(parts)).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted and undefined members dropped. Plain loops: decision nodes key thousands of actions per run. */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + stableStringify(value[i]);
		return `${out}]`;
	}
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record).sort();
	let out = '{';
	let first = true;
	for (const key of keys) {
		const member = record[key];
		if (member === undefined) continue;
		out += `${first ? '' : ','}${JSON.stringify(key)}:${stableStringify(member)}`;
		first = false;
	}
	return `${out}}`;
}
