/**
 * Reading and grouping metric rows for every analytics operation: parse each
 * input item once with the shared contract, group by entity once
 * (platform + level + entityId), and build gap-filled daily series.
 */
import type { IDataObject } from 'n8n-workflow';

import { deriveMetrics } from '../contracts/derive';
import type { EntityLevel, MetricRow } from '../contracts/metricRow';
import { parseMetricRow } from '../contracts/validate';
import { dayNumber } from '../days';

export interface InputRow {
	row: MetricRow;
	itemIndex: number;
	/** The item as received, for fields the contract does not carry (e.g. a variant label). */
	json: IDataObject;
}

export interface RowProblem {
	itemIndex: number;
	problems: string[];
}

/** Parses every item; bad items are returned with their problems instead of being dropped silently. */
export function parseRows(jsons: readonly IDataObject[]): { rows: InputRow[]; invalid: RowProblem[] } {
	const rows: InputRow[] = [];
	const invalid: RowProblem[] = [];
	for (let i = 0; i < jsons.length; i++) {
		const parsed = parseMetricRow(jsons[i]);
		if (parsed.ok) rows.push({ row: parsed.value, itemIndex: i, json: jsons[i] });
		else invalid.push({ itemIndex: i, problems: parsed.problems });
	}
	return { rows, invalid };
}

export interface Totals {
	impressions: number;
	clicks: number;
	spend: number;
	conversions: number;
	value: number;
}

export const zeroTotals = (): Totals => ({ impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 });

export function addTotals(into: Totals, row: Totals): void {
	into.impressions += row.impressions;
	into.clicks += row.clicks;
	into.spend += row.spend;
	into.conversions += row.conversions;
	into.value += row.value;
}

export interface EntityGroup {
	key: string;
	platform: MetricRow['platform'];
	level: EntityLevel;
	entityId: string;
	entityName: string | null;
	accountId: string;
	currency: string;
	rows: InputRow[];
	/** Input item indexes, for pairedItem of aggregate outputs. */
	itemIndexes: number[];
}

export function entityKey(row: MetricRow): string {
	return `${row.platform}|${row.level}|${row.entityId}`;
}

/** Groups rows by entity in first-seen order; `level` keeps only rows of that level. */
export function groupByEntity(rows: readonly InputRow[], level?: EntityLevel): EntityGroup[] {
	const groups = new Map<string, EntityGroup>();
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
		if (group.entityName === null && r.entityName !== null) group.entityName = r.entityName;
		group.rows.push(input);
		group.itemIndexes.push(input.itemIndex);
	}
	return [...groups.values()];
}

export function groupTotals(group: EntityGroup, fromDay = -Infinity): Totals {
	const t = zeroTotals();
	for (const { row } of group.rows) if (dayNumber(row.date) >= fromDay) addTotals(t, row);
	return t;
}

// Day numbering is shared with the other nodes; `dateOf` is its inverse.
export { dayNumber, dayString as dateOf } from '../days';

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

export type SeriesMetric = 'impressions' | 'clicks' | 'spend' | 'conversions' | 'value' | 'ctr' | 'cpc' | 'cpm' | 'cpa' | 'roas';

/**
 * A metric from totals: counts as summed, ratios from the same totals, null
 * on a 0 denominator (the same definitions as deriveMetrics, inlined because
 * this runs once per entity, metric and day).
 */
export function metricFromTotals(t: Totals, metric: SeriesMetric): number | null {
	switch (metric) {
		case 'impressions':
		case 'clicks':
		case 'spend':
		case 'conversions':
		case 'value':
			return t[metric];
		case 'ctr':
			return t.impressions > 0 ? t.clicks / t.impressions : null;
		case 'cpc':
			return t.clicks > 0 ? t.spend / t.clicks : null;
		case 'cpm':
			return t.impressions > 0 ? (t.spend / t.impressions) * 1000 : null;
		case 'cpa':
			return t.conversions > 0 ? t.spend / t.conversions : null;
		case 'roas':
			return t.spend > 0 ? t.value / t.spend : null;
		default:
			return deriveMetrics(t)[metric as keyof ReturnType<typeof deriveMetrics>];
	}
}

/** Rounds for output only (never before computing). */
export function round(value: number | null, digits = 6): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
