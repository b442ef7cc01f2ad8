/**
 * Groups validated rows by entity once per run. Rows of the same entity and
 * day (breakdowns, duplicates) are summed; a multi-day row is booked on its
 * last day and remembered as a span so windows that cut through it are
 * reported instead of silently miscounted.
 */
import type { AdPlatform, EntityAttributes, EntityLevel, MetricRow } from '../contracts';
import { dayNumber } from '../../AdsRules/engine/dates';
import { Series } from './windows';

export interface Entity {
	key: string;
	platform: AdPlatform;
	level: EntityLevel;
	entityId: string;
	entityName: string | null;
	accountId: string;
	currency: string;
	/** Attributes of the latest row that carried any. */
	attributes: EntityAttributes | null;
	series: Series;
	/** Input item indexes of this entity's rows (for pairedItem). */
	itemIndexes: number[];
}

export interface IndexedRow {
	row: MetricRow;
	itemIndex: number;
}

export function entityKey(row: Pick<MetricRow, 'platform' | 'level' | 'accountId' | 'entityId'>): string {
	return `${row.platform}|${row.level}|${row.accountId}|${row.entityId}`;
}

interface Builder {
	entity: Omit<Entity, 'series'>;
	rows: MetricRow[];
	/** Booking day (dateStop) of each row, parallel to `rows`. */
	days: number[];
	sorted: boolean;
	attributesDay: number;
}

export function groupEntities(rows: IndexedRow[]): { entities: Entity[]; lastDay: number } {
	const builders = new Map<string, Builder>();
	let lastDay = Number.NEGATIVE_INFINITY;
	for (const { row, itemIndex } of rows) {
		const key = entityKey(row);
		let b = builders.get(key);
		if (!b) {
			b = {
				entity: {
					key,
					platform: row.platform,
					level: row.level,
					entityId: row.entityId,
					entityName: row.entityName,
					accountId: row.accountId,
					currency: row.currency,
					attributes: null,
					itemIndexes: [],
				},
				rows: [],
				days: [],
				sorted: true,
				attributesDay: Number.NEGATIVE_INFINITY,
			};
			builders.set(key, b);
		}
		const stop = dayNumber(row.dateStop);
		if (b.days.length > 0 && stop < b.days[b.days.length - 1]) b.sorted = false;
		b.rows.push(row);
		b.days.push(stop);
		b.entity.itemIndexes.push(itemIndex);
		if (stop > lastDay) lastDay = stop;
		if (row.attributes && stop >= b.attributesDay) {
			b.entity.attributes = row.attributes;
			b.attributesDay = stop;
		}
		if (row.entityName !== null) b.entity.entityName = row.entityName;
	}

	const entities: Entity[] = [];
	for (const b of builders.values()) entities.push({ ...b.entity, series: buildSeries(b) });
	return { entities, lastDay };
}

function buildSeries(b: Builder): Series {
	const F = Series.FIELD_COUNT;
	const n = b.rows.length;
	// Reports usually arrive in date order; sort (an index, once) only when they do not.
	const order = Array.from({ length: n }, (_, i) => i);
	if (!b.sorted) order.sort((x, y) => b.days[x] - b.days[y]);
	const days: number[] = [];
	const perDay = new Float64Array(n * F);
	const hasReach = new Uint8Array(n);
	const spans: Array<{ start: number; end: number }> = [];
	for (const k of order) {
		const row = b.rows[k];
		const day = b.days[k];
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
