/**
 * Compare A/B Test's computation, pure: variants summed from the rows, then
 * the chi-square test, the Bayesian posteriors, the decisive pairwise test
 * and the sample sizes the verdict rests on.
 */
import type { IDataObject } from 'n8n-workflow';

import { addTotals, entityKey, zeroTotals, type Totals } from '../../../shared/analysis';
import type { InputRow } from '../../../shared/n8n/decisionNode';
import { betaPosteriors, type ArmPosterior } from '../../stats/bayes';
import { chiSquareIndependence, type ChiSquareResult } from '../../stats/chiSquare';
import { sampleSizePerArm, twoProportionZTest, type ZTestResult } from '../../stats/proportions';
import { AnalyticsInputError } from '../types';
import { METRIC_PARTS, type AbOptions } from './description';

export interface Variant {
	label: string;
	entityName: string | null;
	totals: Totals;
	items: number[];
}

function readPath(json: IDataObject, path: string): unknown {
	let cur: unknown = json;
	for (const part of path.split('.')) {
		if (typeof cur !== 'object' || cur === null) return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

function variantLabel(r: InputRow, o: AbOptions): string {
	if (o.variantSource !== 'field') return r.row.entityId;
	const v = readPath(r.json, o.variantField);
	if (v === undefined || v === null || v === '' || typeof v === 'object') {
		throw new AnalyticsInputError(`Item ${r.itemIndex}: field "${o.variantField}" has no variant label (got ${JSON.stringify(v)})`, r.itemIndex);
	}
	return String(v);
}

/** Sums the rows per variant (an entity, or a field's value) in first-seen order; fewer than 2, or a rate above 1, stops the run. */
export function collectVariants(rows: readonly InputRow[], o: AbOptions): Variant[] {
	const variants = new Map<string, Variant>();
	for (const r of rows) {
		const label = variantLabel(r, o);
		const key = o.variantSource === 'field' ? label : entityKey(r.row);
		let variant = variants.get(key);
		if (!variant) {
			variant = { label, entityName: o.variantSource === 'entity' ? r.row.entityName : null, totals: zeroTotals(), items: [] };
			variants.set(key, variant);
		}
		addTotals(variant.totals, r.row);
		variant.items.push(r.itemIndex);
	}
	const list = [...variants.values()];
	if (list.length < 2) {
		throw new AnalyticsInputError(
			`Compare A/B Test needs at least 2 variants, found ${list.length}${list.length === 1 ? ` ("${list[0].label}")` : ''}${
				o.variantSource === 'field' ? ` in field "${o.variantField}"` : ''
			}`,
			list[0]?.items[0] ?? 0,
		);
	}
	const parts = METRIC_PARTS[o.metric];
	for (const v of list) {
		const s = v.totals[parts.successes];
		const n = v.totals[parts.trials];
		if (s > n) {
			throw new AnalyticsInputError(
				`Variant "${v.label}": ${parts.successes} (${s}) exceed ${parts.trials} (${n}); ${parts.label} must be a proportion. Count one conversion per click or use another metric.`,
				v.items[0],
			);
		}
	}
	return list;
}

/** The control's index: the chosen label, or the first variant. */
export function controlIndexOf(list: Variant[], o: AbOptions, firstItem: number): number {
	const controlIndex = o.control === '' ? 0 : list.findIndex((v) => v.label === o.control);
	if (controlIndex < 0) {
		throw new AnalyticsInputError(`Control Variant "${o.control}" is not among the variants: ${list.map((v) => `"${v.label}"`).join(', ')}`, firstItem);
	}
	return controlIndex;
}

export type AbVerdict = 'winner' | 'keep running' | 'no difference';

export interface AbTest {
	successes: number[];
	trials: number[];
	/** Fewest trials of any variant. */
	lowest: number;
	control: number;
	chi: ChiSquareResult;
	posteriors: ArmPosterior[];
	/** α / (k − 1), Bonferroni. */
	corrected: number;
	/** Highest probability to be best. */
	best: number;
	/** The other side of the decisive comparison: the control, or the runner-up when the control leads. */
	pairA: number;
	pA: number;
	pB: number;
	/** Trials per arm to detect the observed effect between pairA and best. */
	neededObserved: number;
	haveObserved: number;
	/** Trials per arm to detect the minimum detectable effect over the control. */
	neededMde: number;
	/** Each variant against the control (null for the control itself). */
	vsControl: Array<ZTestResult | null>;
	/** Best vs control (null when the control is best). */
	pairwise: ZTestResult | null;
	overallSignificant: boolean;
	pairSignificant: boolean;
	probBest: number;
	verdict: AbVerdict;
}

/** The best variant and the one it must beat (the control, or the runner-up when the control leads). */
function decisivePair(posteriors: ArmPosterior[], control: number): { best: number; pairA: number } {
	const k = posteriors.length;
	let best = 0;
	for (let i = 1; i < k; i++) if (posteriors[i].probabilityBest > posteriors[best].probabilityBest) best = i;
	let rival = control;
	if (best === control) {
		rival = -1;
		for (let i = 0; i < k; i++) if (i !== control && (rival < 0 || posteriors[i].probabilityBest > posteriors[rival].probabilityBest)) rival = i;
	}
	return { best, pairA: best === control ? rival : control };
}

/** Runs every test over variants that all have enough trials. */
export function runAbTest(list: Variant[], o: AbOptions, control: number): AbTest {
	const parts = METRIC_PARTS[o.metric];
	const successes = list.map((v) => v.totals[parts.successes]);
	const trials = list.map((v) => v.totals[parts.trials]);
	const lowest = Math.min(...trials);
	const chi = chiSquareIndependence(successes, trials);
	const posteriors = betaPosteriors(list.map((_, i) => ({ successes: successes[i], trials: trials[i] })));
	const pControl = successes[control] / trials[control];
	const corrected = o.alpha / (list.length - 1);
	const { best, pairA } = decisivePair(posteriors, control);
	const pA = successes[pairA] / trials[pairA];
	const pB = successes[best] / trials[best];
	const neededObserved = sampleSizePerArm(pA, pB, corrected, o.power);
	const haveObserved = Math.min(trials[pairA], trials[best]);
	const mdeRate = Math.min(pControl * (1 + o.minimumDetectableEffect), 1);
	const neededMde = pControl > 0 && mdeRate !== pControl ? sampleSizePerArm(pControl, mdeRate, corrected, o.power) : Infinity;
	const vsControl = list.map((_, i) => (i === control ? null : twoProportionZTest(successes[control], trials[control], successes[i], trials[i])));
	const pairwise = best === control ? null : vsControl[best];
	const overallSignificant = chi.pValue < o.alpha;
	const pairSignificant = pairwise === null || pairwise.pValue < corrected;
	const probBest = posteriors[best].probabilityBest;
	const verdict: AbVerdict =
		overallSignificant && pairSignificant && probBest >= o.probabilityThreshold
			? 'winner'
			: Number.isFinite(neededMde) && lowest >= neededMde
				? 'no difference'
				: 'keep running';
	return { successes, trials, lowest, control, chi, posteriors, corrected, best, pairA, pA, pB, neededObserved, haveObserved, neededMde, vsControl, pairwise, overallSignificant, pairSignificant, probBest, verdict };
}
