import { scorePerformance, targetScore, type ScoreOptions } from '../../nodes/AdsAnalytics/actions/scorePerformance/scorePerformance.operation';
import { row, toInput } from './rows';

const noWeights = { ctr: 0, cvr: 0, cpc: 0, cpa: 0, roas: 0 };
const base: ScoreOptions = {
	weights: { ...noWeights, ctr: 1 },
	targetCpa: null,
	targetRoas: null,
	targetWeight: 0,
	windowDays: 0,
	minImpressions: 0,
	minSpend: 0,
	minConversions: 0,
	minEntities: 3,
};

// Four campaigns: CTR 1..4 %, CPA 40, 20, 10, 5, ROAS 1, 2, 3, 4.
const rows = ['a', 'b', 'c', 'd'].map((id, i) =>
	row({ entityId: id, impressions: 10000, clicks: 100 * (i + 1), spend: 200, conversions: 5 * 2 ** i, value: 200 * (i + 1) }),
);

describe('Score Performance', () => {
	it('scores CTR by mid-rank percentile within the account', () => {
		const out = scorePerformance(toInput(rows), base);
		const byId = Object.fromEntries(out.map((o) => [o.json.entityId, o.json]));
		// Ranks 1..4 of 4 → (k − 0.5) / 4
		expect(byId.a.score).toBe(12.5);
		expect(byId.b.score).toBe(37.5);
		expect(byId.c.score).toBe(62.5);
		expect(byId.d.score).toBe(87.5);
		expect(byId.d.rank).toBe(1);
		expect(byId.a.rank).toBe(4);
		expect(byId.a.band).toBe('poor');
	});

	it('inverts lower-is-better metrics (CPA)', () => {
		const out = scorePerformance(toInput(rows), { ...base, weights: { ...noWeights, cpa: 1 } });
		const byId = Object.fromEntries(out.map((o) => [o.json.entityId, o.json]));
		expect(byId.d.score).toBe(87.5); // CPA 5: the cheapest
		expect(byId.a.score).toBe(12.5);
	});

	it('target attainment: 50 on target, 100 at twice as good, 0 at half', () => {
		expect(targetScore(1)).toBe(50);
		expect(targetScore(2)).toBe(100);
		expect(targetScore(0.5)).toBe(0);
		expect(targetScore(Math.SQRT2)).toBeCloseTo(75, 10);
		const out = scorePerformance(toInput(rows), { ...base, weights: noWeights, targetCpa: 20, targetWeight: 1 });
		const byId = Object.fromEntries(out.map((o) => [o.json.entityId, o.json]));
		expect(byId.b.score).toBe(50); // CPA 20 = target
		expect(byId.c.score).toBe(100); // CPA 10: twice as good
		expect(byId.a.score).toBe(0); // CPA 40: half as good
	});

	it('decomposes the score into named drivers: 50 + Σ contributions', () => {
		const out = scorePerformance(toInput(rows), { ...base, weights: { ctr: 1, cvr: 1, cpc: 1, cpa: 2, roas: 2 }, targetRoas: 2, targetWeight: 2 });
		for (const o of out) {
			const comps = o.json.components as Array<{ contribution: number }>;
			const sum = comps.reduce((s, c) => s + c.contribution, 0);
			expect(o.json.score).toBeCloseTo(50 + sum, 0);
		}
		const d = out.find((o) => o.json.entityId === 'd')!.json as any;
		expect(d.drivers.positive.length).toBeGreaterThan(0);
		expect(d.drivers.positive[0].contribution).toBeGreaterThan(0);
		expect(d.drivers.positive.map((x: any) => x.component)).toContain('roas');
		const a = out.find((o) => o.json.entityId === 'a')!.json as any;
		expect(a.drivers.negative[0].contribution).toBeLessThan(0);
		expect(a.drivers.negative[0]).toHaveProperty('value');
	});

	it('ranks spend without conversions as the worst CPA (not as missing)', () => {
		const withZero = [...rows, row({ entityId: 'e', impressions: 10000, clicks: 100, spend: 200, conversions: 0, value: 0 })];
		const out = scorePerformance(toInput(withZero), { ...base, weights: { ...noWeights, cpa: 1 } });
		const e = out.find((o) => o.json.entityId === 'e')!.json as any;
		expect(e.score).toBe(10); // last of 5: 0.1 → inverted 1 − 0.9
		expect(e.components[0].note).toContain('ranked worst');
	});

	it('skips entities below the minimum data with a reason, and needs enough peers for percentiles', () => {
		const withSmall = [...rows, row({ entityId: 'tiny', impressions: 50 })];
		const out = scorePerformance(toInput(withSmall), { ...base, minImpressions: 1000 });
		const tiny = out.find((o) => o.json.entityId === 'tiny')!.json;
		expect(tiny).toMatchObject({ skipped: true });
		expect(String(tiny.reason)).toContain('impressions 50 below the minimum 1000');

		const two = scorePerformance(toInput(rows.slice(0, 2)), base);
		expect(two.every((o) => o.json.skipped === true)).toBe(true);
		expect(String(two[0].json.reason)).toContain('minimum 3 for percentile ranks');
	});

	it('uses window totals for ratios (never averaged daily ratios)', () => {
		// Entity x: day 1 CTR 10 % on 100 impressions, day 2 CTR 1 % on 10 000 → window CTR 110 / 10 100.
		const daily = [
			row({ entityId: 'x', date: '2024-06-01', impressions: 100, clicks: 10 }),
			row({ entityId: 'x', date: '2024-06-02', impressions: 10000, clicks: 100 }),
			...rows.map((r) => ({ ...r, date: '2024-06-02' })),
		];
		const out = scorePerformance(toInput(daily), base);
		const x = out.find((o) => o.json.entityId === 'x')!.json as any;
		expect(x.metrics.ctr).toBeCloseTo(110 / 10100, 12);
		// With a 1-day window only the second day counts.
		const last = scorePerformance(toInput(daily), { ...base, windowDays: 1 });
		expect((last.find((o) => o.json.entityId === 'x')!.json as any).metrics.ctr).toBeCloseTo(0.01, 12);
	});
});
