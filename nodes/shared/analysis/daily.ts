/**
 * Day-by-day views of one entity's rows: totals from a day on, and a
 * gap-filled daily series for the operations that model time (anomalies,
 * forecasts).
 */
import { dayNumber } from '../days';
import type { EntityGroup } from './entities';
import { addTotals, zeroTotals, type Totals } from './totals';

// Day numbering is shared with the other nodes; `dateOf` is its inverse.
export { dayNumber, dayString as dateOf } from '../days';

/** The group's totals over its rows dated `fromDay` or later. */
export function groupTotals(group: EntityGroup, fromDay = -Infinity): Totals {
	const t = zeroTotals();
	for (const { row } of group.rows) if (dayNumber(row.date) >= fromDay) addTotals(t, row);
	return t;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export function weekdayOf(day: number): string {
	return WEEKDAYS[(((day + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
}

export interface DailySeries {
	firstDay: number;
	/** totals[d] is the sum of the entity's rows on firstDay + d (breakdown rows are summed). */
	totals: Totals[];
}

/**
 * One totals entry per calendar day from the entity's first to last date.
 * Days without a row are zero totals: platforms omit rows for days without
 * delivery. Returns a problem string when a row spans several days.
 */
export function dailySeries(group: EntityGroup): DailySeries | string {
	let first = Infinity;
	let last = -Infinity;
	for (const { row } of group.rows) {
		if (row.dateStop !== row.date) return `row for ${row.date}..${row.dateStop} spans several days; this operation needs daily rows (time increment 1)`;
		const d = dayNumber(row.date);
		if (d < first) first = d;
		if (d > last) last = d;
	}
	const totals: Totals[] = new Array(last - first + 1);
	for (let i = 0; i < totals.length; i++) totals[i] = zeroTotals();
	for (const { row } of group.rows) addTotals(totals[dayNumber(row.date) - first], row);
	return { firstDay: first, totals };
}
