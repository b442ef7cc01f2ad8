/** Quotes a GAQL string literal. */
export function gaqlString(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `field IN ('A', 'B')`, or '' for an empty list (no filter). */
export function inFilter(field: string, values: string[]): string {
	return values.length ? `${field} IN (${values.map(gaqlString).join(', ')})` : '';
}

/** Joins non-empty conditions with AND into a WHERE clause. */
export function where(conditions: Array<string | undefined | false>): string {
	const kept = conditions.filter((c): c is string => typeof c === 'string' && c !== '');
	return kept.length ? ` WHERE ${kept.join(' AND ')}` : '';
}
