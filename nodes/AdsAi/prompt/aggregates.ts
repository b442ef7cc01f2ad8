/**
 * Compact per-entity aggregates: what the model sees instead of raw rows.
 * Window totals and the ratios derived from them (the shared deriveMetrics,
 * never averaged daily ratios), the previous window of the same length for
 * the trend, budgets and status, and Ads Analytics score/anomaly findings
 * when they came in on the same input.
 */
import type { IDataObject } from 'n8n-workflow';

import { deriveMetrics, type DerivedMetrics, type MetricRow } from '../../shared/contracts';
import { dayNumber, dayString } from '../../shared/days';

export interface Totals {
	impressions: number;
	clicks: number;
	spend: number;
	conversions: number;
	value: number;
}

export interface WindowFacts extends Totals, DerivedMetrics {}

export interface EntityAggregate {
	key: string;
	platform: MetricRow['platform'];
	level: MetricRow['level'];
	entityId: string;
	entityName: string | null;
	campaignName: string | null;
	accountId: string;
	currency: string;
	status: string | null;
	dailyBudget: number | null;
	lifetimeBudget: number | null;
	current: WindowFacts;
	previous: WindowFacts | null;
	score: number | null;
	band: string | null;
	anomalies: string[];
	itemIndexes: number[];
}

export interface Window {
	days: number;
	/** Inclusive day numbers. */
	currentFrom: number;
	currentTo: number;
	previousFrom: number;
}

const zero = (): Totals => ({ impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 });

function add(into: Totals, row: Totals): void {
	into.impressions += row.impressions;
	into.clicks += row.clicks;
	into.spend += row.spend;
	into.conversions += row.conversions;
	into.value += row.value;
}

function facts(t: Totals): WindowFacts {
	return { ...t, ...deriveMetrics(t) };
}

/** The window ends on the latest date in the input (the account's "yesterday" or today). */
export function windowOf(rows: readonly MetricRow[], days: number): Window {
	let last = -Infinity;
	for (const row of rows) last = Math.max(last, dayNumber(row.dateStop ?? row.date));
	return { days, currentTo: last, currentFrom: last - days + 1, previousFrom: last - 2 * days + 1 };
}

export function windowLabel(w: Window): string {
	return `${dayString(w.currentFrom)}..${dayString(w.currentTo)}`;
}

interface Accumulator {
	agg: EntityAggregate;
	current: Totals;
	previous: Totals;
	previousRows: number;
}

function num(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Aggregates rows per entity (platform + level + id). Rows older than the
 * previous window are ignored; a multi-day row counts in the window its first day falls in.
 */
export function aggregateEntities(rows: ReadonlyArray<{ row: MetricRow; itemIndex: number }>, window: Window): EntityAggregate[] {
	const byKey = new Map<string, Accumulator>();
	for (const { row, itemIndex } of rows) {
		const key = `${row.platform}|${row.level}|${row.entityId}`;
		let acc = byKey.get(key);
		if (!acc) {
			acc = {
				agg: {
					key,
					platform: row.platform,
					level: row.level,
					entityId: row.entityId,
					entityName: row.entityName,
					campaignName: row.level === 'campaign' ? null : row.campaignName,
					accountId: row.accountId,
					currency: row.currency,
					status: null,
					dailyBudget: null,
					lifetimeBudget: null,
					current: facts(zero()),
					previous: null,
					score: null,
					band: null,
					anomalies: [],
					itemIndexes: [],
				},
				current: zero(),
				previous: zero(),
				previousRows: 0,
			};
			byKey.set(key, acc);
		}
		acc.agg.itemIndexes.push(itemIndex);
		const day = dayNumber(row.date);
		if (day >= window.currentFrom) {
			add(acc.current, row);
			// The latest row's attributes describe the entity now.
			const a = row.attributes;
			if (a) {
				acc.agg.status = typeof a.status === 'string' ? a.status : acc.agg.status;
				acc.agg.dailyBudget = num(a.dailyBudget) ?? acc.agg.dailyBudget;
				acc.agg.lifetimeBudget = num(a.lifetimeBudget) ?? acc.agg.lifetimeBudget;
			}
		} else if (day >= window.previousFrom) {
			add(acc.previous, row);
			acc.previousRows++;
		}
	}
	return [...byKey.values()].map((acc) => ({
		...acc.agg,
		current: facts(acc.current),
		previous: acc.previousRows > 0 ? facts(acc.previous) : null,
	}));
}

/**
 * Ads Analytics items (Score Performance, Detect Anomalies) that came in with
 * the rows: attached to their entity so the model sees the score and findings.
 * Returns how many items were used.
 */
export function attachAnalytics(entities: readonly EntityAggregate[], items: readonly IDataObject[]): number {
	const byKey = new Map(entities.map((e) => [e.key, e]));
	let used = 0;
	for (const item of items) {
		const key = `${String(item.platform)}|${String(item.level)}|${String(item.entityId)}`;
		const entity = byKey.get(key);
		if (!entity || item.skipped === true) continue;
		if (item.operation === 'scorePerformance' && typeof item.score === 'number') {
			entity.score = item.score;
			entity.band = typeof item.band === 'string' ? item.band : null;
			used++;
		} else if (item.operation === 'detectAnomalies' && typeof item.metric === 'string') {
			entity.anomalies.push(`${item.metric} ${String(item.direction)} on ${String(item.date)} (${String(item.severity)})`);
			used++;
		}
	}
	return used;
}

/** True for Ads Analytics findings, which are read as annotations instead of metric rows. */
export function isAnalyticsItem(json: IDataObject): boolean {
	return json.operation === 'scorePerformance' || json.operation === 'detectAnomalies';
}
