/**
 * Ads Apply on Meta against the simulator; the simulator's change log is
 * the truth for what was written.
 */
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { action, DATASET, graph, metaTargets, runApply, type MetaTargets } from './support';

let sim: RunningSimulator;
let t: MetaTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	sim.reset();
	t = await metaTargets(sim);
});

const budget = (entityId: string, percent: number, level: 'adSet' | 'campaign' = 'adSet') =>
	action({ platform: 'meta', accountId: t.accountId, level, entityId, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent, currency: 'EUR' } });
const apply = { operation: 'apply', requireApprovedDigest: false };

describe('Plan on Meta', () => {
	it('reads, judges, validates with validate_only and changes nothing', async () => {
		const set = t.adSets[0];
		const { audit, summary } = await runApply(sim, { operation: 'plan' }, [budget(set.id, 10), budget(t.adSets[1].id, 50)]);
		expect(audit[0]).toMatchObject({ decision: 'apply', before: set.daily, after: Math.round(set.daily * 110) / 100, validated: true, applied: false, currency: 'EUR', property: 'budget.daily' });
		expect(audit[1]).toMatchObject({ decision: 'clamp', requested: t.adSets[1].daily * 1.5, after: Math.round(t.adSets[1].daily * 120) / 100 });
		expect((audit[1].guardrails as Array<{ name: string; outcome: string }>).find((g) => g.name === 'maxChangePercent')?.outcome).toBe('clamp');
		expect(summary).toMatchObject({ operation: 'plan', apply: 1, clamp: 1 });
		expect(String(summary.planDigest)).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(sim.changes()).toEqual([]);
		// Reads and validation go through the Batch API.
		expect(Object.keys(sim.counts()).some((label) => label.startsWith('meta batch POST'))).toBe(true);
	});

	it('a change Meta refuses on validate_only is a reject with Meta\'s reason; nothing is written', async () => {
		sim.setMetaKnobs({ budgetChangesPerHour: 0 });
		const ad = t.ads.find((a) => a.status === 'ACTIVE')!;
		const { audit, summary } = await runApply(sim, { operation: 'plan' }, [budget(t.adSets[0].id, 10), action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: ad.id, kind: 'pause' })]);
		expect(audit[0]).toMatchObject({ decision: 'reject', validated: false, applied: false });
		expect(String(audit[0].reason)).toMatch(/platform refuses this change: .*(limit|budget)/i);
		expect((audit[0].guardrails as Array<{ name: string }>).map((g) => g.name)).toContain('platformValidation');
		expect(audit[1]).toMatchObject({ decision: 'apply', validated: true });
		expect(summary).toMatchObject({ reject: 1, apply: 1 });
		expect(sim.changes()).toEqual([]);
	});
});

