import fc from 'fast-check';

import { planPercentChange, planSetBudget } from '../../nodes/AdsRules/engine/budget';
import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { days, indexed, opts, rules } from './helpers';

// Whole cents and hundredths of a percent: fc.double favours values near
// zero, which made most draws no-ops that the engine rightly refuses.
const money = fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100);
const percentChange = fc
	.integer({ min: -9_900, max: 50_000 })
	.filter((p) => p !== 0)
	.map((p) => p / 100);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const TOL = 1e-6;

const caps = fc
	.record({ a: maybe(money), b: maybe(money), maxPercent: maybe(fc.double({ min: 0.5, max: 300, noNaN: true })) })
	.map(({ a, b, maxPercent }) => ({
		floor: a !== null && b !== null ? Math.min(a, b) : a,
		ceiling: a !== null && b !== null ? Math.max(a, b) : b,
		maxPercent,
	}));

/**
 * Caps drawn independently of the budget rarely admit a change (about one
 * run in ten), so half the runs draw caps around the current budget: the
 * property is then exercised on accepted plans, not just on refusals.
 */
const factor = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const capsNear = (current: number) =>
	fc
		.record({ floor: maybe(factor(0.1, 1.2)), ceiling: maybe(factor(0.8, 5)), maxPercent: maybe(fc.double({ min: 0.5, max: 300, noNaN: true })) })
		.map(({ floor, ceiling, maxPercent }) => ({
			floor: floor === null ? null : current * Math.min(floor, ceiling ?? floor),
			ceiling: ceiling === null ? null : current * Math.max(ceiling, floor ?? ceiling),
			maxPercent,
		}));
const budgetWithCaps = money.chain((current) => fc.tuple(fc.constant(current), fc.oneof(caps, capsNear(current))));

function assertWithinCaps(current: number, amount: number, c: { floor: number | null; ceiling: number | null; maxPercent: number | null }) {
	if (c.floor !== null) expect(amount).toBeGreaterThanOrEqual(c.floor - TOL);
	if (c.ceiling !== null) expect(amount).toBeLessThanOrEqual(c.ceiling + TOL);
	if (c.maxPercent !== null) expect(Math.abs(amount / current - 1) * 100).toBeLessThanOrEqual(c.maxPercent + TOL);
	expect(amount).toBeGreaterThan(0);
}

describe('budget caps (property)', () => {
	it('a percent change never leaves floor, ceiling or max % change, and moves the way the rule asked', () => {
		let emitted = 0;
		fc.assert(
			fc.property(budgetWithCaps, percentChange, ([current, c], percent) => {
				const plan = planPercentChange(current, percent, c);
				if (!plan.ok) return;
				emitted++;
				const amount = current * (1 + plan.percent / 100);
				assertWithinCaps(current, amount, c);
				expect(Math.sign(plan.percent)).toBe(Math.sign(percent));
				expect(plan.amount).not.toBeNull();
				expect(Math.abs((plan.amount as number) - amount)).toBeLessThan(1e-6 * Math.max(1, amount));
			}),
			{ numRuns: 3000 },
		);
		// The property must not hold only because every plan was refused.
		expect(emitted).toBeGreaterThan(600);
	});

	it('a set budget never leaves floor, ceiling or max % change', () => {
		let emitted = 0;
		fc.assert(
			fc.property(budgetWithCaps, money, ([current, c], requested) => {
				const plan = planSetBudget(current, requested, c);
				if (!plan.ok) return;
				emitted++;
				assertWithinCaps(current, plan.amount as number, c);
			}),
			{ numRuns: 3000 },
		);
		expect(emitted).toBeGreaterThan(600);
	});

	it('without a current budget the percent itself stays within the max change', () => {
		fc.assert(
			fc.property(percentChange, caps, (percent, c) => {
				const plan = planPercentChange(null, percent, c);
				expect(plan.ok).toBe(true);
				if (plan.ok && c.maxPercent !== null) expect(Math.abs(plan.percent)).toBeLessThanOrEqual(c.maxPercent + TOL);
			}),
		);
	});

	it('a whole rule run never emits a budget action outside its caps', () => {
		fc.assert(
			fc.property(
				money,
				fc.integer({ min: -90, max: 300 }).filter((p) => p !== 0),
				caps,
				maybe(fc.double({ min: 1, max: 100, noNaN: true })),
				(budget, percent, c, nodeMax) => {
					const action: Record<string, unknown> = { kind: 'changeBudgetByPercent', percent };
					if (c.floor !== null) action.floor = c.floor;
					if (c.ceiling !== null) action.ceiling = c.ceiling;
					if (c.maxPercent !== null) action.maxPercent = c.maxPercent;
					const list = rules([{ name: 'p', level: 'adSet', window: 'today', conditions: { metric: 'spend', operator: '>=', value: 0 }, actions: [action], cooldown: { hours: 0 } }]);
					const res = evaluateRules(list, indexed(days('2025-03-10', 1, () => ({ spend: 1, attributes: { dailyBudget: budget } }))), new Map(), opts({ maxBudgetChangePercent: nodeMax }));
					for (const { action: a } of res.actions) {
						if (a.kind !== 'changeBudgetByPercent') throw new Error('unexpected kind');
						const effectiveMax = c.maxPercent === null ? nodeMax : nodeMax === null ? c.maxPercent : Math.min(c.maxPercent, nodeMax);
						assertWithinCaps(budget, budget * (1 + a.params.percent / 100), { ...c, maxPercent: effectiveMax });
						expect(a.params.floor ?? null).toBe(c.floor);
						expect(a.params.ceiling ?? null).toBe(c.ceiling);
					}
				},
			),
			{ numRuns: 500 },
		);
	});
});
