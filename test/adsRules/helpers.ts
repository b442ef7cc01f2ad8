/** Builders shared by the Ads Rules tests. */
import { parseMetricRow, type MetricRow } from '../../nodes/shared/contracts';
import type { IndexedRow } from '../../nodes/shared/analysis/entities';
import { parseRules } from '../../nodes/AdsRules/engine/schema';
import type { EngineOptions, Rule } from '../../nodes/AdsRules/engine/types';

export const NOW = Date.parse('2025-03-10T12:00:00Z');

export interface RowInput {
	entityId?: string;
	entityName?: string;
	level?: string;
	accountId?: string;
	date: string;
	dateStop?: string;
	impressions?: number;
	clicks?: number;
	spend?: number;
	conversions?: number;
	value?: number;
	reach?: number | null;
	attributes?: Record<string, unknown>;
	platform?: string;
}

export function rawRow(r: RowInput): Record<string, unknown> {
	return {
		platform: r.platform ?? 'meta',
		level: r.level ?? 'adSet',
		entityId: r.entityId ?? 'as1',
		entityName: r.entityName ?? `Ad set ${r.entityId ?? 'as1'}`,
		accountId: r.accountId ?? '111',
		date: r.date,
		dateStop: r.dateStop ?? r.date,
		currency: 'EUR',
		impressions: r.impressions ?? 0,
		clicks: r.clicks ?? 0,
		spend: r.spend ?? 0,
		conversions: r.conversions ?? 0,
		value: r.value ?? 0,
		reach: r.reach ?? null,
		...(r.attributes ? { attributes: r.attributes } : {}),
	};
}

export function row(r: RowInput): MetricRow {
	const parsed = parseMetricRow(rawRow(r));
	if (!parsed.ok) throw new Error(parsed.problems.join('; '));
	return parsed.value;
}

export function indexed(inputs: RowInput[]): IndexedRow[] {
	return inputs.map((r, itemIndex) => ({ row: row(r), itemIndex }));
}

/** `n` consecutive days ending `end` (inclusive), one row per day from `f(dayIndex, date)`. */
export function days(end: string, n: number, f: (i: number, date: string) => Omit<RowInput, 'date'>): RowInput[] {
	const endMs = Date.parse(`${end}T00:00:00Z`);
	const out: RowInput[] = [];
	for (let i = 0; i < n; i++) {
		const date = new Date(endMs - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10);
		out.push({ ...f(i, date), date });
	}
	return out;
}

export function rules(raw: unknown[]): Rule[] {
	return parseRules(raw);
}

export function opts(over: Partial<EngineOptions> = {}): EngineOptions {
	return { referenceDate: null, matchMode: 'all', maxBudgetChangePercent: null, decisionLog: true, now: NOW, ...over };
}
