/**
 * The period a GAQL date condition covers, for rows without segments.date.
 * Presets are resolved against today in UTC; the account's own time zone may
 * be a day off around midnight, which we accept for labelling.
 */

function day(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function presetPeriod(preset: string, now = Date.now()): { since: string; until: string } | undefined {
	const today = Date.parse(`${day(now)}T00:00:00Z`);
	const last = /^LAST_(\d+)_DAYS$/.exec(preset);
	if (last) return { since: day(today - Number(last[1]) * DAY_MS), until: day(today - DAY_MS) };
	const date = new Date(today);
	const monday = today - ((date.getUTCDay() + 6) % 7) * DAY_MS;
	switch (preset) {
		case 'TODAY':
			return { since: day(today), until: day(today) };
		case 'YESTERDAY':
			return { since: day(today - DAY_MS), until: day(today - DAY_MS) };
		case 'THIS_MONTH':
			return { since: `${day(today).slice(0, 8)}01`, until: day(today) };
		case 'LAST_MONTH': {
			const end = Date.parse(`${day(today).slice(0, 8)}01T00:00:00Z`) - DAY_MS;
			return { since: `${day(end).slice(0, 8)}01`, until: day(end) };
		}
		case 'THIS_WEEK_MON_TODAY':
			return { since: day(monday), until: day(today) };
		case 'LAST_WEEK_MON_SUN':
			return { since: day(monday - 7 * DAY_MS), until: day(monday - DAY_MS) };
		default:
			return undefined;
	}
}

/** Reads `segments.date BETWEEN 'a' AND 'b'` / `DURING X` / `= 'a'` out of a query. */
export function queryPeriod(query: string, now = Date.now()): { since: string; until: string } {
	const between = /segments\.date\s+BETWEEN\s+['"](\d{4}-\d{2}-\d{2})['"]\s+AND\s+['"](\d{4}-\d{2}-\d{2})['"]/i.exec(query);
	if (between) return { since: between[1], until: between[2] };
	const during = /segments\.date\s+DURING\s+([A-Z_0-9]+)/i.exec(query);
	const preset = during ? presetPeriod(during[1].toUpperCase(), now) : undefined;
	if (preset) return preset;
	const equal = /segments\.date\s*=\s*['"](\d{4}-\d{2}-\d{2})['"]/i.exec(query);
	if (equal) return { since: equal[1], until: equal[1] };
	return { since: '', until: '' };
}
