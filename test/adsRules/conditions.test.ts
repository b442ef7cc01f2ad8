import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { compare } from '../../nodes/AdsRules/engine/conditions';
import type { DecisionLogEntry } from '../../nodes/AdsRules/engine/log';
import { days, indexed, opts, rules, type RowInput } from './helpers';

function run(rawRules: unknown[], input: RowInput[], over = {}) {
	return evaluateRules(rules(rawRules), indexed(input), new Map(), opts(over));
}
const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({
	name: 'r',
	level: 'adSet',
	window: 'last_7d',
	conditions,
	actions: [{ kind: 'pause' }],
	cooldown: { hours: 0 },
	...extra,
});
const entry = (res: ReturnType<typeof run>, entityId = 'as1'): DecisionLogEntry =>
	res.log.find((l) => l.entry.entityId === entityId)!.entry;

// 7 days, CPA 10 (spend 20, 2 conversions per day), CTR 2 %.
const steady = days('2025-03-10', 14, () => ({ impressions: 1000, clicks: 20, spend: 20, conversions: 2, value: 60, attributes: { dailyBudget: 25 } }));

describe('operators', () => {
	it.each([
		['>', 5, 4, true],
		['>', 4, 4, false],
		['>=', 4, 4, true],
		['<', 3, 4, true],
		['<=', 4.0000000001, 4, true],
		['=', 0.1 + 0.2, 0.3, true],
		['!=', 1, 2, true],
		['!=', 2, 2, false],
	] as const)('%s: %p vs %p is %p', (op, l, r, expected) => {
		expect(compare(op, l, r)).toBe(expected);
	});

	it('handles between and not between inclusively', () => {
		const range = { kind: 'range', low: 10, high: 20 } as const;
		expect(compare('between', 10, range)).toBe(true);
		expect(compare('between', 20, range)).toBe(true);
		expect(compare('between', 20.5, range)).toBe(false);
		expect(compare('notBetween', 9, range)).toBe(true);
		expect(compare('notBetween', 15, range)).toBe(false);
	});
});

