/**
 * Groups validated rows by entity once per run. Rows of the same entity and
 * day (breakdowns, duplicates) are summed; a multi-day row is booked on its
 * last day and remembered as a span so windows that cut through it are
 * reported instead of silently miscounted.
 */
import type { AdPlatform, EntityAttributes, EntityLevel, MetricRow } from '../../shared/contracts';
import { DayCache } from './dates';
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
	attributesDay: number;
}

export function groupEntities(rows: IndexedRow[], dayCache = new DayCache()): { entities: Entity[]; lastDay: number } {
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
				attributesDay: Number.NEGATIVE_INFINITY,
			};
			builders.set(key, b);
		}
		b.rows.push(row);
		b.entity.itemIndexes.push(itemIndex);
		const stop = dayCache.get(row.dateStop);
		if (stop > lastDay) lastDay = stop;
		if (row.attributes && stop >= b.attributesDay) {
			b.entity.attributes = row.attributes;
			b.attributesDay = stop;
		}
		if (row.entityName !== null) b.entity.entityName = row.entityName;
	}

	const entities: Entity[] = [];
	for (const b of builders.values()) entities.push({ ...b.entity, series: buildSeries(b.rows, dayCache) });
	return { entities, lastDay };
}

function buildSeries(rows: MetricRow[], dayCache: DayCache): Series {
	const F = Series.FIELD_COUNT;
	// Sort once by booking day; usually already sorted, so this is cheap.
	const booked = rows.map((row) => ({ row, day: dayCache.get(row.dateStop) }));
	booked.sort((x, y) => x.day - y.day);
	const days: number[] = [];
	const perDay = new Float64Array(booked.length * F);
	const hasReach = new Uint8Array(booked.length);
	const spans: Array<{ start: number; end: number }> = [];
	for (const { row, day } of booked) {
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
		if (row.date !== row.dateStop) spans.push({ start: dayCache.get(row.date), end: day });
	}
	return new Series(days, perDay, hasReach, spans);
}
