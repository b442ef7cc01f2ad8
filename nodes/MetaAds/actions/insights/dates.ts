import { dayNumber, dayString } from '../../../shared/days';
import type { DateRange } from './types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Reads `YYYY-MM-DD` (or an ISO timestamp from n8n's date picker, whose first
 * ten characters are the day). Returns undefined for anything that is not a
 * real calendar day, so 2024-02-30 is rejected rather than rolled over.
 */
export function parseDay(input: unknown): string | undefined {
	if (typeof input !== 'string') return undefined;
	const match = ISO_DAY.exec(input.trim());
	if (!match) return undefined;
	const [, y, m, d] = match;
	const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
	const day = new Date(time).toISOString().slice(0, 10);
	return day === `${y}-${m}-${d}` ? day : undefined;
}

export function addDays(day: string, days: number): string {
	return dayString(dayNumber(day) + days);
}

/** Inclusive length of a range in days (a one-day range is 1). */
export function rangeDays(range: DateRange): number {
	return dayNumber(range.until) - dayNumber(range.since) + 1;
}

/** Splits a range into two halves that cover it exactly; undefined for a single day. */
export function halveRange(range: DateRange): [DateRange, DateRange] | undefined {
	const days = rangeDays(range);
	if (days < 2) return undefined;
	const firstUntil = addDays(range.since, Math.floor(days / 2) - 1);
	return [
		{ since: range.since, until: firstUntil },
		{ since: addDays(firstUntil, 1), until: range.until },
	];
}

/**
 * Rough length of a date preset, only used to decide sync vs async (the real
 * days depend on the account's time zone, which we do not need here).
 * Unknown presets count as long, which errs on the async side.
 */
const PRESET_DAYS: Record<string, number> = {
	today: 1,
	yesterday: 1,
	last_3d: 3,
	last_7d: 7,
	last_14d: 14,
	last_28d: 28,
	last_30d: 30,
	last_90d: 90,
	this_week_mon_today: 7,
	this_week_sun_today: 7,
	last_week_mon_sun: 7,
	last_week_sun_sat: 7,
	this_month: 31,
	last_month: 31,
	this_quarter: 92,
	last_quarter: 92,
	this_year: 366,
	last_year: 366,
	maximum: 1_200,
};

export function presetDays(preset: string): number {
	return PRESET_DAYS[preset] ?? 1_200;
}

export const DATE_PRESETS = Object.keys(PRESET_DAYS);
