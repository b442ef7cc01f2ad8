/**
 * Rule metrics: the metric-row metrics (read over a window from the shared
 * analysis module's `metricFromTotals`) plus entity attributes, and how
 * rules print them.
 */
import { roundTo as round } from '../../shared/analysis';
import { METRIC_NAMES } from '../../shared/contracts';
import { daysSince } from './dates';
import type { Entity } from '../../shared/analysis/entities';
import type { RuleMetric } from './types';

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

// Rules round for display with the shared helper.
export { round };
