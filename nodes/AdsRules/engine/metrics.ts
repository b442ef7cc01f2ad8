/**
 * Metric values over a window. Ratios come from the window's summed totals
 * through the shared `deriveMetrics`, never from averaging daily ratios.
 */
import { deriveFrequency, deriveMetrics, METRIC_NAMES } from '../../shared/contracts';
import { daysSince } from './dates';
import type { Entity } from '../../shared/analysis/entities';
import type { RuleMetric } from './types';
import type { Totals } from '../../shared/analysis/windows';

export const ATTRIBUTE_METRICS = ['daysSinceCreated', 'dailyBudget', 'lifetimeBudget'] as const;
export const RULE_METRICS: readonly RuleMetric[] = [...METRIC_NAMES, ...ATTRIBUTE_METRICS];

export function isRuleMetric(name: unknown): name is RuleMetric {
	return typeof name === 'string' && (RULE_METRICS as readonly string[]).includes(name);
}

/** Metrics that do not depend on a window (read from the entity's attributes). */
export function isAttributeMetric(m: RuleMetric): boolean {
	return (ATTRIBUTE_METRICS as readonly string[]).includes(m);
}

const MONEY = new Set<RuleMetric>(['spend', 'value', 'cpc', 'cpm', 'cpa', 'dailyBudget', 'lifetimeBudget']);

export function metricFromTotals(metric: RuleMetric, t: Totals): number | null {
	switch (metric) {
		case 'impressions':
		case 'clicks':
		case 'spend':
		case 'conversions':
		case 'value':
			return t[metric];
		case 'reach':
			return t.reach;
		// Summed daily reach over-counts people reached on several days, so over
		// multi-day windows this frequency is a lower bound (see README).
		case 'frequency':
			return deriveFrequency(t.impressions, t.reach);
		case 'ctr':
		case 'cpc':
		case 'cpm':
		case 'cpa':
		case 'roas':
			return deriveMetrics(t)[metric];
		default:
			return null;
	}
}

export function attributeMetric(metric: RuleMetric, entity: Entity, today: number): number | null {
	const a = entity.attributes;
	if (!a) return null;
	switch (metric) {
		case 'dailyBudget':
			return typeof a.dailyBudget === 'number' && Number.isFinite(a.dailyBudget) ? a.dailyBudget : null;
		case 'lifetimeBudget':
			return typeof a.lifetimeBudget === 'number' && Number.isFinite(a.lifetimeBudget) ? a.lifetimeBudget : null;
		case 'daysSinceCreated':
			return typeof a.createdTime === 'string' ? daysSince(a.createdTime, today) : null;
		default:
			return null;
	}
}

/** Human text for templates and reasons: money with 2 decimals, CTR in %, counts as integers. */
export function formatMetric(metric: RuleMetric, v: number | null): string {
	if (v === null) return 'n/a';
	if (metric === 'ctr') return `${round(v * 100, 2)}%`;
	if (MONEY.has(metric)) return round(v, 2).toFixed(2);
	if (metric === 'roas' || metric === 'frequency') return String(round(v, 2));
	return String(round(v, 2));
}

export function round(v: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}
