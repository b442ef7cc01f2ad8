/**
 * Window maths. Each entity's days are sorted once and turned into prefix
 * sums, so the totals of any window cost two binary searches, whatever its
 * length.
 */
import type { WindowTotals } from './totals';

/**
 * A look-back window relative to the reference day ("today").
 * `excludeToday` shifts the window one day back (late conversions).
 */
export type Window =
	| { type: 'today' }
	| { type: 'yesterday' }
	| { type: 'lastNDays'; days: number; excludeToday: boolean }
	| { type: 'lifetime'; excludeToday: boolean };

/** A window resolved against the reference day: inclusive day numbers. */
export interface DayRange {
	start: number;
	end: number;
	/** Lifetime windows have no fixed start and are never "too long". */
	open: boolean;
}

export function windowLabel(w: Window): string {
	switch (w.type) {
		case 'today':
			return 'today';
		case 'yesterday':
			return 'yesterday';
		case 'lastNDays':
			return `last_${w.days}d${w.excludeToday ? '_excl_today' : ''}`;
		case 'lifetime':
			return w.excludeToday ? 'lifetime_excl_today' : 'lifetime';
	}
}

export function resolveWindow(w: Window, today: number): DayRange {
	switch (w.type) {
		case 'today':
			return { start: today, end: today, open: false };
		case 'yesterday':
			return { start: today - 1, end: today - 1, open: false };
		case 'lastNDays': {
			const end = w.excludeToday ? today - 1 : today;
			return { start: end - w.days + 1, end, open: false };
		}
		case 'lifetime':
			return { start: Number.NEGATIVE_INFINITY, end: w.excludeToday ? today - 1 : today, open: true };
	}
}

/** The window of the same length right before `range` (today → yesterday, last 7 → the 7 before). */
export function previousRange(range: DayRange): DayRange | null {
	if (range.open) return null;
	const length = range.end - range.start + 1;
	return { start: range.start - length, end: range.start - 1, open: false };
}

/** Summable fields, in prefix-array order. */
const FIELDS = ['impressions', 'clicks', 'spend', 'conversions', 'value', 'reach'] as const;
const F = FIELDS.length;

/**
 * One entity's daily totals. `prefix[i * F + f]` is the sum of field `f` over
 * the first `i` days; `reachDays` counts days that reported reach.
 */
export class Series {
	readonly days: Int32Array;
	private readonly prefix: Float64Array;
	private readonly reachDays: Int32Array;
	/** Multi-day rows (date < dateStop), kept to detect windows that cut through them. */
	readonly spans: Array<{ start: number; end: number }>;

	constructor(
		days: number[],
		perDay: Float64Array,
		hasReach: Uint8Array,
		spans: Array<{ start: number; end: number }>,
	) {
		const n = days.length;
		this.days = Int32Array.from(days);
		this.prefix = new Float64Array((n + 1) * F);
		this.reachDays = new Int32Array(n + 1);
		for (let i = 0; i < n; i++) {
			for (let f = 0; f < F; f++) this.prefix[(i + 1) * F + f] = this.prefix[i * F + f] + perDay[i * F + f];
			this.reachDays[i + 1] = this.reachDays[i] + hasReach[i];
		}
		this.spans = spans;
		let first = n > 0 ? days[0] : Number.POSITIVE_INFINITY;
		for (const s of spans) if (s.start < first) first = s.start;
		this.firstDay = first;
	}

	/** First day any row covers (a multi-day row covers from its `date`). */
	readonly firstDay: number;

	get lastDay(): number {
		return this.days.length > 0 ? this.days[this.days.length - 1] : Number.NEGATIVE_INFINITY;
	}

	/** Index of the first day ≥ `day`. */
	private lowerBound(day: number): number {
		let lo = 0;
		let hi = this.days.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.days[mid] < day) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	totals(range: DayRange): WindowTotals {
		const a = range.open ? 0 : this.lowerBound(range.start);
		const b = this.lowerBound(range.end + 1);
		if (b <= a) return { impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0, reach: null, days: 0 };
		const p = this.prefix;
		const pa = a * F;
		const pb = b * F;
		return {
			impressions: p[pb] - p[pa],
			clicks: p[pb + 1] - p[pa + 1],
			spend: p[pb + 2] - p[pa + 2],
			conversions: p[pb + 3] - p[pa + 3],
			value: p[pb + 4] - p[pa + 4],
			reach: this.reachDays[b] - this.reachDays[a] > 0 ? p[pb + 5] - p[pa + 5] : null,
			days: b - a,
		};
	}

	/**
	 * Why the data cannot answer for `range`, or null when it can: the window
	 * starts before the entity's first day, or a multi-day row straddles it.
	 */
	coverageProblem(range: DayRange, label: string, fmt: (day: number) => string): string | null {
		if (!range.open && range.start < this.firstDay) {
			return `insufficient data: ${label} needs ${fmt(range.start)}..${fmt(range.end)} but the data starts ${
				Number.isFinite(this.firstDay) ? fmt(this.firstDay) : '(no rows)'
			}`;
		}
		for (const s of this.spans) {
			const overlaps = s.start <= range.end && s.end >= range.start;
			const inside = s.start >= range.start && s.end <= range.end;
			if (overlaps && !inside) {
				return `insufficient data: a row covering ${fmt(s.start)}..${fmt(s.end)} crosses ${label} (${
					range.open ? '…' : fmt(range.start)
				}..${fmt(range.end)})`;
			}
		}
		return null;
	}

	static readonly FIELD_COUNT = F;
}
