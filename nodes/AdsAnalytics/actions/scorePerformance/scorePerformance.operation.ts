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
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conversionRate, deriveMetrics } from '../../../shared/contracts/derive';
import { dateOf, dayNumber, groupByEntity, groupTotals, round, type EntityGroup, type Totals } from '../../../shared/analysis';
import { type InputRow } from '../../../shared/n8n/decisionNode';
import { medianSorted, percentileRank } from '../../stats/robust';
import { entityFields, showFor, skipped, type AnalyticsOperation, type AnalyticsResult } from '../types';

const OPERATION = 'scorePerformance';

export type ScoreMetric = 'ctr' | 'cvr' | 'cpc' | 'cpa' | 'roas';

const LOWER_IS_BETTER: Record<ScoreMetric, boolean> = { ctr: false, cvr: false, cpc: true, cpa: true, roas: false };

export interface ScoreOptions {
	weights: Record<ScoreMetric, number>;
	targetCpa: number | null;
	targetRoas: number | null;
	targetWeight: number;
	/** 0 = all rows; otherwise only the last N days (relative to the latest date in the input). */
	windowDays: number;
	minImpressions: number;
	minSpend: number;
	minConversions: number;
	/** Fewest eligible entities at a level for percentile ranks to mean anything. */
	minEntities: number;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Window (Days)',
		name: 'scoreWindowDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Score over the last N days of the input (0 = all rows). Ratios come from the window totals.',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Target CPA',
		name: 'targetCpa',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Optional target cost per conversion in the account currency (0 = no target)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Target ROAS',
		name: 'targetRoas',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Optional target return on ad spend as a ratio, e.g. 3 for 300 % (0 = no target)',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Weights',
		name: 'scoreWeights',
		type: 'collection',
		placeholder: 'Change Weight',
		default: {},
		description: 'Relative weight of each component (0 leaves it out). Defaults: CTR 1, CVR 1, CPC 1, CPA 2, ROAS 2, targets 2.',
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'CPA', name: 'cpa', type: 'number', typeOptions: { minValue: 0 }, default: 2 },
			{ displayName: 'CPC', name: 'cpc', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'CTR', name: 'ctr', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'CVR (Conversions / Clicks)', name: 'cvr', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
			{ displayName: 'ROAS', name: 'roas', type: 'number', typeOptions: { minValue: 0 }, default: 2 },
			{ displayName: 'Targets', name: 'targets', type: 'number', typeOptions: { minValue: 0 }, default: 2, description: 'Weight of each target component (CPA and ROAS)' },
		],
	},
	{
		displayName: 'Minimum Data',
		name: 'scoreMinimums',
		type: 'collection',
		placeholder: 'Change Minimum',
		default: {},
		description: 'Entities below these are skipped with a reason instead of scored on noise',
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'Minimum Impressions', name: 'minImpressions', type: 'number', typeOptions: { minValue: 0 }, default: 1000 },
			{ displayName: 'Minimum Spend', name: 'minSpend', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{ displayName: 'Minimum Conversions', name: 'minConversions', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{
				displayName: 'Minimum Entities per Level',
				name: 'minEntities',
				type: 'number',
				typeOptions: { minValue: 2 },
				default: 3,
				description: 'Fewest eligible entities of one level needed for percentile components',
			},
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): ScoreOptions {
	const w = ctx.getNodeParameter('scoreWeights', 0, {}) as IDataObject;
	const m = ctx.getNodeParameter('scoreMinimums', 0, {}) as IDataObject;
	const num = (v: unknown, d: number) => (v === undefined || v === null || v === '' ? d : Number(v));
	const targetCpa = num(ctx.getNodeParameter('targetCpa', 0, 0), 0);
	const targetRoas = num(ctx.getNodeParameter('targetRoas', 0, 0), 0);
	const o: ScoreOptions = {
		weights: { ctr: num(w.ctr, 1), cvr: num(w.cvr, 1), cpc: num(w.cpc, 1), cpa: num(w.cpa, 2), roas: num(w.roas, 2) },
		targetWeight: num(w.targets, 2),
		targetCpa: targetCpa > 0 ? targetCpa : null,
		targetRoas: targetRoas > 0 ? targetRoas : null,
		windowDays: num(ctx.getNodeParameter('scoreWindowDays', 0, 0), 0),
		minImpressions: num(m.minImpressions, 1000),
		minSpend: num(m.minSpend, 0),
		minConversions: num(m.minConversions, 0),
		minEntities: num(m.minEntities, 3),
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: ScoreOptions): string | null {
	for (const [k, v] of Object.entries(o.weights)) if (!(v >= 0)) return `Weights: ${k} must be a number ≥ 0, got ${v}`;
	if (!(o.targetWeight >= 0)) return `Weights: targets must be a number ≥ 0, got ${o.targetWeight}`;
	const anyWeight = Object.values(o.weights).some((v) => v > 0) || (o.targetWeight > 0 && (o.targetCpa !== null || o.targetRoas !== null));
	if (!anyWeight) return 'Weights: every component has weight 0, nothing to score';
	if (!Number.isInteger(o.windowDays) || o.windowDays < 0) return `Window (Days) must be an integer ≥ 0, got ${o.windowDays}`;
	for (const k of ['minImpressions', 'minSpend', 'minConversions'] as const) if (!(o[k] >= 0)) return `Minimum Data: ${k} must be ≥ 0, got ${o[k]}`;
	if (!(Number.isInteger(o.minEntities) && o.minEntities >= 2)) return `Minimum Entities per Level must be an integer ≥ 2, got ${o.minEntities}`;
	return null;
}

interface Candidate {
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

export function scorePerformance(rows: readonly InputRow[], o: ScoreOptions): AnalyticsResult[] {
	const out: AnalyticsResult[] = [];
	let lastDay = -Infinity;
	for (const r of rows) lastDay = Math.max(lastDay, dayNumber(r.row.date));
	const fromDay = o.windowDays > 0 ? lastDay - o.windowDays + 1 : -Infinity;

	// Gate, then rank within each level.
	const byLevel = new Map<string, Candidate[]>();
	for (const group of groupByEntity(rows)) {
		const totals = groupTotals(group, fromDay);
		const gate =
			totals.impressions < o.minImpressions
				? `impressions ${totals.impressions} below the minimum ${o.minImpressions}`
				: totals.spend < o.minSpend
					? `spend ${round(totals.spend, 2)} below the minimum ${o.minSpend}`
					: totals.conversions < o.minConversions
						? `conversions ${totals.conversions} below the minimum ${o.minConversions}`
						: null;
		if (gate) {
			out.push(skipped(OPERATION, group, `not enough data in the window: ${gate}`, { totals: totals as unknown as IDataObject }));
			continue;
		}
		const list = byLevel.get(group.level) ?? [];
		list.push({ group, totals, values: rankValues(totals) });
		byLevel.set(group.level, list);
	}

	const metrics = (Object.keys(o.weights) as ScoreMetric[]).filter((m) => o.weights[m] > 0);
	for (const [level, candidates] of byLevel) {
		const percentileOk = candidates.length >= o.minEntities;
		const distributions = new Map<ScoreMetric, Float64Array>();
		if (percentileOk) {
			for (const m of metrics) {
				const vals: number[] = [];
				for (const c of candidates) if (c.values[m] !== null) vals.push(c.values[m] as number);
				if (vals.length >= o.minEntities) distributions.set(m, Float64Array.from(vals).sort());
			}
		}
		const scored: Array<{ c: Candidate; score: number; json: IDataObject }> = [];
		for (const c of candidates) {
			const components: Array<{ component: string; value: number | null; weight: number; score: number; percentile?: number | null; benchmark?: number | null; target?: number }> = [];
			for (const m of metrics) {
				const dist = distributions.get(m);
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
			if (components.length === 0) {
				out.push(
					skipped(
						OPERATION,
						c.group,
						percentileOk
							? 'no component could be scored (metrics undefined for this entity and no applicable target)'
							: `only ${candidates.length} eligible ${level} entit${candidates.length === 1 ? 'y' : 'ies'} (minimum ${o.minEntities} for percentile ranks) and no applicable target`,
					),
				);
				continue;
			}
			const totalWeight = components.reduce((s, x) => s + x.weight, 0);
			let score = 0;
			const detailed = components.map((x) => {
				const contribution = (x.weight / totalWeight) * (x.score - 50);
				score += (x.weight / totalWeight) * x.score;
				return {
					component: x.component,
					value: Number.isFinite(x.value) ? round(x.value) : null,
					...(x.value === Infinity ? { note: 'cost with no result: ranked worst' } : {}),
					...(x.percentile !== undefined ? { percentile: round(x.percentile, 4), benchmarkMedian: x.benchmark !== null && Number.isFinite(x.benchmark) ? round(x.benchmark ?? null) : null } : {}),
					...(x.target !== undefined ? { target: x.target } : {}),
					score: round(x.score, 2),
					weight: x.weight,
					contribution: round(contribution, 2),
				};
			});
			const positive = detailed.filter((d) => (d.contribution ?? 0) > 0).sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0)).slice(0, 3);
			const negative = detailed.filter((d) => (d.contribution ?? 0) < 0).sort((a, b) => (a.contribution ?? 0) - (b.contribution ?? 0)).slice(0, 3);
			const d = deriveMetrics(c.totals);
			scored.push({
				c,
				score,
				json: {
					operation: OPERATION,
					...entityFields(c.group),
					score: round(score, 1),
					band: score >= 75 ? 'strong' : score >= 50 ? 'average' : score >= 25 ? 'weak' : 'poor',
					window: o.windowDays > 0 ? { from: dateOf(fromDay), to: dateOf(lastDay), days: o.windowDays } : { from: null, to: dateOf(lastDay), days: null },
					totals: { ...c.totals },
					metrics: { ...d, cvr: c.values.cvr },
					components: detailed,
					drivers: { positive, negative },
					summary: `${round(score, 0)}/100${positive[0] ? `; best: ${positive[0].component}` : ''}${negative[0] ? `; worst: ${negative[0].component}` : ''}`,
					...(percentileOk ? {} : { note: `only ${candidates.length} eligible entities at this level: scored on targets only` }),
				},
			});
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
