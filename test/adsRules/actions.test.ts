import { parseAction } from '../../nodes/shared/contracts';
import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { days, indexed, NOW, opts, rules } from './helpers';

const input = days('2025-03-10', 7, () => ({ entityId: 'a', entityName: 'Winners', impressions: 1000, clicks: 30, spend: 20, conversions: 1, value: 80, attributes: { dailyBudget: 100 } }));
const rule = (actions: unknown[], extra = {}) => ({
	name: 'r',
	level: 'adSet',
	window: 'last_7d',
	conditions: { all: [{ metric: 'roas', operator: '>', value: 3 }] },
	minData: { spend: 10 },
	actions,
	cooldown: { hours: 0 },
	...extra,
});
const run = (actions: unknown[], over = {}, data = input) => evaluateRules(rules([rule(actions)]), indexed(data), new Map(), opts(over));

describe('actions', () => {
	it('builds a valid AdAction with source, evidence and reason', () => {
		const [{ action }] = run([{ kind: 'pause' }]).actions;
		expect(parseAction(action)).toEqual({ ok: true, value: action });
		expect(action).toMatchObject({
			schema: 'adpilot.action/v1',
			platform: 'meta',
			accountId: '111',
			level: 'adSet',
			entityId: 'a',
			entityName: 'Winners',
			kind: 'pause',
			params: {},
			source: { type: 'rule', ruleName: 'r' },
			decidedAt: new Date(NOW).toISOString(),
			reason: 'Rule "r": roas last_7d > 3 (4 vs 3)',
		});
		expect(action.evidence).toEqual([
			{ label: 'roas last_7d > 3', left: 4, operator: '>', right: 3, result: true },
			{ label: 'gate: spend last_7d', left: 140, operator: '>=', right: 10, result: true },
		]);
	});

	it('keeps the idempotency key stable for the same decision and changes it with the window end or params', () => {
		const k1 = run([{ kind: 'pause' }]).actions[0].action.idempotencyKey;
		const k2 = run([{ kind: 'pause' }], { now: NOW + 3_600_000 }).actions[0].action.idempotencyKey;
		expect(k1).toMatch(/^[0-9a-f]{32}$/);
		expect(k2).toBe(k1);
		const nextDay = run([{ kind: 'pause' }], {}, [...input, { ...input[6], date: '2025-03-11' }]).actions[0].action.idempotencyKey;
		expect(nextDay).not.toBe(k1);
		const bid1 = run([{ kind: 'setBid', amount: 1 }]).actions[0].action.idempotencyKey;
		const bid2 = run([{ kind: 'setBid', amount: 2 }]).actions[0].action.idempotencyKey;
		expect(bid1).not.toBe(bid2);
	});

	it('caps a budget raise at the ceiling and carries floor, ceiling and the current budget', () => {
		const [{ action }] = run([{ kind: 'changeBudgetByPercent', percent: 30, floor: 20, ceiling: 110 }]).actions;
		expect(action.kind).toBe('changeBudgetByPercent');
		if (action.kind !== 'changeBudgetByPercent') return;
		expect(action.params).toMatchObject({ budgetType: 'daily', currency: 'EUR', floor: 20, ceiling: 110, currentAmount: 100 });
		expect(action.params.percent).toBeCloseTo(10, 9);
		expect(action.reason).toMatch(/daily budget 100 → 110 \(10 %\) \(capped: ceiling 110\)$/);
		expect(action.evidence.at(-1)).toEqual({ label: 'resulting daily budget (capped: ceiling 110)', left: 110, operator: 'within', right: '[20, 110]', result: true });
	});

	it('applies the node-wide max change on top of the rule, and holds back moves the caps forbid', () => {
		const capped = run([{ kind: 'changeBudgetByPercent', percent: 80 }], { maxBudgetChangePercent: 25 }).actions[0].action;
		expect(capped.kind === 'changeBudgetByPercent' && capped.params.percent).toBeCloseTo(25, 9);
		const atCeiling = run([{ kind: 'changeBudgetByPercent', percent: 20, ceiling: 100 }]);
		expect(atCeiling.actions).toEqual([]);
		expect(atCeiling.log[0].entry.actions).toEqual([
			{ kind: 'changeBudgetByPercent', skipped: 'budget stays at 100: the capped result 100 (ceiling 100) does not move it up' },
		]);
		expect(atCeiling.log[0].entry.reason).toBe('matched, but every action was held back by its caps');
		expect(atCeiling.fires).toEqual([]);
	});

	it('sends the percent alone when the current budget is unknown (Apply enforces floor/ceiling)', () => {
		const noBudget = input.map((r) => ({ ...r, attributes: undefined }));
		const [{ action }] = run([{ kind: 'changeBudgetByPercent', percent: -40, floor: 10, maxPercent: 30 }], {}, noBudget).actions;
		expect(action.params).toMatchObject({ percent: -30, floor: 10, ceiling: null, currentAmount: null });
		const setNoBudget = run([{ kind: 'setBudget', amount: 50, maxPercent: 30 }], {}, noBudget);
		expect(setNoBudget.actions).toEqual([]);
		expect(setNoBudget.log[0].entry.actions[0].skipped).toMatch(/current budget unknown/);
	});

	it('sets a budget within its caps and a bid', () => {
		const res = run([{ kind: 'setBudget', amount: 500, ceiling: 300, maxPercent: 150 }, { kind: 'setBid', amount: 1.25 }]);
		expect(res.actions.map((a) => [a.action.kind, a.action.params])).toEqual([
			['setBudget', { budgetType: 'daily', amount: 250, currency: 'EUR', currentAmount: 100 }],
			['setBid', { amount: 1.25, currency: 'EUR' }],
		]);
	});

	it('fills notify templates in the engine, leaving unknown placeholders alone', () => {
		const [{ action }] = run([{ kind: 'notify', severity: 'critical', message: '{{entityName}} ({{entityId}}): CPA {{cpa}}, CTR {{ctr}}, ROAS {{roas}}, spend {{ spend }} {{currency}} in {{window}} to {{date}} by {{ruleName}} {{unknown}}' }]).actions;
		expect(action.params).toEqual({
			message: 'Winners (a): CPA 20.00, CTR 3%, ROAS 4, spend 140.00 EUR in last_7d to 2025-03-10 by r {{unknown}}',
			severity: 'critical',
		});
	});

	it('produces resume only for rules that allow activation', () => {
		const res = evaluateRules(rules([rule([{ kind: 'resume' }], { allowActivation: true })]), indexed(input), new Map(), opts());
		expect(res.actions[0].action.kind).toBe('resume');
	});
});
