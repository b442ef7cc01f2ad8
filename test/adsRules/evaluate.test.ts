import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { days, indexed, opts, rules, type RowInput } from './helpers';

const base = { level: 'adSet', window: 'last_7d', cooldown: { hours: 0 } };
const twoEntities: RowInput[] = [
	...days('2025-03-10', 7, () => ({ entityId: 'a', impressions: 5000, clicks: 25, spend: 50, conversions: 1 })),
	...days('2025-03-10', 7, () => ({ entityId: 'b', impressions: 100, clicks: 0, spend: 1, conversions: 0 })),
];

describe('evaluation', () => {
	it('skips entities that fail the minimum-data gate and reports why', () => {
		const res = evaluateRules(
			rules([{ ...base, name: 'low ctr', minData: { impressions: 1000 }, conditions: { metric: 'ctr', operator: '<', value: 0.01 }, actions: [{ kind: 'pause' }] }]),
			indexed(twoEntities),
			new Map(),
			opts(),
		);
		const a = res.log.find((l) => l.entry.entityId === 'a')!.entry;
		const b = res.log.find((l) => l.entry.entityId === 'b')!.entry;
		expect(a.status).toBe('matched');
		expect(a.gates).toEqual([{ label: 'gate: impressions last_7d', left: 35000, operator: '>=', right: 1000, result: true }]);
		expect(b.status).toBe('skipped');
		expect(b.reason).toBe('gate: impressions last_7d is 700, needs ≥ 1000');
		expect(b.conditions).toEqual([]);
		expect(res.actions.map((x) => x.action.entityId)).toEqual(['a']);
		expect(res.noMatch.map((n) => n.summary)).toEqual([
			expect.objectContaining({ entityId: 'b', skipped: 1, summary: 'no rule matched: "low ctr" skipped (gate: impressions last_7d is 700, needs ≥ 1000)' }),
		]);
	});

	it('skips with "insufficient data" when the window is longer than the data', () => {
		const res = evaluateRules(
			rules([{ ...base, name: 'r', window: 'last_14d', conditions: { metric: 'spend', operator: '>', value: 0 }, actions: [{ kind: 'pause' }] }]),
			indexed(twoEntities),
			new Map(),
			opts(),
		);
		expect(res.actions).toEqual([]);
		expect(res.log.map((l) => l.entry.reason)).toEqual([
			'insufficient data: last_14d needs 2025-02-25..2025-03-10 but the data starts 2025-03-04',
			'insufficient data: last_14d needs 2025-02-25..2025-03-10 but the data starts 2025-03-04',
		]);
		expect(res.stats.skipped).toBe(2);
	});

	it('runs higher priority first and, in first-match mode, stops at the first matching rule per entity', () => {
		const list = rules([
			{ ...base, name: 'notify spend', priority: 1, conditions: { metric: 'spend', operator: '>', value: 0 }, actions: [{ kind: 'notify', message: 'x' }] },
			{ ...base, name: 'pause a', priority: 5, conditions: { metric: 'spend', operator: '>', value: 100 }, actions: [{ kind: 'pause' }] },
		]);
		const all = evaluateRules(list, indexed(twoEntities), new Map(), opts());
		expect(all.actions.map((x) => `${x.action.source.type === 'rule' && x.action.source.ruleName}:${x.action.entityId}`)).toEqual([
			'pause a:a',
			'notify spend:a',
			'notify spend:b',
		]);
		const first = evaluateRules(list, indexed(twoEntities), new Map(), opts({ matchMode: 'firstMatch' }));
		expect(first.actions.map((x) => `${x.action.kind}:${x.action.entityId}`)).toEqual(['pause:a', 'notify:b']);
		const held = first.log.find((l) => l.entry.rule === 'notify spend' && l.entry.entityId === 'a')!.entry;
		expect(held).toMatchObject({ status: 'skipped', reason: 'first match wins: higher-priority rule "pause a" already matched' });
	});

	it('uses the latest date in the data as today unless a reference date is given', () => {
		const list = rules([{ ...base, name: 'today spend', window: 'today', conditions: { metric: 'spend', operator: '>=', value: 50 }, actions: [{ kind: 'pause' }] }]);
		const input = [{ entityId: 'a', date: '2025-03-09', spend: 60 }, { entityId: 'a', date: '2025-03-10', spend: 5 }];
		expect(evaluateRules(list, indexed(input), new Map(), opts()).referenceDate).toBe('2025-03-10');
		expect(evaluateRules(list, indexed(input), new Map(), opts()).actions).toHaveLength(0);
		const ref = evaluateRules(list, indexed(input), new Map(), opts({ referenceDate: '2025-03-09' }));
		expect(ref.actions).toHaveLength(1);
		expect(ref.actions[0].action.reason).toBe('Rule "today spend": spend today >= 50 (60 vs 50)');
	});

	it('applies the rule scope and level, and explains entities no rule applies to', () => {
		const input: RowInput[] = [
			{ entityId: 'a', entityName: 'Prospecting EU', date: '2025-03-10', spend: 5 },
			{ entityId: 'b', entityName: 'Retargeting', date: '2025-03-10', spend: 5 },
			{ entityId: 'c', level: 'campaign', date: '2025-03-10', spend: 5 },
		];
		const res = evaluateRules(
			rules([{ ...base, name: 'p', window: 'today', scope: { nameContains: 'prospecting' }, conditions: { metric: 'spend', operator: '>', value: 1 }, actions: [{ kind: 'pause' }] }]),
			indexed(input),
			new Map(),
			opts(),
		);
		expect(res.actions.map((x) => x.action.entityId)).toEqual(['a']);
		expect(res.noMatch.map((n) => [n.summary.entityId, n.summary.summary])).toEqual([
			['b', 'no enabled rule applies to level adSet'],
			['c', 'no enabled rule applies to level campaign'],
		]);
	});

	it('keeps the log empty when the option is off and pairs outputs with the entity rows', () => {
		const res = evaluateRules(
			rules([{ ...base, name: 'r', conditions: { metric: 'spend', operator: '>', value: 0 }, actions: [{ kind: 'pause' }] }]),
			indexed(twoEntities),
			new Map(),
			opts({ decisionLog: false }),
		);
		expect(res.log).toEqual([]);
		expect(res.actions[0].itemIndexes).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(res.actions[1].itemIndexes).toEqual([7, 8, 9, 10, 11, 12, 13]);
	});
});
