/**
 * Ads Apply on Google Ads against the simulator: one GAQL read per customer
 * and level, validateOnly for plans, one googleAds:mutate per customer with
 * partial failure, change_event for cooldowns. The change log is the truth.
 */
import { googlePort } from '../../nodes/shared/platforms/google';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { action, DATASET, googleTargets, portContext, runApply, type GoogleTargets } from './support';

let sim: RunningSimulator;
let g: GoogleTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	sim.reset();
	g = await googleTargets(sim);
	sim.resetCounts();
});

const apply = { operation: 'apply', requireApprovedDigest: false };
const google = (level: 'campaign' | 'adSet', entityId: string, kind: string, params = {}) => action({ platform: 'google', accountId: g.customerId, level, entityId, kind, params });

describe('Plan on Google Ads', () => {
	it('reads once per customer and level, validates with validateOnly, changes nothing', async () => {
		const [c0, c1] = g.campaigns;
		const run = await runApply(sim, { operation: 'plan' }, [
			google('campaign', c0.id, 'changeBudgetByPercent', { budgetType: 'daily', percent: 15, currency: g.currency }),
			google('campaign', c1.id, 'pause'),
		]);
		expect(run.audit[0]).toMatchObject({ decision: 'apply', before: c0.daily, after: Math.round(c0.daily * 115) / 100, validated: true });
		expect(run.audit[1]).toMatchObject({ decision: 'apply', before: 'active', after: 'paused', validated: true });
		expect(sim.changes()).toEqual([]);
		const counts = sim.counts();
		expect(counts['google POST /customers/googleAds:mutate']).toBe(1); // one validateOnly call for both
		expect(counts['google POST /customers/googleAds:search']).toBe(2); // one state read + one change_event read
	});
});

describe('Apply on Google Ads', () => {
	it('budget, status and CPC bid changes go in one mutate; re-applying changes nothing', async () => {
		const [c0, c1] = g.campaigns;
		const group = g.adGroups.find((a) => a.bid !== null && a.status === 'ENABLED')!;
		const actions = [
			google('campaign', c0.id, 'setBudget', { budgetType: 'daily', amount: Math.round(c0.daily * 90) / 100, currency: g.currency }),
			google('campaign', c1.id, 'pause'),
			google('adSet', group.id, 'setBid', { amount: Math.round(group.bid! * 110) / 100, currency: g.currency }),
		];
		const first = await runApply(sim, apply, actions);
		expect(first.audit.map((a) => a.applied)).toEqual([true, true, true]);
		const log = sim.changes();
		expect(log.map((c) => [c.entity, Object.keys(c.fields)[0]])).toEqual([
			[c0.budget, 'amountMicros'],
			[`customers/${g.customerId}/campaigns/${c1.id}`, 'status'],
			[`customers/${g.customerId}/adGroups/${group.id}`, 'cpcBidMicros'],
		]);
		expect(log[0].fields.amountMicros.after).toBe(String(Math.round(c0.daily * 90) * 10_000));
		const again = await runApply(sim, apply, actions);
		expect(again.audit.map((a) => a.decision)).toEqual(['noop', 'noop', 'noop']);
		expect(sim.changes().length).toBe(3);
	});

	it('a second budget change within the cooldown is rejected, judged from change_event', async () => {
		const c0 = g.campaigns[0];
		const change = google('campaign', c0.id, 'changeBudgetByPercent', { budgetType: 'daily', percent: 10, currency: g.currency });
		expect((await runApply(sim, apply, [change])).audit[0].applied).toBe(true);
		const second = await runApply(sim, apply, [change]);
		expect(second.audit[0]).toMatchObject({ decision: 'reject' });
		expect(String(second.audit[0].reason)).toMatch(/cooldown/);
		expect(sim.changes().length).toBe(1);
	});

	it('a resume of a paused ad group needs Allow Activation', async () => {
		const paused = g.adGroups.find((a) => a.status === 'PAUSED')!;
		const resume = google('adSet', paused.id, 'resume');
		expect((await runApply(sim, apply, [resume])).audit[0]).toMatchObject({ decision: 'reject' });
		expect((await runApply(sim, { ...apply, guardrails: { allowActivation: true } }, [resume])).audit[0]).toMatchObject({ applied: true });
		expect(sim.changes().map((c) => c.fields.status?.after)).toEqual(['ENABLED']);
	});
});

describe('Google port: partial failure', () => {
	it('maps each operation error back to its change; the good ones apply', async () => {
		const ctx = portContext(sim);
		const [c0, c1] = g.campaigns;
		const refs = [c0, c1].map((c) => ({ accountId: g.customerId, level: 'campaign' as const, entityId: c.id }));
		const states = (await googlePort.readStates(ctx, refs)) as Array<Exclude<Awaited<ReturnType<typeof googlePort.readStates>>[number], Error>>;
		// The second budget is gone by the time the change is sent.
		const broken = { ...states[1], budgetResource: `customers/${g.customerId}/campaignBudgets/99999999` };
		const results = await googlePort.applyChanges(ctx, [
			{ kind: 'budget', ref: refs[0], budgetType: 'daily', amount: c0.daily + 1, currency: g.currency },
			{ kind: 'budget', ref: refs[1], budgetType: 'daily', amount: c1.daily + 1, currency: g.currency },
		], { validateOnly: false, states: [states[0], broken] });
		expect(results[0]).toMatchObject({ ok: true });
		expect(results[1]).toMatchObject({ ok: false });
		expect(results[1].error?.message).toMatch(/RESOURCE_NOT_FOUND|not found/i);
		expect(sim.changes().map((c) => c.entity)).toEqual([c0.budget]);
	});
});
