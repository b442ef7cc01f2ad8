/**
 * Builds insights rows: for each entity at the requested level and each
 * period, sum its ads' daily metrics (lazily generated) and split them across
 * breakdown values. Results are memoized per query and state version, so
 * paging through 60k rows does not recompute them per page.
 */
import { addDays, daysBetween } from '../../dataset/dates';
import { addMetrics, dailyMetrics, EMPTY_METRICS, isEmptyMetrics, splitInteger, type DailyMetrics } from '../../dataset/metrics';
import { matches, resolveField } from '../filtering';
import type { MetaObject, MetaStore } from '../store';
import { breakdownCombos } from './breakdowns';
import type { InsightsLevel, InsightsQuery } from './query';

export interface InsightsScope {
	level: InsightsLevel;
	/** Numeric account id or object id. */
	id: string;
}

export interface RawRow {
	/** Id of the entity at the query level (numeric account id at account level). */
	entityId: string;
	/** The ad object at ad level, or a representative descendant for names/ids above it. */
	ancestors: { accountId: string; campaignId?: string; adSetId?: string; adId?: string };
	since: string;
	until: string;
	breakdown: Record<string, string>;
	metrics: DailyMetrics;
	adCount: number;
}

const METRIC_KEYS = Object.keys(EMPTY_METRICS) as Array<keyof DailyMetrics>;
const LEVEL_FIELD: Record<InsightsLevel, string> = { account: 'account_id', campaign: 'campaign_id', adset: 'adset_id', ad: 'id' };

export function periods(since: string, until: string, increment: InsightsQuery['increment']): Array<[string, string]> {
	if (increment === 'all_days') return [[since, until]];
	const out: Array<[string, string]> = [];
	let start = since;
	while (start <= until) {
		let end: string;
		if (increment === 'monthly') {
			const nextMonth = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 1)).toISOString().slice(0, 10);
			end = addDays(nextMonth, -1);
		} else end = addDays(start, increment - 1);
		if (end > until) end = until;
		out.push([start, end]);
		start = addDays(end, 1);
	}
	return out;
}

function inScope(ad: MetaObject, scope: InsightsScope): boolean {
	return String(ad.data[LEVEL_FIELD[scope.level]]) === scope.id;
}

function adPassesFilters(store: MetaStore, ad: MetaObject, query: InsightsQuery): boolean {
	// Filters name their level (campaign.name, adset.id, ad.effective_status); we evaluate them against the leaf ad.
	return query.filtering.every((clause) => {
		const field = clause.field.startsWith('account.') ? clause.field.replace('account.', '') : clause.field;
		return matches(resolveField(store, ad, field.includes('.') ? field : `ad.${field}`), clause);
	});
}

const HIDDEN_STATUSES = new Set(['DELETED', 'ARCHIVED']);

/**
 * Graph leaves DELETED and ARCHIVED objects of the query's level out of
 * insights unless the query filters on that level's effective_status.
 */
function hiddenAtLevel(store: MetaStore, ad: MetaObject, query: InsightsQuery): boolean {
	if (query.level === 'account') return false;
	if (query.filtering.some((clause) => clause.field === `${query.level}.effective_status`)) return false;
	const object = query.level === 'ad' ? ad : store.get(String(ad.data[LEVEL_FIELD[query.level]]));
	return object !== undefined && HIDDEN_STATUSES.has(String(object.data.status));
}

function periodMetrics(store: MetaStore, adId: string, since: string, until: string): DailyMetrics {
	const profile = store.profiles.get(adId);
	const total: DailyMetrics = { ...EMPTY_METRICS };
	if (!profile) return total;
	const { seed } = store.tree.settings;
	const from = since < store.tree.firstDay ? store.tree.firstDay : since;
	const to = until > store.tree.lastDay ? store.tree.lastDay : until;
	for (let day = from; day <= to; day = addDays(day, 1)) addMetrics(total, dailyMetrics(seed, adId, day, profile));
	return total;
}