describe('Apply on Meta', () => {
	it('applies pause, budget (ad set and campaign) and bid changes once; re-applying changes nothing', async () => {
		const ad = t.ads.find((a) => a.status === 'ACTIVE')!;
		const set = t.adSets[0];
		// Give the ad set a bid cap to change (the dataset has none); cooldown 0 since that write is recent history.
		await fetch(`${sim.metaBaseUrl}/v25.0/${set.id}?access_token=${SIM_META_ACCESS_TOKEN}`, { method: 'POST', body: new URLSearchParams({ bid_amount: '200' }) });
		const before = sim.changes().length;
		const actions = [
			action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: ad.id, kind: 'pause' }),
			action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: set.id, kind: 'setBudget', params: { budgetType: 'daily', amount: Math.round(set.daily * 110) / 100, currency: 'EUR' } }),
			action({ platform: 'meta', accountId: t.accountId, level: 'campaign', entityId: t.campaigns[0].id, kind: 'setBudget', params: { budgetType: 'daily', amount: Math.round(t.campaigns[0].daily * 90) / 100, currency: 'EUR' } }),
			action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: set.id, kind: 'setBid', params: { amount: 2.2, currency: 'EUR' } }),
		];
		const params = { ...apply, guardrails: { cooldownHours: 0 } };
		const first = await runApply(sim, params, actions);
		expect(first.audit.map((a) => a.applied)).toEqual([true, true, true, true]);
		const log = sim.changes().slice(before);
		expect(log.map((c) => [c.entity, Object.keys(c.fields)[0], c.fields[Object.keys(c.fields)[0]].after])).toEqual([
			[ad.id, 'status', 'PAUSED'],
			[set.id, 'daily_budget', String(Math.round(set.daily * 110))],
			[t.campaigns[0].id, 'daily_budget', String(Math.round(t.campaigns[0].daily * 90))],
			[set.id, 'bid_amount', '220'],
		]);
		const again = await runApply(sim, params, actions);
		expect(again.audit.map((a) => a.decision)).toEqual(['noop', 'noop', 'noop', 'noop']);
		expect(sim.changes().length).toBe(before + 4);
	});

	it('a percent action already applied (its idempotencyKey in the audit rows) is a noop, even with the cooldown off', async () => {
		const params = { ...apply, guardrails: { cooldownHours: 0 } };
		const actions = [budget(t.adSets[0].id, 10)];
		const first = await runApply(sim, params, actions);
		expect(first.audit[0].applied).toBe(true);
		const again = await runApply(sim, params, actions, { recent: first.audit });
		expect(again.audit[0]).toMatchObject({ decision: 'noop', applied: false });
		expect(sim.changes().length).toBe(1);
	});

	it('resume is rejected without Allow Activation and applied with it', async () => {
		const paused = t.ads.find((a) => a.status === 'PAUSED')!;
		const resume = action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: paused.id, kind: 'resume' });
		const off = await runApply(sim, apply, [resume]);
		expect(off.audit[0]).toMatchObject({ decision: 'reject', applied: false });
		expect(String(off.audit[0].reason)).toMatch(/Allow Activation/);
		expect(sim.changes()).toEqual([]);
		const on = await runApply(sim, { ...apply, guardrails: { allowActivation: true } }, [resume]);
		expect(on.audit[0]).toMatchObject({ decision: 'apply', applied: true });
		expect((await graph(sim, `${paused.id}?fields=status`)).status).toBe('ACTIVE');
	});

	it('a second budget change inside the cooldown is rejected, judged from Meta activities', async () => {
		const set = t.adSets[0];
		await runApply(sim, apply, [budget(set.id, 10)]);
		const second = await runApply(sim, apply, [budget(set.id, 10)]);
		expect(second.audit[0]).toMatchObject({ decision: 'reject', applied: false });
		expect(String(second.audit[0].reason)).toMatch(/cooldown/);
		expect(sim.changes().length).toBe(1);
	});

	it("Meta's 4 budget changes per ad set per hour hold even with the cooldown off", async () => {
		const set = t.adSets[0];
		const params = { ...apply, guardrails: { cooldownHours: 0 } };
		for (let i = 0; i < 4; i++) {
			const run = await runApply(sim, params, [budget(set.id, i % 2 ? -5 : 5)]);
			expect(run.audit[0].applied).toBe(true);
		}
		const fifth = await runApply(sim, params, [budget(set.id, 5)]);
		expect(fifth.audit[0]).toMatchObject({ decision: 'reject' });
		expect((fifth.audit[0].guardrails as Array<{ name: string; value: number }>).find((g) => g.name === 'metaBudgetChangesPerHour')?.value).toBe(4);
		expect(sim.changes().length).toBe(4);
	});

	it('cooldowns can come from audit rows on the second input alone', async () => {
		const set = t.adSets[0];
		const recent = [{ schema: 'adpilot.audit/v1', applied: true, appliedAt: new Date(Date.now() - 3_600_000).toISOString(), platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: set.id, property: 'budget.daily' }];
		const run = await runApply(sim, { ...apply, options: { historySource: 'audit' } }, [budget(set.id, 10)], { recent });
		expect(run.audit[0]).toMatchObject({ decision: 'reject' });
		expect(String(run.audit[0].reason)).toMatch(/cooldown/);
		expect(sim.counts()['meta GET /activities'] ?? 0).toBe(0);
		expect(sim.changes()).toEqual([]);
	});

	it('partial failure: a change Meta refuses fails alone, the others apply, each mapped to its item', async () => {
		sim.setMetaKnobs({ budgetChangesPerHour: 0 });
		const ad = t.ads.find((a) => a.status === 'ACTIVE')!;
		const run = await runApply(sim, { ...apply, options: { validateOnPlatform: false } }, [
			budget(t.adSets[0].id, 10),
			action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: ad.id, kind: 'pause' }),
		]);
		expect(run.audit[0]).toMatchObject({ applied: false, decision: 'apply' });
		expect(String(run.audit[0].error)).toMatch(/budget|limit/i);
		expect(run.audit[1]).toMatchObject({ applied: true });
		expect(run.summary).toMatchObject({ applied: 1, failed: 1 });
		expect(sim.changes().map((c) => c.entity)).toEqual([ad.id]);
	});
});
