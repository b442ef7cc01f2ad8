/**
 * Compare A/B Test: two or more variants (entities, or a field of the
 * items) on CTR or conversion rate.
 *   - Frequentist: chi-square test of independence across all k variants,
 *     and a pooled two-proportion z-test of each variant against the
 *     control, Bonferroni-corrected for the k − 1 comparisons.
 *   - Bayesian: Beta(1 + S, 1 + F) posteriors, probability to be best and
 *     expected loss, by deterministic numerical integration.
 *   - Sample size per arm still needed for the observed effect.
 * Verdict:
 *   winner       — overall test significant at α, the best variant's
 *                  P(best) ≥ threshold, and (if it is not the control) its
 *                  corrected z-test against the control is significant;
 *   no difference — not a winner, yet every variant already has the trials
 *                  needed to detect the minimum detectable effect;
 *   keep running — otherwise (with the trials still needed).
 */
import type { InputRow } from '../../../shared/n8n/decisionNode';
import type { AnalyticsOperation, AnalyticsResult } from '../types';
import { collectVariants, controlIndexOf, runAbTest } from './compute';
import { description, METRIC_PARTS, readOptions, type AbOptions } from './description';
import { abResult, baseFields, notEnoughData } from './output';

export { description, optionsProblem, readOptions, type AbMetric, type AbOptions } from './description';

export function compareAbTest(rows: readonly InputRow[], o: AbOptions): AnalyticsResult[] {
	const list = collectVariants(rows, o);
	const items = rows.map((r) => r.itemIndex);
	const control = controlIndexOf(list, o, items[0] ?? 0);
	const base = baseFields(list, o, control);
	if (list.some((v) => v.totals[METRIC_PARTS[o.metric].trials] < o.minTrials)) return [notEnoughData(list, o, base, items)];
	return [abResult(list, o, runAbTest(list, o, control), base, items)];
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return compareAbTest(rows, readOptions(ctx));
	},
};
