/** The planner's rules one by one, on hand-made states (pure: no HTTP). */
import { readAction } from '../../nodes/AdsApply/engine/intent';
import { buildPlan } from '../../nodes/AdsApply/engine/plan';
import { DEFAULT_GUARDRAILS, type GuardrailSettings, type PlanInput } from '../../nodes/AdsApply/engine/types';
import type { EntityState } from '../../nodes/shared/platforms/platform';
import { action } from './support';

const NOW = Date.parse('2026-11-20T12:00:00Z');

function state(id: string, daily: number | null, status: EntityState['status'] = 'active', currency = 'EUR'): EntityState {
	return { ref: { accountId: '1', level: 'adSet', entityId: id }, name: null, status, platformStatus: status.toUpperCase(), currency, budgets: { daily, lifetime: null }, bid: null };
}

function plan(actions: object[], states: EntityState[], settings: Partial<GuardrailSettings> = {}) {
	const inputs = actions.map((a, i) => (readAction(a, i) as { input: PlanInput }).input);
	return buildPlan(inputs, {
		settings: { ...DEFAULT_GUARDRAILS, ...settings },
		states: new Map(states.map((s) => [`meta:1:adSet:${s.ref.entityId}`, s])),
		history: new Map(),
		nowMs: NOW,
	});
}

const pct = (id: string, percent: number, extra: object = {}) => ({ ...action({ platform: 'meta', accountId: '1', level: 'adSet', entityId: id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent, currency: 'EUR' } }), ...extra });

describe('planner', () => {
	it('clamps +50 % to +20 % and −90 % to −20 %, and says which guardrail did it', () => {
		const { entries } = plan([pct('a', 50), pct('b', -90)], [state('a', 100), state('b', 100)]);
		expect(entries.map((e) => [e.decision, e.after])).toEqual([['clamp', 120], ['clamp', 80]]);
		expect(entries[0].reason).toMatch(/maxChangePercent/);
	});

	it('caps money per action and per account, highest priority first', () => {
		const { entries, totals } = plan([pct('a', 20, { priority: 1 }), pct('b', 20, { priority: 5 }), pct('c', 20)], [state('a', 1000), state('b', 1000), state('c', 1000)], { maxChangeAmount: 150, maxDailyIncreasePerAccount: 250 });
		// b (priority 5) gets 150 (money cap), a gets the remaining 100, c nothing.
		expect(entries.map((e) => [e.decision, e.after])).toEqual([['clamp', 1100], ['clamp', 1150], ['reject', 1000]]);
		expect(totals.accounts[0]).toMatchObject({ dailyIncrease: 250, changes: 2 });
	});

	it('keeps the highest priority and largest impact when over Max Actions', () => {
		const { entries } = plan([pct('a', 10), pct('b', 10), pct('c', 10, { priority: 2 })], [state('a', 50), state('b', 500), state('c', 5)], { maxActions: 2 });
		expect(entries.map((e) => e.decision)).toEqual(['reject', 'apply', 'apply']);
		expect(entries[0].reason).toMatch(/Max Actions/);
	});

	it('merges a duplicate with the same target and rejects a conflicting one', () => {
		const { entries } = plan([pct('a', 10), pct('a', 10), pct('a', -10)], [state('a', 100)]);
		expect(entries.map((e) => e.decision)).toEqual(['apply', 'noop', 'reject']);
		expect(entries[1].reason).toMatch(/merged/);
		expect(entries[2].reason).toMatch(/conflicts with item 0/);
	});

	it('a target equal to the current state is a noop; pausing a paused entity too', () => {
		const set = action({ platform: 'meta', accountId: '1', level: 'adSet', entityId: 'a', kind: 'setBudget', params: { budgetType: 'daily', amount: 100, currency: 'EUR' } });
		const pause = action({ platform: 'meta', accountId: '1', level: 'adSet', entityId: 'b', kind: 'pause' });
		const { entries, targets } = plan([set, pause], [state('a', 100), state('b', 10, 'paused')]);
		expect(entries.map((e) => e.decision)).toEqual(['noop', 'noop']);
		expect(targets).toEqual([]);
	});

	it('notify passes through as a noop and is not part of the digest', () => {
		const notify = action({ platform: 'meta', accountId: '1', level: 'adSet', entityId: 'a', kind: 'notify', params: { message: 'look', severity: 'info' } });
		const alone = plan([pct('a', 10)], [state('a', 100)]);
		const withNotify = plan([notify, pct('a', 10)], [state('a', 100)]);
		expect(withNotify.entries[0]).toMatchObject({ decision: 'noop', reason: expect.stringMatching(/notify/) });
		expect(withNotify.digest).toBe(alone.digest);
	});

	it('respects floors and ceilings, and rejects when none is reachable within the cap', () => {
		const { entries } = plan([pct('a', -20, { params: { budgetType: 'daily', percent: -20, currency: 'EUR', floor: 95 } }), pct('b', 20)], [state('a', 100), state('b', 900)], { maxBudget: 1000 });
		expect(entries.map((e) => [e.decision, e.after])).toEqual([['clamp', 95], ['clamp', 1000]]);
		const unreachable = plan([pct('a', -10)], [state('a', 100)], { minBudget: 200 });
		expect(unreachable.entries[0].decision).toBe('reject');
	});

	it('refuses to change a shared budget (it would move every campaign on it)', () => {
		const shared = { ...state('a', 100), budgetShared: true, budgetResource: 'customers/1/campaignBudgets/9' };
		expect(plan([pct('a', 10)], [shared]).entries[0]).toMatchObject({ decision: 'reject', reason: expect.stringMatching(/shared/) });
	});

	it('uses whole units of the currency: JPY has none below 1', () => {
		const jpy = plan([pct('a', 3, { params: { budgetType: 'daily', percent: 3, currency: 'JPY' } })], [state('a', 1001, 'active', 'JPY')]).entries[0];
		expect(jpy).toMatchObject({ decision: 'apply', after: 1031, currency: 'JPY' });
	});
});
