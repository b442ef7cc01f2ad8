/**
 * The approval digest and Revert, on both platforms in one run, against the
 * simulator: the digest binds Apply to exactly the approved targets, and a
 * Revert run restores the simulator's state exactly.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { action, DATASET, googleTargets, graph, metaTargets, runApply, type GoogleTargets, type MetaTargets } from './support';

let sim: RunningSimulator;
let t: MetaTargets;
let g: GoogleTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	sim.reset();
	t = await metaTargets(sim);
	g = await googleTargets(sim);
});

function mixedActions(percent = 10): IDataObject[] {
	return [
		action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: t.adSets[0].id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent, currency: 'EUR' } }),
		action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: t.ads.find((a) => a.status === 'ACTIVE')!.id, kind: 'pause' }),
		action({ platform: 'google', accountId: g.customerId, level: 'campaign', entityId: g.campaigns[0].id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent: -percent, currency: g.currency } }),
		action({ platform: 'google', accountId: g.customerId, level: 'campaign', entityId: g.campaigns[1].id, kind: 'pause' }),
	];
}

async function snapshot(): Promise<IDataObject> {
	const ad = t.ads.find((a) => a.status === 'ACTIVE')!.id;
	const fresh = await googleTargets(sim);
	return {
		adSet: await graph(sim, `${t.adSets[0].id}?fields=daily_budget,status`),
		ad: await graph(sim, `${ad}?fields=status`),
		google: fresh.campaigns.slice(0, 2),
	};
}

describe('plan digest', () => {
	it('is the same for the same plan in any item order, and changes with any target', async () => {
		const a = await runApply(sim, { operation: 'plan' }, mixedActions());
		const b = await runApply(sim, { operation: 'plan' }, [...mixedActions()].reverse());
		const c = await runApply(sim, { operation: 'plan' }, mixedActions(11));
		expect(a.summary.planDigest).toBe(b.summary.planDigest);
		expect(c.summary.planDigest).not.toBe(a.summary.planDigest);
		expect(sim.changes()).toEqual([]);
	});

	it('Apply with the approved digest applies; with a stale one applies nothing and names the entities that differ', async () => {
		const plan = await runApply(sim, { operation: 'plan' }, mixedActions());
		const stale = await runApply(sim, { operation: 'apply', approvedDigest: plan.summary.planDigest, approvedTargets: JSON.stringify(plan.summary.targets) }, mixedActions(11));
		expect(stale.audit.every((a) => a.applied === false)).toBe(true);
		expect(stale.summary).toMatchObject({ applied: 0, approval: { ok: false } });
		const differences = (stale.summary.approval as IDataObject).differences as Array<{ entity: string }>;
		expect(differences.map((d) => d.entity)).toEqual(
			[`meta:${t.accountId}:adSet:${t.adSets[0].id}:budget.daily`, `google:${g.customerId}:campaign:${g.campaigns[0].id}:budget.daily`].sort(),
		);
		expect(sim.changes()).toEqual([]);
		const approved = await runApply(sim, { operation: 'apply', approvedDigest: plan.summary.planDigest }, mixedActions());
		expect(approved.summary).toMatchObject({ applied: 4, approval: { ok: true } });
		expect(sim.changes().length).toBe(4);
	});

	it('Apply without an approved digest (the default requires one) applies nothing', async () => {
		const run = await runApply(sim, { operation: 'apply' }, mixedActions());
		expect(run.summary).toMatchObject({ applied: 0, approval: { ok: false } });
		expect(sim.changes()).toEqual([]);
	});
});

describe('Revert', () => {
	it('restores the simulator state exactly, in one Revert → Apply run', async () => {
		const original = await snapshot();
		const applied = await runApply(sim, { operation: 'apply', requireApprovedDigest: false }, mixedActions());
		expect(applied.summary.applied).toBe(4);
		expect(await snapshot()).not.toEqual(original);
		const revert = await runApply(sim, { operation: 'revert' }, applied.audit);
		expect(revert.audit.map((a) => a.kind)).toEqual(['setBudget', 'resume', 'setBudget', 'resume']);
		const undone = await runApply(sim, { operation: 'apply', requireApprovedDigest: false, guardrails: { allowActivation: true } }, revert.audit);
		expect(undone.audit.map((a) => a.applied)).toEqual([true, true, true, true]);
		expect(await snapshot()).toEqual(original);
		// Each write once, then its inverse once.
		expect(sim.changes().length).toBe(8);
	});

	it('skips audit items that were not applied and rejects items that are not audit items', async () => {
		const plan = await runApply(sim, { operation: 'plan' }, mixedActions());
		const skipped = await runApply(sim, { operation: 'revert' }, plan.audit);
		expect(skipped.audit).toEqual([]);
		expect(skipped.summary).toMatchObject({ skipped: 4 });
		await expect(runApply(sim, { operation: 'revert' }, [{ foo: 1 }])).rejects.toThrow(/Item 0 .*schema/);
		const tolerant = await runApply(sim, { operation: 'revert' }, [{ foo: 1 }], { continueOnFail: true });
		expect(tolerant.audit[0]).toMatchObject({ field: 'schema', itemIndex: 0 });
	});
});
