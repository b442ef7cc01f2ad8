import fc from 'fast-check';

import { parseAction } from '../../nodes/shared/contracts/validate';
import { optionsProblem, reallocateBudget, type ReallocateOptions } from '../../nodes/AdsAnalytics/actions/reallocateBudget/reallocateBudget.operation';
import { minorDigits } from '../../nodes/shared/money';
import { allocateBudget } from '../../nodes/AdsAnalytics/stats/allocation';
import { shrinkYields } from '../../nodes/AdsAnalytics/stats/shrinkage';
import { dailyRows, row, toInput } from './rows';

const base: ReallocateOptions = {
	level: 'campaign',
	totalBudget: 200,
	currency: '',
	basis: 'roas',
	maxChangePercent: 100,
	floor: 1,
	explorationShare: 0,
	currentBudgets: {},
	windowDays: 0,
	priorSpend: 1e-9, // effectively no shrinkage: known answers from observed ROAS
	minChangePercent: 0,
};

const two = () =>
	toInput([
		row({ entityId: 'A', spend: 100, value: 400, attributes: { dailyBudget: 100 } }),
		row({ entityId: 'B', spend: 100, value: 200, attributes: { dailyBudget: 100 } }),
	]);

const summaryOf = (out: ReturnType<typeof reallocateBudget>) => out.find((o) => o.json.summary === true)!.json as any;
const actionsOf = (out: ReturnType<typeof reallocateBudget>) => out.filter((o) => o.json.kind === 'setBudget').map((o) => o.json as any);

