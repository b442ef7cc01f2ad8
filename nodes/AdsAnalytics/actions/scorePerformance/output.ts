/** Score Performance's output: one item per scored entity, ranked within its level, and named skips. */
import type { IDataObject } from 'n8n-workflow';

import { dateOf, round, type Totals } from '../../../shared/analysis';
import { deriveMetrics } from '../../../shared/contracts/derive';
import { entityFields, skipped, type AnalyticsResult } from '../types';
import type { Candidate, Component, Eligibility } from './compute';
import { OPERATION, type ScoreOptions } from './description';

export function gatedItem(g: Eligibility['gated'][number]): AnalyticsResult {
	return skipped(OPERATION, g.group, `not enough data in the window: ${g.gate}`, { totals: g.totals as unknown as IDataObject });
}

/** A candidate nothing could score: too few entities to rank and no target, or no metric defined. */
export function unscoredItem(c: Candidate, level: string, candidates: number, o: ScoreOptions): AnalyticsResult {
	return skipped(
		OPERATION,
		c.group,
		candidates >= o.minEntities
			? 'no component could be scored (metrics undefined for this entity and no applicable target)'
			: `only ${candidates} eligible ${level} entit${candidates === 1 ? 'y' : 'ies'} (minimum ${o.minEntities} for percentile ranks) and no applicable target`,
	);
}

function componentFields(x: Component) {
	return {
		component: x.component,
		value: Number.isFinite(x.value) ? round(x.value) : null,
		...(x.value === Infinity ? { note: 'cost with no result: ranked worst' } : {}),
		...(x.percentile !== undefined ? { percentile: round(x.percentile, 4), benchmarkMedian: x.benchmark !== undefined && Number.isFinite(x.benchmark) ? round(x.benchmark ?? null) : null } : {}),
		...(x.target !== undefined ? { target: x.target } : {}),
		score: round(x.score, 2),
		weight: x.weight,
		contribution: round(x.contribution, 2),
	};
}

/** The scored entity's item (rank fields are added once its level is sorted). */
export function scoredJson(c: Candidate, score: number, components: Component[], e: Eligibility, candidates: number, o: ScoreOptions): IDataObject {
	const detailed = components.map(componentFields);
	const positive = detailed.filter((d) => (d.contribution ?? 0) > 0).sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0)).slice(0, 3);
	const negative = detailed.filter((d) => (d.contribution ?? 0) < 0).sort((a, b) => (a.contribution ?? 0) - (b.contribution ?? 0)).slice(0, 3);
	const totals: Totals = { ...c.totals };
	return {
		operation: OPERATION,
		...entityFields(c.group),
		score: round(score, 1),
		band: score >= 75 ? 'strong' : score >= 50 ? 'average' : score >= 25 ? 'weak' : 'poor',
		window: o.windowDays > 0 ? { from: dateOf(e.fromDay), to: dateOf(e.lastDay), days: o.windowDays } : { from: null, to: dateOf(e.lastDay), days: null },
		totals: totals as unknown as IDataObject,
		metrics: { ...deriveMetrics(c.totals), cvr: c.values.cvr },
		components: detailed,
		drivers: { positive, negative },
		summary: `${round(score, 0)}/100${positive[0] ? `; best: ${positive[0].component}` : ''}${negative[0] ? `; worst: ${negative[0].component}` : ''}`,
		...(candidates >= o.minEntities ? {} : { note: `only ${candidates} eligible entities at this level: scored on targets only` }),
	};
}
