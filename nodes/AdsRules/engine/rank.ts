/**
 * Peer ranks for "bottom N by ROAS" conditions. Ranks are computed once per
 * rule and condition over all in-scope entities, then looked up per entity.
 * Ties share a rank (1 + number of peers strictly better placed), so the
 * result does not depend on input order.
 */
import type { Entity } from '../../shared/analysis/entities';
import { metricFromTotals } from '../../shared/analysis';
import type { Condition } from './types';
import { resolveWindow } from '../../shared/analysis/windows';

export interface RankInfo {
	rank: number;
	peers: number;
	value: number;
}

export function computeRanks(cond: Condition, entities: Entity[], today: number): Map<string, RankInfo> {
	if (cond.left.kind !== 'rank') return new Map();
	const { direction, scope } = cond.left;
	const range = resolveWindow(cond.window, today);
	const groups = new Map<string, Array<{ key: string; value: number }>>();
	for (const e of entities) {
		const value = metricFromTotals(cond.metric, e.series.totals(range));
		// Entities without a value (e.g. ROAS with no spend) are not ranked.
		if (value === null) continue;
		const g = scope === 'account' ? e.accountId : '*';
		let list = groups.get(g);
		if (!list) groups.set(g, (list = []));
		list.push({ key: e.key, value });
	}
	const out = new Map<string, RankInfo>();
	for (const list of groups.values()) {
		list.sort((a, b) => (direction === 'bottom' ? a.value - b.value : b.value - a.value));
		let rank = 1;
		for (let i = 0; i < list.length; i++) {
			if (i > 0 && list[i].value !== list[i - 1].value) rank = i + 1;
			out.set(list[i].key, { rank, peers: list.length, value: list[i].value });
		}
	}
	return out;
}