describe('Reallocate Budget', () => {
	it('acts only on changes of at least Minimum Change to Act, and says so in the allocation', () => {
		// A: +33.33 %, B: −33.33 %; a 40 % minimum leaves both unchanged in the platform, a 30 % one moves both.
		const held = reallocateBudget(two(), { ...base, minChangePercent: 40 }, '2024-06-02T00:00:00.000Z');
		expect(actionsOf(held)).toHaveLength(0);
		expect(summaryOf(held).allocations.map((a: any) => a.action)).toEqual(['below minimum change', 'below minimum change']);
		expect(summaryOf(held).actions).toBe(0);
		const moved = reallocateBudget(two(), { ...base, minChangePercent: 30 }, '2024-06-02T00:00:00.000Z');
		expect(actionsOf(moved).map((a) => a.entityId)).toEqual(['A', 'B']);
		expect(summaryOf(moved).allocations.map((a: any) => a.action)).toEqual(['setBudget', 'setBudget']);
	});

	it('splits by ROAS to the cent: 4 : 2 of 200 → 133.33 + 66.67', () => {
		const out = reallocateBudget(two(), base, '2024-06-02T00:00:00.000Z');
		const s = summaryOf(out);
		expect(s.feasible).toBe(true);
		expect(s.allocated).toBe(200);
		const amounts = Object.fromEntries(s.allocations.map((a: any) => [a.entityId, a.amount]));
		expect(amounts).toEqual({ A: 133.33, B: 66.67 });
	});

	it('emits valid setBudget AdActions with current amount, evidence, reason and a stable idempotency key', () => {
		const out = reallocateBudget(two(), base, '2024-06-02T00:00:00.000Z');
		const actions = actionsOf(out);
		expect(actions).toHaveLength(2);
		for (const a of actions) {
			expect(parseAction(a)).toEqual({ ok: true, value: a });
			expect(a.source).toEqual({ type: 'analytics', operation: 'reallocateBudget' });
			expect(a.params.currentAmount).toBe(100);
			expect(a.params.currency).toBe('EUR');
			expect(a.evidence.length).toBeGreaterThan(0);
		}
		expect(actions[0].reason).toContain('Raise daily budget 100.00 → 133.33 EUR');
		const again = actionsOf(reallocateBudget(two(), base, '2024-06-02T09:00:00.000Z'));
		expect(again.map((a) => a.idempotencyKey)).toEqual(actions.map((a) => a.idempotencyKey));
		// Pairing: each action to its entity's rows, the summary to all.
		expect(out.map((o) => o.items)).toEqual([[0], [1], [0, 1]]);
	});

	it('Total 0 keeps the current total and only moves money between entities', () => {
		const rows = toInput([
			row({ entityId: 'A', spend: 100, value: 400, attributes: { dailyBudget: 70.5 } }),
			row({ entityId: 'B', spend: 100, value: 200, attributes: { dailyBudget: 50 } }),
			// No budget of its own (an ad set under a campaign budget): skipped, and not part of the total.
			row({ entityId: 'C', spend: 100, value: 300, attributes: { dailyBudget: null } }),
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, totalBudget: 0, maxChangePercent: 50 }));
		expect(s).toMatchObject({ totalBudget: 120.5, totalSource: 'current', allocated: 120.5, feasible: true });
		const amounts = Object.fromEntries(s.allocations.map((a: any) => [a.entityId, a.amount]));
		// 4 : 2 of 120.50 → 80.33 + 40.17, both within ±50 % of where they were.
		expect(amounts).toEqual({ A: 80.33, B: 40.17 });
		expect(s.skipped.map((x: any) => x.entityId)).toEqual(['C']);
		expect(s.message).toBe(
			[
				"Budget reallocation proposal: 120.50 EUR/day (today's total), by ROAS over all rows to 2024-06-01",
				'• A: 70.50 EUR → 80.33 EUR (+13.94 %)',
				'• B: 50.00 EUR → 40.17 EUR (-19.66 %)',
				'1 skipped (no budget of their own, or another platform)',
			].join('\n'),
		);
		expect(summaryOf(reallocateBudget(two(), base)).totalSource).toBe('fixed');
		expect(optionsProblem({ ...base, totalBudget: -5 })).toBe('Total Daily Budget must be 0 (keep the current total) or more, got -5');
	});

	it('with no budget to start from, the summary keeps its shape and says why', () => {
		const rows = toInput([row({ entityId: 'A', spend: 100, value: 400 }), row({ entityId: 'B', spend: 100, value: 200, attributes: { dailyBudget: null } })]);
		const out = reallocateBudget(rows, { ...base, totalBudget: 0 });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ summary: true, feasible: false, problem: 'no entity could be allocated', allocations: [], actions: 0, currency: 'EUR', totalSource: 'current' });
		expect(out[0].json.message).toBe(
			'Budget reallocation: nothing to allocate. 2 campaigns skipped, none with a daily budget of its own (no current daily budget (attributes.dailyBudget or Current Budgets JSON)).',
		);
	});

	it('caps the step change: ±20 % → 120 / 80', () => {
		const s = summaryOf(reallocateBudget(two(), { ...base, maxChangePercent: 20 }));
		expect(s.allocations.map((a: any) => a.amount)).toEqual([120, 80]);
		expect(s.allocations.every((a: any) => a.atBound)).toBe(true);
	});

	it('exploration share: 50 % split equally, 50 % by ROAS → 116.67 / 83.33', () => {
		const s = summaryOf(reallocateBudget(two(), { ...base, explorationShare: 0.5 }));
		expect(s.allocations.map((a: any) => a.amount)).toEqual([116.67, 83.33]);
	});

	it('explains when the cap cannot reach the total', () => {
		const out = reallocateBudget(two(), { ...base, totalBudget: 1000, maxChangePercent: 20 });
		const s = summaryOf(out);
		expect(s.feasible).toBe(false);
		expect(s.allocated).toBe(240);
		expect(s.problem).toContain('at most 24000 minor units');
	});

	it('the floor wins over the cap', () => {
		const rows = toInput([
			row({ entityId: 'A', spend: 100, value: 400, attributes: { dailyBudget: 2 } }),
			row({ entityId: 'B', spend: 100, value: 100, attributes: { dailyBudget: 100 } }),
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, totalBudget: 100, maxChangePercent: 10, floor: 5 }));
		const a = s.allocations.find((x: any) => x.entityId === 'A');
		expect(a.amount).toBe(5);
		expect(a.floorOverridesCap).toBe(true);
		expect(s.allocated).toBe(100);
	});

	it('uses current budgets from the JSON option, and reports entities it cannot allocate', () => {
		const rows = toInput([
			row({ entityId: 'A', spend: 100, value: 400 }),
			row({ entityId: 'B', spend: 100, value: 200 }),
			row({ entityId: 'C', spend: 100, value: 200 }),
			row({ entityId: 'D', platform: 'other', spend: 100, value: 200, attributes: { dailyBudget: 10 } }),
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, currentBudgets: { A: 100, B: 100 } }));
		expect(s.allocations.map((a: any) => a.entityId)).toEqual(['A', 'B']);
		expect(s.skipped).toEqual([
			expect.objectContaining({ entityId: 'C', skipped: true, reason: expect.stringContaining('no current daily budget') }),
			expect.objectContaining({ entityId: 'D', skipped: true, reason: expect.stringContaining('platform "other"') }),
		]);
	});

	it('inverse CPA basis: conversions per spend', () => {
		const rows = toInput([
			row({ entityId: 'A', spend: 100, conversions: 10, attributes: { dailyBudget: 100 } }), // CPA 10
			row({ entityId: 'B', spend: 100, conversions: 30, attributes: { dailyBudget: 100 } }), // CPA 3.33
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, basis: 'cpa' }));
		expect(s.allocations.map((a: any) => a.amount)).toEqual([50, 150]);
		expect(s.allocations[0].shrunkCpa).toBeCloseTo(10, 6);
	});

	it('bad input: mixed currencies, no rows at the level', () => {
		const mixed = toInput([row({ entityId: 'A', attributes: { dailyBudget: 1 } }), row({ entityId: 'B', currency: 'USD', attributes: { dailyBudget: 1 } })]);
		expect(() => reallocateBudget(mixed, base)).toThrow(/Item 1: currency USD differs from EUR/);
		expect(() => reallocateBudget(two(), { ...base, level: 'adSet' })).toThrow(/No rows at level "adSet"/);
	});

	it('zero-decimal currencies allocate whole units', () => {
		expect(minorDigits('JPY')).toBe(0);
		expect(minorDigits('EUR')).toBe(2);
		const rows = toInput([
			row({ entityId: 'A', currency: 'JPY', spend: 100, value: 400, attributes: { dailyBudget: 1000 } }),
			row({ entityId: 'B', currency: 'JPY', spend: 100, value: 200, attributes: { dailyBudget: 1000 } }),
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, totalBudget: 1001 }));
		expect(s.allocations.map((a: any) => a.amount)).toEqual([667, 334]);
	});
});

