/**
 * Top and bottom entities by the chosen KPI over the current window, within
 * each currency (a CPA in EUR and one in JPY are not comparable). Ratios are
 * computed from summed totals, never averaged; entities without a value
 * (e.g. no conversions for CPA) or below the minimum spend are not ranked.
 */
import { addTotals, metricFromTotals, zeroTotals } from '../../shared/analysis';
import type { InputRow } from '../../shared/n8n/decisionNode';
import type { EntityLevel } from '../../shared/contracts/metricRow';
import { dayNumber } from '../../shared/days';
import { contains } from './period';
import type { CurrencySection, Kpi, Periods, RankedEntity } from './types';

/** KPIs where less is better. */
const LOWER_IS_BETTER: ReadonlySet<Kpi> = new Set<Kpi>(['cpa', 'cpc']);

export function lowerIsBetter(kpi: Kpi): boolean {
	return LOWER_IS_BETTER.has(kpi);
}

function candidates(section: CurrencySection, rows: readonly InputRow[], level: EntityLevel, periods: Periods): RankedEntity[] {
	if (level === 'campaign' || level === 'account') {
		const lines = level === 'campaign' ? section.campaigns : section.accounts;
		return lines.map((line) => ({
			platform: line.platform,
			level,
			entityId: 'campaignId' in line ? line.campaignId : line.accountId,
			entityName: 'campaignName' in line ? line.campaignName : line.accountName,
			accountId: line.accountId,
			currency: section.currency,
			kpiValue: NaN,
			totals: line.current,
		}));
	}
	const byEntity = new Map<string, RankedEntity>();
	for (const { row } of rows) {
		if (row.level !== level || row.currency !== section.currency) continue;
		if (!contains(periods.current, dayNumber(row.date)) || !contains(periods.current, dayNumber(row.dateStop))) continue;
		const key = `${row.platform}|${row.entityId}`;
		let entity = byEntity.get(key);
		if (!entity) {
			entity = { platform: row.platform, level, entityId: row.entityId, entityName: row.entityName, accountId: row.accountId, currency: row.currency, kpiValue: NaN, totals: zeroTotals() };
			byEntity.set(key, entity);
		}
		entity.entityName ??= row.entityName;
		addTotals(entity.totals, row);
	}
	return [...byEntity.values()];
}

/** Fills `top`, `bottom` and `rankedCount` of each section. */
export function rankEntities(sections: CurrencySection[], rows: readonly InputRow[], periods: Periods, kpi: Kpi, level: EntityLevel, topN: number, minSpend: number): void {
	const sign = lowerIsBetter(kpi) ? 1 : -1;
	for (const section of sections) {
		const ranked = candidates(section, rows, level, periods)
			.filter((e) => e.totals.spend >= minSpend)
			.map((e) => ({ ...e, kpiValue: metricFromTotals(kpi, e.totals) as number }))
			.filter((e) => e.kpiValue !== null && Number.isFinite(e.kpiValue))
			// Best first; ties broken by spend (more evidence first), then id for a stable order.
			.sort((a, b) => sign * (a.kpiValue - b.kpiValue) || b.totals.spend - a.totals.spend || a.entityId.localeCompare(b.entityId));
		section.rankedCount = ranked.length;
		// Few entities are split between the lists (3 → 2 top, 1 bottom) so both say something and none appears twice.
		const topCount = Math.min(topN, Math.ceil(ranked.length / 2));
		const bottomCount = Math.min(topN, ranked.length - topCount);
		section.top = ranked.slice(0, topCount);
		section.bottom = ranked.slice(ranked.length - bottomCount).reverse();
	}
}
