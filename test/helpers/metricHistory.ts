/**
 * Stored history for the "Meta metrics every 30 minutes" template's Data
 * Table, made from rows it stored itself: tests seed a low baseline under a
 * few ads (so their real latest day is an anomaly), the bench a steady-state
 * month under every ad. Deterministic: no Math.random. The e2e run and the
 * bench load the compiled copy (build/test/helpers/metricHistory.js).
 */
type Row = Record<string, unknown> & { entityId: string; date: string };

const COUNTED = ['impressions', 'clicks', 'spend', 'conversions', 'value'] as const;
const SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt'];

function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * For each stored row (one ad, one day), `days` rows for the days before it:
 * the same ad, its counted metrics × `scale`, varied by up to ±`spread` (a
 * day-to-day wobble, so the baseline's robust spread is not zero). Money
 * keeps 2 decimals, counts stay whole; the Data Table's own columns are dropped.
 */
export function historyBefore(rows: Row[], { days, scale = 1, spread = 0.08 }: { days: number; scale?: number; spread?: number }): Row[] {
	const history: Row[] = [];
	for (const row of rows) {
		for (let back = 1; back <= days; back++) {
			const wobble = 1 + spread * Math.sin(back * 2.3 + row.entityId.length);
			const copy: Row = { ...row, date: addDays(row.date, -back), reach: null };
			for (const key of SYSTEM_COLUMNS) delete copy[key];
			for (const metric of COUNTED) {
				const scaled = Number(row[metric] ?? 0) * scale * wobble;
				copy[metric] = metric === 'spend' || metric === 'value' ? Math.round(scaled * 100) / 100 : Math.round(scaled);
			}
			history.push(copy);
		}
	}
	return history;
}
