import { compareAbTest, type AbOptions } from '../../nodes/AdsAnalytics/actions/compareAbTest/compareAbTest.operation';
import { AnalyticsInputError } from '../../nodes/AdsAnalytics/actions/types';
import { sampleSizePerArm } from '../../nodes/AdsAnalytics/stats/proportions';
import { row, toInput } from './rows';

const base: AbOptions = {
	variantSource: 'entity',
	variantField: '',
	metric: 'ctr',
	control: '',
	alpha: 0.05,
	power: 0.8,
	probabilityThreshold: 0.95,
	minimumDetectableEffect: 0.1,
	minTrials: 100,
};

const arms = (...specs: Array<[string, number, number]>) =>
	toInput(specs.map(([id, clicks, impressions]) => row({ entityId: id, level: 'ad', clicks, impressions })));

describe('Compare A/B Test', () => {
	it('declares a clear winner with the reasoning', () => {
		const [out] = compareAbTest(arms(['A', 100, 10000], ['B', 200, 10000]), base);
		const j = out.json as any;
		expect(j.verdict).toBe('winner');
		expect(j.winner).toBe('B');
		expect(j.variants[1].probabilityBest).toBeGreaterThan(0.999);
		expect(j.variants[1].vsControl.significant).toBe(true);
		expect(j.variants[1].vsControl.relativeLift).toBeCloseTo(1, 6);
		expect(j.reasoning).toContain('"B" leads');
		expect(out.items).toEqual([0, 1]);
	});

	it('textbook pair 120/1000 vs 150/1000: z = 1.963, p = 0.0496, χ² = z²', () => {
		const [out] = compareAbTest(arms(['A', 120, 1000], ['B', 150, 1000]), base);
		const j = out.json as any;
		expect(j.variants[1].vsControl.z).toBeCloseTo(1.9631, 3);
		expect(j.variants[1].vsControl.pValue).toBeCloseTo(0.0496, 3);
		expect(j.chiSquare.statistic).toBeCloseTo(1.9631 ** 2, 2);
		// P(B best) ≈ 0.975 ≥ 0.95 and p < 0.05: a (borderline) winner.
		expect(j.variants[1].probabilityBest).toBeGreaterThan(0.97);
		expect(j.verdict).toBe('winner');
	});

	it('keeps running with the sample size still needed for the observed effect', () => {
		const [out] = compareAbTest(arms(['A', 10, 1000], ['B', 13, 1000]), base);
		const j = out.json as any;
		expect(j.verdict).toBe('keep running');
		const perArm = sampleSizePerArm(0.01, 0.013, 0.05, 0.8);
		expect(j.sampleSize.observedEffect.perArm).toBe(perArm);
		expect(j.sampleSize.observedEffect.stillNeededPerArm).toBe(perArm - 1000);
		expect(j.reasoning).toContain(`about ${perArm - 1000} more per arm`);
	});

	it('concludes no difference once every arm could have detected the minimum effect', () => {
		const [out] = compareAbTest(arms(['A', 5000, 500000], ['B', 5010, 500000]), base);
		const j = out.json as any;
		expect(j.sampleSize.minimumDetectableEffect.perArm).toBeLessThan(500000);
		expect(j.verdict).toBe('no difference');
		expect(j.winner).toBeNull();
	});

	it('needs the minimum trials before any verdict', () => {
		const [out] = compareAbTest(arms(['A', 1, 50], ['B', 9, 50]), base);
		expect(out.json.verdict).toBe('keep running');
		expect(String(out.json.reasoning)).toContain('below the minimum of 100');
	});

	it('k variants: chi-square across all, Bonferroni against the control, probabilities sum to 1', () => {
		const [out] = compareAbTest(arms(['A', 100, 10000], ['B', 105, 10000], ['C', 160, 10000]), base);
		const j = out.json as any;
		expect(j.chiSquare.df).toBe(2);
		expect(j.bonferroniAlpha).toBeCloseTo(0.025, 10);
		const total = j.variants.reduce((s: number, v: any) => s + v.probabilityBest, 0);
		expect(total).toBeCloseTo(1, 3);
		expect(j.bestVariant).toBe('C');
		expect(j.verdict).toBe('winner');
		expect(j.variants[0].vsControl).toBeNull();
	});

	it('groups by a variant field and honours a named control', () => {
		const rows = toInput([
			row({ entityId: 'ad1', clicks: 200, impressions: 10000, breakdowns: { variant: 'new' } }),
			row({ entityId: 'ad2', clicks: 100, impressions: 10000, breakdowns: { variant: 'old' } }),
			row({ entityId: 'ad3', clicks: 100, impressions: 10000, breakdowns: { variant: 'old' } }),
		]);
		const [out] = compareAbTest(rows, { ...base, variantSource: 'field', variantField: 'breakdowns.variant', control: 'old' });
		const j = out.json as any;
		expect(j.control).toBe('old');
		expect(j.variants.find((v: any) => v.variant === 'old').trials).toBe(20000);
		expect(j.winner).toBe('new');
	});

	it('uses conversion rate = conversions / clicks', () => {
		const rows = toInput([
			row({ entityId: 'A', clicks: 1000, conversions: 50 }),
			row({ entityId: 'B', clicks: 1000, conversions: 90 }),
		]);
		const [out] = compareAbTest(rows, { ...base, metric: 'cvr' });
		expect((out.json as any).variants[1].rate).toBeCloseTo(0.09, 10);
		expect(out.json.verdict).toBe('winner');
	});

	it('bad input: fewer than 2 variants, missing field, unknown control, conversions above clicks', () => {
		expect(() => compareAbTest(arms(['A', 10, 1000]), base)).toThrow(/at least 2 variants, found 1 \("A"\)/);
		const missing = toInput([row({ entityId: 'a', breakdowns: { variant: 'x' } }), row({ entityId: 'b' })]);
		try {
			compareAbTest(missing, { ...base, variantSource: 'field', variantField: 'breakdowns.variant' });
			throw new Error('expected a throw');
		} catch (e) {
			expect(e).toBeInstanceOf(AnalyticsInputError);
			expect((e as AnalyticsInputError).itemIndex).toBe(1);
			expect((e as Error).message).toContain('field "breakdowns.variant"');
		}
		expect(() => compareAbTest(arms(['A', 10, 1000], ['B', 10, 1000]), { ...base, control: 'Z' })).toThrow(/Control Variant "Z"/);
		const over = toInput([row({ entityId: 'A', clicks: 10, conversions: 20 }), row({ entityId: 'B', clicks: 10, conversions: 1 })]);
		expect(() => compareAbTest(over, { ...base, metric: 'cvr' })).toThrow(/conversions \(20\) exceed clicks \(10\)/);
	});
});
