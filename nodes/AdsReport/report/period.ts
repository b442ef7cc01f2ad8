/**
 * Report windows. The reference date is the last day of the current window
 * (default: yesterday in the report's time zone, the last complete day).
 *
 * - daily:   current = the reference day;          previous = the day before
 * - weekly:  current = 7 days ending on it;         previous = the 7 days before
 * - monthly: current = month to date (1st → ref);   previous = the same days of
 *            the previous month (clipped to its last day: Mar 1–31 vs Feb 1–28)
 * - custom:  current = From → To;                   previous = as many days before From
 *
 * Rows carry dates already in their account's time zone, so only "today"
 * needs the time zone (Intl, no dependency); the rest is day arithmetic.
 */
import { dayNumber, dayString } from '../../shared/days';
import type { DayWindow, Periods, PeriodType } from './types';
import { isTimezone } from '../../shared/timezones';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MIN_CHART_DAYS = 14;

export interface PeriodInput {
	type: PeriodType;
	timezone: string;
	/** '' = yesterday in `timezone`. */
	referenceDate: string;
	customFrom: string;
	customTo: string;
	now: Date;
}

export { isTimezone };

/** The calendar date of `now` in `timezone`, YYYY-MM-DD. */
export function dateIn(timezone: string, now: Date): string {
	const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

function validDate(text: string): boolean {
	return DATE.test(text) && dayString(dayNumber(text)) === text;
}

function monthStart(day: number): number {
	const text = dayString(day);
	return dayNumber(`${text.slice(0, 8)}01`);
}

function previousMonthWindow(current: DayWindow): DayWindow {
	const start = monthStart(current.from - 1);
	const lastOfPrevious = current.from - 1;
	return { from: start, to: Math.min(start + (current.to - current.from), lastOfPrevious) };
}

/** Resolves the windows, or returns a problem naming the parameter. */
export function resolvePeriods(input: PeriodInput): Periods | string {
	if (!isTimezone(input.timezone)) return `Timezone: "${input.timezone}" is not a time zone this runtime knows (use an IANA name such as Europe/Berlin)`;
	const referenceText = input.referenceDate.trim();
	if (referenceText !== '' && !validDate(referenceText)) return `Reference Date: expected YYYY-MM-DD, got "${input.referenceDate}"`;
	const reference = referenceText !== '' ? dayNumber(referenceText) : dayNumber(dateIn(input.timezone, input.now)) - 1;

	let current: DayWindow;
	let previous: DayWindow;
	switch (input.type) {
		case 'daily':
			current = { from: reference, to: reference };
			previous = { from: reference - 1, to: reference - 1 };
			break;
		case 'weekly':
			current = { from: reference - 6, to: reference };
			previous = { from: reference - 13, to: reference - 7 };
			break;
		case 'monthly':
			current = { from: monthStart(reference), to: reference };
			previous = previousMonthWindow(current);
			break;
		case 'custom': {
			if (!validDate(input.customFrom.trim())) return `From: expected YYYY-MM-DD, got "${input.customFrom}"`;
			if (!validDate(input.customTo.trim())) return `To: expected YYYY-MM-DD, got "${input.customTo}"`;
			const from = dayNumber(input.customFrom.trim());
			const to = dayNumber(input.customTo.trim());
			if (to < from) return `To (${input.customTo}) is before From (${input.customFrom})`;
			current = { from, to };
			previous = { from: from - (to - from + 1), to: from - 1 };
			break;
		}
		default:
			return `Period: expected daily, weekly, monthly or custom, got "${String(input.type)}"`;
	}
	const chart = { from: Math.min(previous.from, current.to - (MIN_CHART_DAYS - 1)), to: current.to };
	return { type: input.type, timezone: input.timezone, referenceDate: dayString(current.to), current, previous, chart };
}

export function windowDays(window: DayWindow): number {
	return window.to - window.from + 1;
}

/** "2026-11-30" or "2026-11-24 – 2026-11-30". */
export function windowLabel(window: DayWindow): string {
	return window.from === window.to ? dayString(window.from) : `${dayString(window.from)} – ${dayString(window.to)}`;
}

const NOUNS: Record<PeriodType, string> = { daily: 'day', weekly: 'week', monthly: 'month to date', custom: 'period' };

/** "week 2026-11-24 – 2026-11-30" — the words the summary and the empty report use. */
export function periodPhrase(periods: Periods): string {
	return `${NOUNS[periods.type]} ${windowLabel(periods.current)}`;
}

export function contains(window: DayWindow, day: number): boolean {
	return day >= window.from && day <= window.to;
}