describe('empirical-Bayes shrinkage', () => {
	it('shrinks a small spender toward the pooled ROAS more than a big one', () => {
		// Both entities' days vary the same way around their own ROAS; the small one has 1/20 the spend.
		const day = (spend: number, roas: number, noise: number) => ({ spend, yield: spend * roas + noise * Math.sqrt(spend) });
		const big = { daily: [day(100, 2, 5), day(100, 2, -5), day(100, 2, 3), day(100, 2, -3)] };
		const small = { daily: [day(5, 4, 5), day(5, 4, -5), day(5, 4, 3), day(5, 4, -3)] };
		const third = { daily: [day(50, 3, 5), day(50, 3, -5), day(50, 3, 3), day(50, 3, -3)] };
		const entities = [big, small, third].map((e) => ({ ...e, spend: e.daily.reduce((s, d) => s + d.spend, 0), yield: e.daily.reduce((s, d) => s + d.yield, 0) }));
		const r = shrinkYields(entities);
		expect(r.method).toBe('empiricalBayes');
		expect(r.pooled).toBeCloseTo(entities.reduce((s, e) => s + e.yield, 0) / entities.reduce((s, e) => s + e.spend, 0), 12);
		const pull = (i: number) => Math.abs((r.shrunk[i] - (r.observed[i] as number)) / ((r.observed[i] as number) - r.pooled));
		expect(pull(1)).toBeGreaterThan(pull(0));
		// Shrunk values lie between observed and pooled.
		for (let i = 0; i < 3; i++) {
			const lo = Math.min(r.observed[i] as number, r.pooled);
			const hi = Math.max(r.observed[i] as number, r.pooled);
			expect(r.shrunk[i]).toBeGreaterThanOrEqual(lo - 1e-12);
			expect(r.shrunk[i]).toBeLessThanOrEqual(hi + 1e-12);
		}
	});

	it('no real difference between entities (τ² = 0) → everyone at the pooled ROAS', () => {
		const mk = (noise: number[]) => ({ spend: 400, yield: 800 + noise.reduce((a, b) => a + b, 0), daily: noise.map((n) => ({ spend: 100, yield: 200 + n })) });
		const r = shrinkYields([mk([30, -30, 20, -20]), mk([25, -25, 31, -30]), mk([-20, 20, -30, 31])]);
		expect(r.tau2).toBe(0);
		expect(r.shrunk.every((x) => x === r.pooled)).toBe(true);
	});

	it('falls back to the mean spend as prior strength without daily variation', () => {
		const r = shrinkYields([
			{ spend: 100, yield: 400, daily: [{ spend: 100, yield: 400 }] },
			{ spend: 300, yield: 300, daily: [{ spend: 300, yield: 300 }] },
		]);
		expect(r.method).toBe('fallbackMeanSpend');
		expect(r.priorSpend).toBe(200);
		// (400 + 200 · 1.75) / (100 + 200)
		expect(r.shrunk[0]).toBeCloseTo(750 / 300, 12);
	});

	it('end to end with daily rows picks the empirical-Bayes estimate', () => {
		const rows = toInput([
			...dailyRows('A', '2024-06-01', [{ spend: 50, value: 210 }, { spend: 50, value: 190 }, { spend: 50, value: 205 }], { attributes: { dailyBudget: 50 } }),
			...dailyRows('B', '2024-06-01', [{ spend: 50, value: 95 }, { spend: 50, value: 110 }, { spend: 50, value: 100 }], { attributes: { dailyBudget: 50 } }),
			...dailyRows('C', '2024-06-01', [{ spend: 5, value: 40 }, { spend: 5, value: 5 }, { spend: 5, value: 30 }], { attributes: { dailyBudget: 50 } }),
		]);
		const s = summaryOf(reallocateBudget(rows, { ...base, totalBudget: 150, priorSpend: 0, maxChangePercent: 50 }));
		expect(s.shrinkage.method).toBe('empiricalBayes');
		expect(s.allocated).toBe(150);
	});
});