describe('condition kinds', () => {
	it('compares a metric over the window with a constant', () => {
		const res = run([rule({ all: [{ metric: 'cpa', operator: '>=', value: 10 }, { metric: 'ctr', operator: 'between', value: [0.019, 0.021] }] })], steady);
		const e = entry(res);
		expect(e.status).toBe('matched');
		expect(e.conditions.map((c) => [c.label, c.left, c.operator, c.right, c.result])).toEqual([
			['cpa last_7d >= 10', 10, '>=', 10, true],
			['ctr last_7d between [0.019, 0.021]', 0.02, 'between', '[0.019, 0.021]', true],
		]);
	});

	it('compares with a rule parameter times a multiplier (CPA > 1.5 × target)', () => {
		const hit = run([rule({ metric: 'cpa', operator: '>', param: 'targetCpa', multiplier: 1.5 }, { params: { targetCpa: 6 } })], steady);
		expect(entry(hit).conditions[0]).toMatchObject({ label: 'cpa last_7d > 1.5 × targetCpa', left: 10, right: 9, result: true });
		const miss = run([rule({ metric: 'cpa', operator: '>', param: 'targetCpa', multiplier: 1.5 }, { params: { targetCpa: 7 } })], steady);
		expect(entry(miss).status).toBe('notMatched');
	});

	it('compares with another metric times a multiplier (spend > 2 × daily budget)', () => {
		const r = rule({ metric: 'spend', window: 'today', operator: '>', compareTo: { metric: 'dailyBudget', multiplier: 0.5 } });
		const e = entry(run([r], steady));
		expect(e.conditions[0]).toMatchObject({ label: 'spend today > 0.5 × dailyBudget', left: 20, right: 12.5, result: true });
		const twice = entry(run([rule({ metric: 'spend', window: 'today', operator: '>', compareTo: { metric: 'dailyBudget', multiplier: 2 } })], steady));
		expect(twice.conditions[0]).toMatchObject({ right: 50, result: false });
	});

	it('compares with the previous window as % change or ratio (CTR dropped 30 %)', () => {
		// Previous 7 days CTR 2 %, last 7 days CTR 1.2 % → −40 %.
		const input = days('2025-03-10', 14, (i) => ({ impressions: 1000, clicks: i < 7 ? 20 : 12, spend: 10 }));
		const pct = entry(run([rule({ metric: 'ctr', operator: '<=', change: 'percent', value: -30 })], input));
		expect(pct.conditions[0].left).toBeCloseTo(-40, 6);
		expect(pct.conditions[0].result).toBe(true);
		expect(pct.conditions[0].label).toMatch(/ctr last_7d vs previous 7d \(% change; 0.012 vs 0.02\)/);
		const ratio = entry(run([rule({ metric: 'ctr', operator: '<', change: 'ratio', value: 0.7 })], input));
		expect(ratio.conditions[0].left).toBeCloseTo(0.6, 6);
		expect(ratio.conditions[0].result).toBe(true);
	});

	it('ranks entities among peers of the same level and account (bottom N by ROAS)', () => {
		const input: RowInput[] = [];
		const roas: Record<string, number> = { a: 1, b: 4, c: 2, d: 3, x: 0.5 };
		for (const [id, r] of Object.entries(roas)) {
			input.push(...days('2025-03-10', 7, () => ({ entityId: id, accountId: id === 'x' ? '222' : '111', spend: 10, value: 10 * r, impressions: 100 })));
		}
		const res = run([rule({ metric: 'roas', operator: '<=', rank: 'bottom', scope: 'account', value: 2 })], input);
		const matched = res.log.filter((l) => l.entry.status === 'matched').map((l) => l.entry.entityId).sort();
		// Account 111: a (1) and c (2) are the bottom two; x is alone in account 222, so rank 1 there.
		expect(matched).toEqual(['a', 'c', 'x']);
		expect(entry(res, 'b').conditions[0]).toMatchObject({ left: 4, result: false });
		const all = run([rule({ metric: 'roas', operator: '<=', rank: 'bottom', scope: 'all', value: 2 })], input);
		expect(all.log.filter((l) => l.entry.status === 'matched').map((l) => l.entry.entityId).sort()).toEqual(['a', 'x']);
		const top = run([rule({ metric: 'roas', operator: '<=', rank: 'top', scope: 'all', value: 1 })], input);
		expect(top.log.filter((l) => l.entry.status === 'matched').map((l) => l.entry.entityId)).toEqual(['b']);
	});

	it('requires the comparison on every day of the window with eachDay', () => {
		const good = days('2025-03-10', 3, () => ({ spend: 10, value: 40 }));
		const oneBad = days('2025-03-10', 3, (i) => ({ spend: 10, value: i === 1 ? 20 : 40 }));
		const r = rule({ metric: 'roas', operator: '>', value: 3, eachDay: true }, { window: 'last_3d' });
		const e = entry(run([r], good));
		expect(e.conditions[0]).toMatchObject({ result: true, left: '2025-03-08: 4, 2025-03-09: 4, 2025-03-10: 4' });
		expect(entry(run([r], oneBad)).conditions[0]).toMatchObject({ result: false, left: '2025-03-08: 4, 2025-03-09: 2, 2025-03-10: 4' });
		// A plain window ROAS would pass (100/30 > 3) — eachDay is stricter.
		expect(entry(run([rule({ metric: 'roas', operator: '>', value: 3 }, { window: 'last_3d' })], oneBad)).status).toBe('matched');
	});

	it('reads daysSinceCreated and budgets from attributes relative to the reference date', () => {
		const input = days('2025-03-10', 3, () => ({ spend: 1, attributes: { createdTime: '2025-03-01T15:00:00+0000', dailyBudget: 30 } }));
		const r = rule({ all: [{ metric: 'daysSinceCreated', operator: '=', value: 9 }, { metric: 'dailyBudget', operator: '=', value: 30 }] }, { window: 'last_3d' });
		expect(entry(run([r], input)).status).toBe('matched');
		expect(entry(run([r], input, { referenceDate: '2025-03-09' })).conditions[0]).toMatchObject({ left: 8, result: false });
	});

	it('nests all / any / not groups', () => {
		const r = rule({
			all: [{ metric: 'spend', operator: '>', value: 100 }, { any: [{ metric: 'cpa', operator: '>', value: 50 }, { not: { metric: 'ctr', operator: '>', value: 0.05 } }] }],
		});
		const e = entry(run([r], steady));
		expect(e.status).toBe('matched');
		expect(e.conditions.map((c) => c.path)).toEqual(['rules[0].conditions.all[0]', 'rules[0].conditions.all[1].any[0]', 'rules[0].conditions.all[1].any[1].not']);
		expect(e.conditions.map((c) => c.result)).toEqual([true, false, false]);
	});

	it('treats an n/a value as not matching and says why', () => {
		const noConv = days('2025-03-10', 7, () => ({ spend: 10, impressions: 100 }));
		const e = entry(run([rule({ metric: 'cpa', operator: '>', value: 5 })], noConv));
		expect(e.status).toBe('notMatched');
		expect(e.conditions[0]).toMatchObject({ left: null, result: false, note: 'cpa last_7d is n/a (no data or zero denominator)' });
	});
});
