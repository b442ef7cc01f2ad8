/** Calendar helpers on `YYYY-MM-DD` strings, all in UTC so results never depend on the host zone. */

const DAY_MS = 86_400_000;

export function parseDay(day: string): number {
	const ms = Date.parse(`${day}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new Error(`Invalid date: ${day}`);
	return ms;
}

export function formatDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return formatDay(parseDay(day) + days * DAY_MS);
}

/** Inclusive count of days from `since` to `until`. */
export function daysBetween(since: string, until: string): number {
	return Math.round((parseDay(until) - parseDay(since)) / DAY_MS) + 1;
}

export function isValidDay(day: unknown): day is string {
	if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
	const ms = Date.parse(`${day}T00:00:00Z`);
	return !Number.isNaN(ms) && formatDay(ms) === day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
	return new Date(parseDay(day)).getUTCDay();
}

export function todayUtc(nowMs: number = Date.now()): string {
	return formatDay(nowMs);
}
