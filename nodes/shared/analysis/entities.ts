/**
 * Entity grouping, once per run, for every decision node: rows become one
 * group per entity (platform + level + account + entity id) in first-seen
 * order, each with its rows and the input items they came from.
 *
 * `groupEntities` adds what Ads Rules needs on top: the entity's latest
 * attributes and a `Series` of daily totals. Rows of the same entity and day
 * (breakdowns, duplicates) are summed; a multi-day row is booked on its last
 * day and remembered as a span, so windows that cut through it are reported
 * instead of silently miscounted.
 */
import type { AdPlatform, EntityAttributes, EntityLevel, MetricRow } from '../contracts/metricRow';
import { dayNumber } from '../days';
import { Series } from './windows';

/** A validated metric row and the input item it came from. */
export interface IndexedRow {
	row: MetricRow;
	itemIndex: number;
}

export function entityKey(row: Pick<MetricRow, 'platform' | 'level' | 'accountId' | 'entityId'>): string {
	return `${row.platform}|${row.level}|${row.accountId}|${row.entityId}`;
}

/** Who an entity is: the fields every output about it repeats. */
export interface EntityIdentity {
	key: string;
	platform: AdPlatform;
	level: EntityLevel;
	entityId: string;
	/** The latest name any of its rows carried. */
	entityName: string | null;
	accountId: string;
	currency: string;
	/** Input item indexes of this entity's rows (for pairedItem). */
	itemIndexes: number[];
}

export interface EntityGroup<R extends IndexedRow = IndexedRow> extends EntityIdentity {
	rows: R[];
}

/** Groups rows by entity in first-seen order; `level` keeps only rows of that level. */
export function groupByEntity<R extends IndexedRow>(rows: readonly R[], level?: EntityLevel): Array<EntityGroup<R>> {
	const groups = new Map<string, EntityGroup<R>>();
	for (const input of rows) {
		const r = input.row;
		if (level !== undefined && r.level !== level) continue;
		const key = entityKey(r);
		let group = groups.get(key);
		if (!group) {
			group = {
				key,
				platform: r.platform,
				level: r.level,
				entityId: r.entityId,
				entityName: r.entityName,
				accountId: r.accountId,
				currency: r.currency,
				rows: [],
				itemIndexes: [],
			};
			groups.set(key, group);
		}
		if (r.entityName !== null) group.entityName = r.entityName;
		group.rows.push(input);
		group.itemIndexes.push(input.itemIndex);
	}
	return [...groups.values()];
}

/** An entity as Ads Rules' windows see it. */
export interface Entity extends EntityIdentity {
	/** Attributes of the latest row that carried any. */
	attributes: EntityAttributes | null;
	series: Series;
}

export function groupEntities(rows: IndexedRow[]): { entities: Entity[]; lastDay: number } {
	let lastDay = Number.NEGATIVE_INFINITY;
	const entities: Entity[] = [];
	for (const group of groupByEntity(rows)) {
		const { rows: groupRows, ...identity } = group;
		const days = new Array<number>(groupRows.length);
		let sorted = true;
		let attributes: EntityAttributes | null = null;
		let attributesDay = Number.NEGATIVE_INFINITY;
		for (let i = 0; i < groupRows.length; i++) {
			const row = groupRows[i].row;
			const stop = dayNumber(row.dateStop);
			if (i > 0 && stop < days[i - 1]) sorted = false;
			days[i] = stop;
			if (stop > lastDay) lastDay = stop;
			if (row.attributes && stop >= attributesDay) {
				attributes = row.attributes;
				attributesDay = stop;
			}
		}
		entities.push({ ...identity, attributes, series: buildSeries(groupRows, days, sorted) });
	}
	return { entities, lastDay };
}

/** Sums each day's rows into a Series; `days[i]` is the booking day (dateStop) of `rows[i]`. */
function buildSeries(rows: readonly IndexedRow[], bookingDays: number[], sorted: boolean): Series {
	const F = Series.FIELD_COUNT;
	const n = rows.length;
	// Reports usually arrive in date order; sort (an index, once) only when they do not.
	const order = Array.from({ length: n }, (_, i) => i);
	if (!sorted) order.sort((x, y) => bookingDays[x] - bookingDays[y]);
	const days: number[] = [];
	const perDay = new Float64Array(n * F);
	const hasReach = new Uint8Array(n);
	const spans: Array<{ start: number; end: number }> = [];
	for (const k of order) {
		const row = rows[k].row;
		const day = bookingDays[k];
		let i = days.length - 1;
		if (i < 0 || days[i] !== day) {
			days.push(day);
			i++;
		}
		const o = i * F;
		perDay[o] += row.impressions;
		perDay[o + 1] += row.clicks;
		perDay[o + 2] += row.spend;
		perDay[o + 3] += row.conversions;
		perDay[o + 4] += row.value;
		if (row.reach !== null) {
			perDay[o + 5] += row.reach;
			hasReach[i] = 1;
		}
		if (row.date !== row.dateStop) spans.push({ start: dayNumber(row.date), end: day });
	}
	return new Series(days, perDay, hasReach, spans);
}
