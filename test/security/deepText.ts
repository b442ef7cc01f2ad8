/**
 * Every string reachable from a value: own properties (enumerable or not, so
 * an Error's `cause`, `stack` and `description` count), array items, Map and
 * Set entries, plus its JSON form. What a leak scan must look through.
 */
export function deepText(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const visit = (v: unknown, depth: number) => {
		if (typeof v === 'string') parts.push(v);
		else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
		if (typeof v !== 'object' || v === null || seen.has(v) || depth > 12) return;
		seen.add(v);
		if (Buffer.isBuffer(v)) {
			parts.push(v.toString('utf8'));
			return;
		}
		if (v instanceof Map || v instanceof Set) {
			for (const entry of v) visit(entry, depth + 1);
			return;
		}
		for (const key of Object.getOwnPropertyNames(v)) {
			let child: unknown;
			try {
				child = (v as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			parts.push(key);
			visit(child, depth + 1);
		}
	};
	visit(value, 0);
	try {
		parts.push(JSON.stringify(value) ?? '');
	} catch {
		// circular; the walk above covered it
	}
	return parts.join('\n');
}