/** Reach does not add up across ads and days; approximate deduplication, never above impressions. */
function dedupeReach(row: RawRow): void {
	const days = daysBetween(row.since, row.until);
	const overlap = (1 + 0.25 * Math.log(days)) * (row.adCount > 1 ? 1.1 : 1);
	row.metrics.reach = Math.max(row.metrics.impressions > 0 ? 1 : 0, Math.min(row.metrics.impressions, Math.round(row.metrics.reach / overlap)));
}

function computeRows(store: MetaStore, scope: InsightsScope, query: InsightsQuery): RawRow[] {
	const ads = [...store.objects.values()].filter(
		(o) => o.type === 'ad' && inScope(o, scope) && adPassesFilters(store, o, query) && !hiddenAtLevel(store, o, query),
	);
	const spans = periods(query.since, query.until, query.increment);
	const byKey = new Map<string, RawRow>();
	const levelField = LEVEL_FIELD[query.level];
	for (const ad of ads) {
		const entityId = String(ad.data[levelField]);
		const adSet = store.get(String(ad.data.adset_id));
		const countries = ((adSet?.data.targeting as { geo_locations?: { countries?: string[] } } | undefined)?.geo_locations?.countries) ?? [];
		const combos = query.breakdowns.length > 0 ? breakdownCombos(store.tree.settings.seed, String(ad.data.id), query.breakdowns, countries) : [{ values: {}, share: 1 }];
		for (const [since, until] of spans) {
			const metrics = periodMetrics(store, String(ad.data.id), since, until);
			if (isEmptyMetrics(metrics)) continue;
			const parts = combos.length === 1 ? [metrics] : splitMetrics(metrics, combos.map((c) => c.share));
			combos.forEach((combo, i) => {
				if (isEmptyMetrics(parts[i])) return;
				const key = `${since}|${entityId}|${JSON.stringify(combo.values)}`;
				let row = byKey.get(key);
				if (!row) {
					row = {
						entityId,
						ancestors: {
							accountId: String(ad.data.account_id),
							campaignId: query.level === 'account' ? undefined : String(ad.data.campaign_id),
							adSetId: query.level === 'adset' || query.level === 'ad' ? String(ad.data.adset_id) : undefined,
							adId: query.level === 'ad' ? String(ad.data.id) : undefined,
						},
						since,
						until,
						breakdown: combo.values,
						metrics: { ...EMPTY_METRICS },
						adCount: 0,
					};
					byKey.set(key, row);
				}
				addMetrics(row.metrics, parts[i]);
				row.adCount++;
			});
		}
	}
	const rows = [...byKey.values()];
	rows.forEach(dedupeReach);
	// Graph's order: by period, then entity, then breakdown values.
	return rows.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
}

function splitMetrics(metrics: DailyMetrics, shares: number[]): DailyMetrics[] {
	const parts = shares.map(() => ({ ...EMPTY_METRICS }));
	for (const key of METRIC_KEYS) splitInteger(metrics[key], shares).forEach((v, i) => (parts[i][key] = v));
	// Keep the invariants per part after independent rounding.
	for (const p of parts) {
		p.clicks = Math.min(p.clicks, p.impressions);
		p.linkClicks = Math.min(p.linkClicks, p.clicks);
		p.reach = Math.min(p.reach, p.impressions);
	}
	return parts;
}

const cache = new WeakMap<MetaStore, Map<string, { version: number; rows: RawRow[] }>>();
const CACHE_ENTRIES = 6;

export function insightsRows(store: MetaStore, scope: InsightsScope, query: InsightsQuery): RawRow[] {
	let entries = cache.get(store);
	if (!entries) cache.set(store, (entries = new Map()));
	const key = JSON.stringify([scope, query.level, query.since, query.until, query.increment, query.breakdowns, query.filtering]);
	const hit = entries.get(key);
	if (hit && hit.version === store.version) return hit.rows;
	const rows = computeRows(store, scope, query);
	entries.delete(key);
	entries.set(key, { version: store.version, rows });
	while (entries.size > CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
	return rows;
}
