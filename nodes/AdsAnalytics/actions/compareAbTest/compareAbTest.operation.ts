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
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { addTotals, round, zeroTotals, type Totals, entityKey } from '../../../shared/analysis';
import { type InputRow } from '../../../shared/n8n/decisionNode';
import { betaPosteriors } from '../../stats/bayes';
import { chiSquareIndependence } from '../../stats/chiSquare';
import { sampleSizePerArm, twoProportionZTest } from '../../stats/proportions';
import { AnalyticsInputError, showFor, type AnalyticsOperation, type AnalyticsResult } from '../types';

const OPERATION = 'compareAbTest';

export type AbMetric = 'ctr' | 'cvr' | 'conversionsPerImpression';

export interface AbOptions {
	variantSource: 'entity' | 'field';
	/** Dot path into each item, e.g. `breakdowns.variant` or `adName`. */
	variantField: string;
	metric: AbMetric;
	/** Variant label (or entity id) of the control; empty = the first variant in the input. */
	control: string;
	alpha: number;
	power: number;
	probabilityThreshold: number;
	/** Relative lift the test should be able to detect before calling "no difference" (0.1 = 10 %). */
	minimumDetectableEffect: number;
	minTrials: number;
}

const METRIC_PARTS: Record<AbMetric, { successes: keyof Totals; trials: keyof Totals; label: string }> = {
	ctr: { successes: 'clicks', trials: 'impressions', label: 'CTR (clicks / impressions)' },
	cvr: { successes: 'conversions', trials: 'clicks', label: 'conversion rate (conversions / clicks)' },
	conversionsPerImpression: { successes: 'conversions', trials: 'impressions', label: 'conversions / impressions' },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Variants From',
		name: 'variantSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Entities', value: 'entity', description: 'Each entity (platform + level + ID) is a variant' },
			{ name: 'A Field', value: 'field', description: 'Rows are grouped by the value of a field' },
		],
		default: 'entity',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Variant Field',
		name: 'variantField',
		type: 'string',
		default: 'breakdowns.variant',
		placeholder: 'e.g. breakdowns.variant or adName',
		description: 'Dot path of the field holding the variant label in each item',
		displayOptions: { show: { operation: [OPERATION], variantSource: ['field'] } },
	},
	{
		displayName: 'Metric',
		name: 'abMetric',
		type: 'options',
		options: [
			{ name: 'CTR (Clicks / Impressions)', value: 'ctr' },
			{ name: 'Conversion Rate (Conversions / Clicks)', value: 'cvr' },
			{ name: 'Conversions / Impressions', value: 'conversionsPerImpression' },
		],
		default: 'ctr',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Control Variant',
		name: 'control',
		type: 'string',
		default: '',
		description: 'Variant label or entity ID of the control; empty = the first variant in the input',
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Options',
		name: 'abOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(OPERATION),
		options: [
			{ displayName: 'Significance Level (α)', name: 'alpha', type: 'number', typeOptions: { minValue: 0.0001, maxValue: 0.5, numberPrecision: 4 }, default: 0.05 },
			{ displayName: 'Power', name: 'power', type: 'number', typeOptions: { minValue: 0.5, maxValue: 0.999, numberPrecision: 3 }, default: 0.8 },
			{
				displayName: 'Probability to Be Best Threshold',
				name: 'probabilityThreshold',
				type: 'number',
				typeOptions: { minValue: 0.5, maxValue: 0.9999, numberPrecision: 4 },
				default: 0.95,
			},
			{
				displayName: 'Minimum Detectable Effect (Relative)',
				name: 'minimumDetectableEffect',
				type: 'number',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 0.1,
				description: 'Relative lift (0.1 = 10 %) the test must be able to detect before it may conclude "no difference"',
			},
			{ displayName: 'Minimum Trials per Variant', name: 'minTrials', type: 'number', typeOptions: { minValue: 1 }, default: 100, description: 'Impressions (CTR) or clicks (CVR) each variant needs before any verdict' },
		],
	},
];

export function readOptions(ctx: IExecuteFunctions): AbOptions {
	const x = ctx.getNodeParameter('abOptions', 0, {}) as IDataObject;
	const source = ctx.getNodeParameter('variantSource', 0) as AbOptions['variantSource'];
	const o: AbOptions = {
		variantSource: source,
		variantField: source === 'field' ? String(ctx.getNodeParameter('variantField', 0, '')).trim() : '',
		metric: ctx.getNodeParameter('abMetric', 0) as AbMetric,
		control: String(ctx.getNodeParameter('control', 0, '') ?? '').trim(),
		alpha: (x.alpha as number | undefined) ?? 0.05,
		power: (x.power as number | undefined) ?? 0.8,
		probabilityThreshold: (x.probabilityThreshold as number | undefined) ?? 0.95,
		minimumDetectableEffect: (x.minimumDetectableEffect as number | undefined) ?? 0.1,
		minTrials: (x.minTrials as number | undefined) ?? 100,
	};
	const problem = optionsProblem(o);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: 0 });
	return o;
}

