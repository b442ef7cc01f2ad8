/**
 * Score Performance: a 0–100 score per entity against the account's own
 * distribution. Each weighted component scores 0–100:
 *   - a metric's mid-rank percentile among eligible entities of the same
 *     level (CPA and CPC inverted: lower is better);
 *   - a target's attainment, 50 + 50·log2(target/actual) for CPA and
 *     50 + 50·log2(actual/target) for ROAS, clamped to 0–100 (on target = 50,
 *     twice as good = 100, half as good = 0).
 * The score is the weighted mean, so it decomposes exactly into
 * 50 + Σ contributions with contribution = weight share × (component − 50):
 * the drivers are the largest positive and negative contributions.
 * Spend without conversions (or clicks) makes CPA (or CPC) infinite: the worst rank.
 */
import type { IDataObject } from 'n8n-workflow';

import type { InputRow } from '../../../shared/n8n/decisionNode';
import type { AnalyticsOperation, AnalyticsResult } from '../types';
import { distributions, eligibility, scoreCandidate, type Candidate } from './compute';
import { description, readOptions, type ScoreMetric, type ScoreOptions } from './description';
import { gatedItem, scoredJson, unscoredItem } from './output';

export { targetScore } from './compute';
export { description, optionsProblem, readOptions, type ScoreMetric, type ScoreOptions } from './description';

export function scorePerformance(rows: readonly InputRow[], o: ScoreOptions): AnalyticsResult[] {
	const e = eligibility(rows, o);
	const out: AnalyticsResult[] = e.gated.map(gatedItem);
	const metrics = (Object.keys(o.weights) as ScoreMetric[]).filter((m) => o.weights[m] > 0);
	// Rank within each level: unscorable entities first, then the level's scores, best first.
	for (const [level, candidates] of e.byLevel) {
		const dists = distributions(candidates, metrics, o);
		const scored: Array<{ c: Candidate; score: number; json: IDataObject }> = [];
		for (const c of candidates) {
			const result = scoreCandidate(c, metrics, dists, o);
			if (result === null) out.push(unscoredItem(c, level, candidates.length, o));
			else scored.push({ c, score: result.score, json: scoredJson(c, result.score, result.components, e, candidates.length, o) });
		}
		scored.sort((a, b) => b.score - a.score);
		scored.forEach((s, i) => {
			s.json.rank = i + 1;
			s.json.rankOf = scored.length;
			out.push({ json: s.json, items: s.c.group.itemIndexes });
		});
	}
	return out;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return scorePerformance(rows, readOptions(ctx));
	},
};
