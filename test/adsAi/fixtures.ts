/**
 * Metric rows for Ads AI tests: ad sets with distinct fortunes (a winner,
 * a loser with spend and no conversions, an expensive one, steady ones),
 * 14 daily rows each, so the current and previous 7-day windows both exist.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { METRIC_ROW_SCHEMA } from '../../nodes/shared/contracts';

export const LAST_DAY = '2026-11-19';

export interface EntitySpec {
	id: string;
	name?: string;
	spendPerDay: number;
	conversionsPerDay: number;
	valuePerConversion?: number;
	dailyBudget?: number | null;
	status?: string;
	platform?: 'meta' | 'google';
	currency?: string;
	level?: 'campaign' | 'adSet' | 'ad';
}

function dayBefore(date: string, n: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - n);
	return d.toISOString().slice(0, 10);
}

export function rowsFor(specs: readonly EntitySpec[], days = 14): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const s of specs) {
		for (let d = days - 1; d >= 0; d--) {
			const date = dayBefore(LAST_DAY, d);
			const conversions = s.conversionsPerDay;
			rows.push({
				schema: METRIC_ROW_SCHEMA,
				platform: s.platform ?? 'meta',
				level: s.level ?? 'adSet',
				entityId: s.id,
				entityName: s.name ?? `Ad set ${s.id}`,
				accountId: '1234567890',
				campaignId: '555',
				campaignName: 'Prospecting',
				date,
				dateStop: date,
				currency: s.currency ?? 'EUR',
				impressions: Math.round(s.spendPerDay * 100),
				clicks: Math.round(s.spendPerDay * 2),
				spend: s.spendPerDay,
				conversions,
				value: conversions * (s.valuePerConversion ?? 60),
				reach: null,
				attributes: { status: s.status ?? 'ACTIVE', dailyBudget: s.dailyBudget === undefined ? s.spendPerDay * 1.2 : s.dailyBudget },
			});
		}
	}
	return rows;
}

export const STANDARD: EntitySpec[] = [
	{ id: '120000000000000001', name: 'Winners | Lookalike', spendPerDay: 50, conversionsPerDay: 5 },
	{ id: '120000000000000002', name: 'Broad | No results', spendPerDay: 40, conversionsPerDay: 0 },
	{ id: '120000000000000003', name: 'Interests | Expensive', spendPerDay: 60, conversionsPerDay: 1 },
	{ id: '120000000000000004', name: 'Retargeting | Steady', spendPerDay: 30, conversionsPerDay: 1.5 },
	{ id: '120000000000000005', name: 'Video | Steady', spendPerDay: 25, conversionsPerDay: 1.25 },
];

export function items(rows: readonly IDataObject[]): INodeExecutionData[] {
	return rows.map((json) => ({ json }));
}

/** Many entities with a spread of results, for size and budget tests. */
export function manyEntities(count: number): EntitySpec[] {
	return Array.from({ length: count }, (_, i) => ({
		id: String(130000000000000000n + BigInt(i)),
		name: `Ad ${i} | ${['Summer', 'Winter', 'Brand', 'Generic'][i % 4]} creative ${i % 7}`,
		spendPerDay: 5 + ((i * 37) % 90),
		conversionsPerDay: ((i * 13) % 11) / 4,
		level: 'ad' as const,
	}));
}
