/**
 * Score Performance's computation, pure: gate each entity on its window
 * totals, rank eligible entities of a level against each other, score
 * targets, and combine the weighted components into a 0–100 score.
 */
import { dayNumber, groupByEntity, groupTotals, roundTo, type EntityGroup, type Totals } from '../../../shared/analysis';
import { conversionRate, deriveMetrics } from '../../../shared/contracts/derive';
import type { InputRow } from '../../../shared/n8n/decisionNode';
import { medianSorted, percentileRank } from '../../stats/robust';
import { LOWER_IS_BETTER, type ScoreMetric, type ScoreOptions } from './description';

export interface Candidate {
	group: EntityGroup;
	totals: Totals;
	values: Record<ScoreMetric, number | null>;
}

/** Metric values for ranking: null = not applicable, Infinity = cost with no result (worst). */
function rankValues(t: Totals): Record<ScoreMetric, number | null> {
	const d = deriveMetrics(t);
	return {
		ctr: d.ctr,
		cvr: conversionRate(t),
		cpc: d.cpc ?? (t.spend > 0 ? Infinity : null),
		cpa: d.cpa ?? (t.spend > 0 ? Infinity : null),
		roas: d.roas,
	};
}

/** 50 at target, ±50 per doubling, clamped; ratio = how many times better than target. */
export function targetScore(ratioBetter: number): number {
	if (ratioBetter <= 0) return 0;
	if (!Number.isFinite(ratioBetter)) return 100;
	return Math.min(100, Math.max(0, 50 + 50 * Math.log2(ratioBetter)));
}

/** Why the window's totals are too thin to score, or null. */
function gateProblem(totals: Totals, o: ScoreOptions): string | null {
	if (totals.impressions < o.minImpressions) return `impressions ${totals.impressions} below the minimum ${o.minImpressions}`;
	if (totals.spend < o.minSpend) return `spend ${roundTo(totals.spend, 2)} below the minimum ${o.minSpend}`;
	if (totals.conversions < o.minConversions) return `conversions ${totals.conversions} below the minimum ${o.minConversions}`;
	return null;
}

export interface Eligibility {
	lastDay: number;
	fromDay: number;
	/** Eligible entities by level, in first-seen order. */
	byLevel: Map<string, Candidate[]>;
	/** Entities below a minimum, in first-seen order. */
	gated: Array<{ group: EntityGroup; totals: Totals; gate: string }>;
}

/** Totals over the window for every entity; those above every minimum become candidates of their level. */
export function eligibility(rows: readonly InputRow[], o: ScoreOptions): Eligibility {
	let lastDay = -Infinity;
	for (const r of rows) lastDay = Math.max(lastDay, dayNumber(r.row.date));
	const fromDay = o.windowDays > 0 ? lastDay - o.windowDays + 1 : -Infinity;
	const byLevel = new Map<string, Candidate[]>();
	const gated: Eligibility['gated'] = [];
	for (const group of groupByEntity(rows)) {
		const totals = groupTotals(group, fromDay);
		const gate = gateProblem(totals, o);
		if (gate) {
			gated.push({ group, totals, gate });
			continue;
		}
		const list = byLevel.get(group.level) ?? [];
		list.push({ group, totals, values: rankValues(totals) });
		byLevel.set(group.level, list);
	}
	return { lastDay, fromDay, byLevel, gated };
}

/** Each weighted metric's sorted values across a level's candidates (only with enough entities to rank). */
export function distributions(candidates: Candidate[], metrics: ScoreMetric[], o: ScoreOptions): Map<ScoreMetric, Float64Array> {
	const out = new Map<ScoreMetric, Float64Array>();
	if (candidates.length < o.minEntities) return out;
	for (const m of metrics) {
		const vals: number[] = [];
		for (const c of candidates) if (c.values[m] !== null) vals.push(c.values[m] as number);
		if (vals.length >= o.minEntities) out.set(m, Float64Array.from(vals).sort());
	}
	return out;
}

export interface Component {
	component: string;
	value: number;
	weight: number;
	/** 0–100. */
	score: number;
	percentile?: number;
	benchmark?: number;
	target?: number;
	/** weight share × (score − 50): the score is 50 + Σ contributions. */
	contribution: number;
}

/** The candidate's scored components (percentile ranks and targets) and its weighted score; null when nothing applies. */
export function scoreCandidate(c: Candidate, metrics: ScoreMetric[], dists: Map<ScoreMetric, Float64Array>, o: ScoreOptions): { score: number; components: Component[] } | null {
	const components: Array<Omit<Component, 'contribution'>> = [];
	for (const m of metrics) {
		const dist = dists.get(m);
		const v = c.values[m];
		if (!dist || v === null) continue;
		const rank = percentileRank(dist, v);
		const pct = LOWER_IS_BETTER[m] ? 1 - rank : rank;
		components.push({ component: m, value: v, weight: o.weights[m], score: 100 * pct, percentile: pct, benchmark: medianSorted(dist) });
	}
	if (o.targetWeight > 0 && o.targetCpa !== null && c.values.cpa !== null) {
		components.push({ component: 'targetCpa', value: c.values.cpa, weight: o.targetWeight, score: targetScore(o.targetCpa / c.values.cpa), target: o.targetCpa });
	}
	if (o.targetWeight > 0 && o.targetRoas !== null && c.values.roas !== null) {
		components.push({ component: 'targetRoas', value: c.values.roas, weight: o.targetWeight, score: targetScore(c.values.roas / o.targetRoas), target: o.targetRoas });
	}
	if (components.length === 0) return null;
	const totalWeight = components.reduce((s, x) => s + x.weight, 0);
	let score = 0;
	const withContribution = components.map((x) => {
		score += (x.weight / totalWeight) * x.score;
		return { ...x, contribution: (x.weight / totalWeight) * (x.score - 50) };
	});
	return { score, components: withContribution };
}