describe('allocation properties', () => {
	const entity = fc.record({ current: fc.integer({ min: 1, max: 1_000_000 }), score: fc.double({ min: 0, max: 20, noNaN: true }) });
	it('respects caps and floors, and sums to the total whenever the bounds allow', () => {
		fc.assert(
			fc.property(
				fc.array(entity, { minLength: 1, maxLength: 25 }),
				fc.integer({ min: 1, max: 20_000_000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.integer({ min: 0, max: 5000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(entities, total, cap, floor, exploration) => {
					const r = allocateBudget(entities, { total, cap, floor, exploration });
					const sum = r.amounts.reduce((a, b) => a + b, 0);
					r.amounts.forEach((x, i) => {
						expect(Number.isInteger(x)).toBe(true);
						expect(x).toBeGreaterThanOrEqual(floor);
						expect(x).toBeGreaterThanOrEqual(r.lower[i]);
						expect(x).toBeLessThanOrEqual(r.upper[i]);
						// Within the cap unless the floor forced it up.
						if (!r.floorOverridesCap[i]) {
							expect(x).toBeLessThanOrEqual(entities[i].current * (1 + cap) + 1e-6);
							expect(x).toBeGreaterThanOrEqual(Math.min(entities[i].current * (1 - cap), Math.max(floor, entities[i].current * (1 - cap))) - 1e-6);
						}
					});
					const sumLo = r.lower.reduce((a, b) => a + b, 0);
					const sumHi = r.upper.reduce((a, b) => a + b, 0);
					if (sumLo <= total && total <= sumHi) {
						expect(r.feasible).toBe(true);
						expect(sum).toBe(total);
					} else {
						expect(r.feasible).toBe(false);
						expect(r.problem).not.toBeNull();
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	it('with no cap binding, amounts follow the target shares to within a minor unit', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 2, maxLength: 10 }), fc.integer({ min: 1000, max: 1_000_000 }), (scores, total) => {
				const entities = scores.map((score) => ({ current: total, score }));
				const r = allocateBudget(entities, { total, cap: 1, floor: 0, exploration: 0 });
				r.amounts.forEach((x, i) => expect(Math.abs(x - r.targets[i])).toBeLessThanOrEqual(1));
			}),
		);
	});
});
