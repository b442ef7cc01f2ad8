/**
 * Calendar days as integers (days since 1970-01-01 in UTC). Report dates are
 * already in the account's time zone, so plain UTC arithmetic on them is exact
 * and no time-zone library is needed.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
	const y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

// A run formats the same few dozen days for every entity and rule; Date formatting is not free.
const dayStrings = new Map<number, string>();

export function dayString(day: number): string {
	let text = dayStrings.get(day);
	if (text === undefined) {
		text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
		if (dayStrings.size < 100_000) dayStrings.set(day, text);
	}
	return text;
}

/** Whole days from an ISO timestamp's calendar day to `day`. */
export function daysSince(isoTimestamp: string, day: number): number | null {
	const t = Date.parse(isoTimestamp);
	if (Number.isNaN(t)) return null;
	return day - Math.floor(t / MS_PER_DAY);
}

/** Memoizes dayNumber: 100k rows usually share a few dozen dates. */
export class DayCache {
	private readonly cache = new Map<string, number>();

	get(date: string): number {
		let n = this.cache.get(date);
		if (n === undefined) {
			n = dayNumber(date);
			this.cache.set(date, n);
		}
		return n;
	}
}
