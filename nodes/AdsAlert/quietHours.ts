/**
 * Quiet hours per channel, in the channel's own time zone. Time zone math
 * uses Intl.DateTimeFormat (no runtime dependency): the wall-clock minute in
 * the zone decides, so daylight saving time needs no special case. A window
 * whose end is before its start runs over midnight (22:00–07:00).
 */
import { isTimezone } from '../shared/timezones';

export interface QuietWindow {
	channel: string;
	/** Minutes after local midnight. */
	startMinute: number;
	endMinute: number;
	timezone: string;
}

/** "22:00" → 1320; null when the text is not a 24-hour time. */
export function parseClock(text: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	const hours = Number(match?.[1]);
	const minutes = Number(match?.[2]);
	if (!match || hours > 23 || minutes > 59) return null;
	return hours * 60 + minutes;
}

export { isTimezone };

/** Minutes after midnight on the wall clock of `timezone` at `now`. */
export function localMinute(now: Date, timezone: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
	const hour = Number(parts.find((p) => p.type === 'hour')?.value);
	const minute = Number(parts.find((p) => p.type === 'minute')?.value);
	return hour * 60 + minute;
}

export function isQuiet(window: QuietWindow, now: Date): boolean {
	if (window.startMinute === window.endMinute) return false;
	const minute = localMinute(now, window.timezone);
	return window.startMinute < window.endMinute
		? minute >= window.startMinute && minute < window.endMinute
		: minute >= window.startMinute || minute < window.endMinute;
}
