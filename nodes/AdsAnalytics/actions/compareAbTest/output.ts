/** Compare A/B Test's output: one item with the verdict, the reasoning in words and every figure behind it. */
import type { IDataObject } from 'n8n-workflow';

import { round } from '../../../shared/analysis';
import type { AnalyticsResult } from '../types';
import type { AbTest, Variant } from './compute';
import { METRIC_PARTS, OPERATION, type AbOptions } from './description';

function rate(s: number, n: number): number | null {
	return n > 0 ? round(s / n, 8) : null;
}

const pct = (x: number) => `${round(x * 100, 2)} %`;

/** The fields every result repeats. */
export function baseFields(list: Variant[], o: AbOptions, control: number): IDataObject {
	return { operation: OPERATION, metric: o.metric, metricLabel: METRIC_PARTS[o.metric].label, alpha: o.alpha, power: o.power, control: list[control].label };
}

/** A variant below Minimum Trials: keep running, naming the thin ones. */
export function notEnoughData(list: Variant[], o: AbOptions, base: IDataObject, items: number[]): AnalyticsResult {
	const parts = METRIC_PARTS[o.metric];
	const thin = list.filter((v) => v.totals[parts.trials] < o.minTrials).map((v) => `"${v.label}" (${v.totals[parts.trials]})`);
	return {
		json: {
			...base,
			verdict: 'keep running',
			reasoning: `Not enough data: ${thin.join(', ')} below the minimum of ${o.minTrials} ${parts.trials} per variant.`,
			variants: list.map((v) => ({ variant: v.label, entityName: v.entityName, successes: v.totals[parts.successes], trials: v.totals[parts.trials], rate: rate(v.totals[parts.successes], v.totals[parts.trials]) })),
		},
		items,
	};
}

function variantRows(list: Variant[], t: AbTest): IDataObject[] {
	const { successes, trials, posteriors, control } = t;
	return list.map((v, i) => {
		const z = t.vsControl[i];
		return {
			variant: v.label,
			entityName: v.entityName,
			isControl: i === control,
			successes: successes[i],
			trials: trials[i],
			rate: rate(successes[i], trials[i]),
			posteriorMean: round(posteriors[i].mean, 8),
			probabilityBest: round(posteriors[i].probabilityBest, 4),
			expectedLoss: round(posteriors[i].expectedLoss, 8),
			vsControl: z
				? {
						difference: round(z.difference, 8),
						relativeLift: round(z.relativeLift, 4),
						z: round(z.z, 4),
						pValue: round(z.pValue, 6),
						significant: z.pValue < t.corrected,
					}
				: null,
		};
	});
}

/** The verdict in words, with the figures that decided it. */
function reasoningOf(list: Variant[], o: AbOptions, t: AbTest): string {
	const parts = METRIC_PARTS[o.metric];
	const { chi, pairwise, corrected, probBest, best, pairA, pA, pB } = t;
	if (t.verdict === 'winner') {
		return (
			`"${list[best].label}" leads with ${parts.label} ${pct(pB)} vs ${pct(pA)} ("${list[pairA].label}"). ` +
			`Chi-square p = ${round(chi.pValue, 6)} < α ${o.alpha}` +
			(pairwise ? `, z-test vs control p = ${round(pairwise.pValue, 6)} < ${round(corrected, 6)} (Bonferroni)` : '') +
			`, probability to be best ${pct(probBest)} ≥ ${pct(o.probabilityThreshold)}; expected loss of choosing it ${round(t.posteriors[best].expectedLoss, 8)}.`
		);
	}
	if (t.verdict === 'no difference') {
		return (
			`Every variant has at least ${t.lowest} ${parts.trials}, enough to detect a ${pct(o.minimumDetectableEffect)} relative lift over the control ` +
			`(${t.neededMde} per arm at α ${round(corrected, 6)}, power ${o.power}), and no variant stands out: chi-square p = ${round(chi.pValue, 6)}, ` +
			`best probability to be best ${pct(probBest)} ("${list[best].label}").`
		);
	}
	const still = Number.isFinite(t.neededObserved) ? Math.max(0, t.neededObserved - t.haveObserved) : null;
	return (
		`No conclusion yet: chi-square p = ${round(chi.pValue, 6)}${t.overallSignificant ? '' : ` ≥ α ${o.alpha}`}` +
		(pairwise ? `, z-test vs control p = ${round(pairwise.pValue, 6)}${t.pairSignificant ? '' : ` ≥ ${round(corrected, 6)}`}` : '') +
		`, probability to be best ${pct(probBest)} for "${list[best].label}"${probBest >= o.probabilityThreshold ? '' : ` < ${pct(o.probabilityThreshold)}`}. ` +
		(still === null
			? 'The observed rates are equal, so no sample size detects this effect; judge by the minimum detectable effect instead.'
			: `At the observed effect (${pct(pB)} vs ${pct(pA)}) each arm needs ${t.neededObserved} ${parts.trials}; about ${still} more per arm.`)
	);
}

/** The full result: verdict, reasoning, chi-square, Bonferroni α, sample sizes and every variant. */
export function abResult(list: Variant[], o: AbOptions, t: AbTest, base: IDataObject, items: number[]): AnalyticsResult {
	const { chi, best, pairA, neededObserved, neededMde } = t;
	return {
		json: {
			...base,
			verdict: t.verdict,
			winner: t.verdict === 'winner' ? list[best].label : null,
			bestVariant: list[best].label,
			reasoning: reasoningOf(list, o, t),
			chiSquare: { statistic: round(chi.statistic, 6), df: chi.df, pValue: round(chi.pValue, 8), minExpected: round(chi.minExpected, 2), ...(chi.minExpected < 5 ? { warning: 'an expected cell count is below 5: the chi-square approximation is rough' } : {}) },
			bonferroniAlpha: round(t.corrected, 8),
			sampleSize: {
				observedEffect: { between: [list[pairA].label, list[best].label], rates: [round(t.pA, 8), round(t.pB, 8)], perArm: Number.isFinite(neededObserved) ? neededObserved : null, stillNeededPerArm: Number.isFinite(neededObserved) ? Math.max(0, neededObserved - t.haveObserved) : null },
				minimumDetectableEffect: { relativeLift: o.minimumDetectableEffect, perArm: Number.isFinite(neededMde) ? neededMde : null },
			},
			variants: variantRows(list, t),
		},
		items,
	};
}