export function optionsProblem(o: AbOptions): string | null {
	if (o.variantSource !== 'entity' && o.variantSource !== 'field') return `Variants From: unknown value "${o.variantSource}"`;
	if (o.variantSource === 'field' && o.variantField === '') return 'Variant Field is empty';
	if (!(o.metric in METRIC_PARTS)) return `Metric: unknown value "${o.metric}"`;
	if (!(o.alpha > 0 && o.alpha < 1)) return `Significance Level must be between 0 and 1, got ${o.alpha}`;
	if (!(o.power > 0 && o.power < 1)) return `Power must be between 0 and 1, got ${o.power}`;
	if (!(o.probabilityThreshold > 0.5 && o.probabilityThreshold < 1)) return `Probability to Be Best Threshold must be between 0.5 and 1, got ${o.probabilityThreshold}`;
	if (!(o.minimumDetectableEffect > 0)) return `Minimum Detectable Effect must be greater than 0, got ${o.minimumDetectableEffect}`;
	if (!(o.minTrials >= 1)) return `Minimum Trials per Variant must be at least 1, got ${o.minTrials}`;
	return null;
}

function readPath(json: IDataObject, path: string): unknown {
	let cur: unknown = json;
	for (const part of path.split('.')) {
		if (typeof cur !== 'object' || cur === null) return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

interface Variant {
	label: string;
	entityName: string | null;
	totals: Totals;
	items: number[];
}

export function compareAbTest(rows: readonly InputRow[], o: AbOptions): AnalyticsResult[] {
	const variants = new Map<string, Variant>();
	for (const r of rows) {
		let label: string;
		if (o.variantSource === 'field') {
			const v = readPath(r.json, o.variantField);
			if (v === undefined || v === null || v === '' || typeof v === 'object') {
				throw new AnalyticsInputError(`Item ${r.itemIndex}: field "${o.variantField}" has no variant label (got ${JSON.stringify(v)})`, r.itemIndex);
			}
			label = String(v);
		} else {
			label = r.row.entityId;
		}
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
	const allItems = rows.map((r) => r.itemIndex);
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
	const controlIndex = o.control === '' ? 0 : list.findIndex((v) => v.label === o.control);
	if (controlIndex < 0) {
		throw new AnalyticsInputError(`Control Variant "${o.control}" is not among the variants: ${list.map((v) => `"${v.label}"`).join(', ')}`, allItems[0] ?? 0);
	}

	const successes = list.map((v) => v.totals[parts.successes]);
	const trials = list.map((v) => v.totals[parts.trials]);
	const lowest = Math.min(...trials);
	const base: IDataObject = { operation: OPERATION, metric: o.metric, metricLabel: parts.label, alpha: o.alpha, power: o.power, control: list[controlIndex].label };

	if (lowest < o.minTrials) {
		const thin = list.filter((v) => v.totals[parts.trials] < o.minTrials).map((v) => `"${v.label}" (${v.totals[parts.trials]})`);
		return [
			{
				json: {
					...base,
					verdict: 'keep running',
					reasoning: `Not enough data: ${thin.join(', ')} below the minimum of ${o.minTrials} ${parts.trials} per variant.`,
					variants: list.map((v) => ({ variant: v.label, entityName: v.entityName, successes: v.totals[parts.successes], trials: v.totals[parts.trials], rate: rate(v.totals[parts.successes], v.totals[parts.trials]) })),
				},
				items: allItems,
			},
		];
	}

	const k = list.length;
	const chi = chiSquareIndependence(successes, trials);
	const posteriors = betaPosteriors(list.map((_, i) => ({ successes: successes[i], trials: trials[i] })));
	const control = controlIndex;
	const pControl = successes[control] / trials[control];
	const corrected = o.alpha / (k - 1);

	let best = 0;
	for (let i = 1; i < k; i++) if (posteriors[i].probabilityBest > posteriors[best].probabilityBest) best = i;

	const variantJson = list.map((v, i) => {
		const z = i === control ? null : twoProportionZTest(successes[control], trials[control], successes[i], trials[i]);
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
						significant: z.pValue < corrected,
					}
				: null,
		};
	});

	// The comparison that decides: best vs control, or control vs the runner-up when the control leads.
	let rival = control;
	if (best === control) {
		rival = -1;
		for (let i = 0; i < k; i++) if (i !== control && (rival < 0 || posteriors[i].probabilityBest > posteriors[rival].probabilityBest)) rival = i;
	}
	const pairA = best === control ? rival : control;
	const pA = successes[pairA] / trials[pairA];
	const pB = successes[best] / trials[best];
	const neededObserved = sampleSizePerArm(pA, pB, corrected, o.power);
	const haveObserved = Math.min(trials[pairA], trials[best]);
	const mdeRate = Math.min(pControl * (1 + o.minimumDetectableEffect), 1);
	const neededMde = pControl > 0 && mdeRate !== pControl ? sampleSizePerArm(pControl, mdeRate, corrected, o.power) : Infinity;

	const pairwise = best === control ? null : twoProportionZTest(successes[control], trials[control], successes[best], trials[best]);
	const overallSignificant = chi.pValue < o.alpha;
	const pairSignificant = pairwise === null || pairwise.pValue < corrected;
	const probBest = posteriors[best].probabilityBest;

	let verdict: 'winner' | 'keep running' | 'no difference';
	let reasoning: string;
	const pct = (x: number) => `${round(x * 100, 2)} %`;
	if (overallSignificant && pairSignificant && probBest >= o.probabilityThreshold) {
		verdict = 'winner';
		reasoning =
			`"${list[best].label}" leads with ${parts.label} ${pct(pB)} vs ${pct(pA)} ("${list[pairA].label}"). ` +
			`Chi-square p = ${round(chi.pValue, 6)} < α ${o.alpha}` +
			(pairwise ? `, z-test vs control p = ${round(pairwise.pValue, 6)} < ${round(corrected, 6)} (Bonferroni)` : '') +
			`, probability to be best ${pct(probBest)} ≥ ${pct(o.probabilityThreshold)}; expected loss of choosing it ${round(posteriors[best].expectedLoss, 8)}.`;
	} else if (Number.isFinite(neededMde) && lowest >= neededMde) {
		verdict = 'no difference';
		reasoning =
			`Every variant has at least ${lowest} ${parts.trials}, enough to detect a ${pct(o.minimumDetectableEffect)} relative lift over the control ` +
			`(${neededMde} per arm at α ${round(corrected, 6)}, power ${o.power}), and no variant stands out: chi-square p = ${round(chi.pValue, 6)}, ` +
			`best probability to be best ${pct(probBest)} ("${list[best].label}").`;
	} else {
		verdict = 'keep running';
		const still = Number.isFinite(neededObserved) ? Math.max(0, neededObserved - haveObserved) : null;
		reasoning =
			`No conclusion yet: chi-square p = ${round(chi.pValue, 6)}${overallSignificant ? '' : ` ≥ α ${o.alpha}`}` +
			(pairwise ? `, z-test vs control p = ${round(pairwise.pValue, 6)}${pairSignificant ? '' : ` ≥ ${round(corrected, 6)}`}` : '') +
			`, probability to be best ${pct(probBest)} for "${list[best].label}"${probBest >= o.probabilityThreshold ? '' : ` < ${pct(o.probabilityThreshold)}`}. ` +
			(still === null
				? 'The observed rates are equal, so no sample size detects this effect; judge by the minimum detectable effect instead.'
				: `At the observed effect (${pct(pB)} vs ${pct(pA)}) each arm needs ${neededObserved} ${parts.trials}; about ${still} more per arm.`);
	}

	return [
		{
			json: {
				...base,
				verdict,
				winner: verdict === 'winner' ? list[best].label : null,
				bestVariant: list[best].label,
				reasoning,
				chiSquare: { statistic: round(chi.statistic, 6), df: chi.df, pValue: round(chi.pValue, 8), minExpected: round(chi.minExpected, 2), ...(chi.minExpected < 5 ? { warning: 'an expected cell count is below 5: the chi-square approximation is rough' } : {}) },
				bonferroniAlpha: round(corrected, 8),
				sampleSize: {
					observedEffect: { between: [list[pairA].label, list[best].label], rates: [round(pA, 8), round(pB, 8)], perArm: Number.isFinite(neededObserved) ? neededObserved : null, stillNeededPerArm: Number.isFinite(neededObserved) ? Math.max(0, neededObserved - haveObserved) : null },
					minimumDetectableEffect: { relativeLift: o.minimumDetectableEffect, perArm: Number.isFinite(neededMde) ? neededMde : null },
				},
				variants: variantJson,
			},
			items: allItems,
		},
	];
}

function rate(s: number, n: number): number | null {
	return n > 0 ? round(s / n, 8) : null;
}

export const operation: AnalyticsOperation = {
	description,
	run(ctx, rows) {
		return compareAbTest(rows, readOptions(ctx));
	},
};
