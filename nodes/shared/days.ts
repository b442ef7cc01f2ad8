/**
 * Calendar days as integers (days since 1970-01-01). Report dates are already
 * in the account's time zone, so plain UTC arithmetic on them is exact and no
 * time-zone library is needed. Both directions are memoized: a run over
 * 100,000s of rows sees only a few dozen distinct dates.
 */
const MS_PER_DAY = 86_400_000;
const MEMO_LIMIT = 100_000;

const numbers = new Map<string, number>();
const strings = new Map<number, string>();

/** Day number of a `YYYY-MM-DD` date (validate the text first; this does not). */
export function dayNumber(date: string): number {
	let day = numbers.get(date);
	if (day === undefined) {
		day = Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
		if (numbers.size >= MEMO_LIMIT) numbers.clear();
		numbers.set(date, day);
	}
	return day;
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
	let text = strings.get(day);
	if (text === undefined) {
		text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
		if (strings.size >= MEMO_LIMIT) strings.clear();
		strings.set(day, text);
	}
	return text;
}

/** Whole days from an ISO timestamp's calendar day to `day`; null for an unreadable timestamp. */
export function daysSince(isoTimestamp: string, day: number): number | null {
	const t = Date.parse(isoTimestamp);
	if (Number.isNaN(t)) return null;
	return day - Math.floor(t / MS_PER_DAY);
}
