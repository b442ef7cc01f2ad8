/**
 * Template "Cross-platform budget rebalance" (workflows/cross-platform-budget-rebalance.json),
 * its AdPilot path in process against the simulator: Meta and Google campaign
 * rows → Reallocate (one total across both platforms) → Plan → Apply bound to
 * the approved digest. The simulator's change log holds exactly the approved
 * budgets, on both platforms; a plan that changed after approval applies nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { runTemplateChain } from './templatePath';
import { loadTemplate, simulatorCredentials } from './templates';

const template = loadTemplate('cross-platform-budget-rebalance.json');
const META = 'Meta campaigns with budgets, last 14 days';
const GOOGLE = 'Google campaigns with budgets, last 14 days';
const REALLOCATE = 'Reallocate budget across platforms';
const PLAN = 'Plan changes (dry run)';
const APPLY = 'Apply the approved plan';

/**
 * The simulator's change log as (platform, entity, before, after) in major
 * units: Meta logs the campaign and minor units, Google the campaign's budget
 * resource and micros (the audit item names the campaign, so Google changes
 * are matched by their before → after pair).
 */
function loggedChanges(sim: RunningSimulator): string[] {
	return sim.changes().map((change) => {
		const fields = change.fields as Record<string, { before: unknown; after: unknown }>;
		if (change.api === 'meta') return `meta ${change.entity} ${Number(fields.daily_budget.before) / 100} → ${Number(fields.daily_budget.after) / 100}`;
		return `google ${Number(fields.amountMicros.before) / 1e6} → ${Number(fields.amountMicros.after) / 1e6}`;
	});
}

/** The same for the audit rows Apply says it applied. */
function auditedChanges(records: IDataObject[]): string[] {
	return records.filter((r) => r.applied === true).map((r) => (r.platform === 'meta' ? `meta ${r.entityId} ${r.before} → ${r.after}` : `google ${r.before} → ${r.after}`));
}

describe('template: Cross-platform budget rebalance', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		// One EUR Meta account and one EUR Google customer, as the sandbox's first ones.
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 2 } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	async function planned() {
		const credentials = simulatorCredentials(sim);
		const meta = (await runTemplateChain(template, [META], [], { credentials })).output(META);
		const google = (await runTemplateChain(template, [GOOGLE], [], { credentials })).output(GOOGLE);
		const reallocated = (await runTemplateChain(template, [REALLOCATE], [...meta, ...google], { credentials })).output(REALLOCATE);
		// The template's "Actions only" filter.
		const actions = reallocated.filter((o) => o.schema === 'adpilot.action/v1');
		const plan = await runTemplateChain(template, [PLAN], actions, { credentials });
		return { meta, google, reallocated, actions, audit: plan.output(PLAN, 0), summary: plan.output(PLAN, 1)[0], credentials };
	}

	it('moves one total across Meta and Google: plans both platforms, applies exactly the approved targets, once', async () => {
		const { meta, google, reallocated, actions, audit, summary, credentials } = await planned();
		expect(meta.length).toBeGreaterThan(0);
		expect(google.length).toBeGreaterThan(0);
		const [allocation] = reallocated.filter((o) => o.summary === true);
		expect(allocation).toMatchObject({ currency: 'EUR' });
		expect(new Set(actions.map((a) => a.platform))).toEqual(new Set(['meta', 'google']));
		expect(sim.changes()).toEqual([]);

		const sent = audit.filter((a) => a.decision === 'apply' || a.decision === 'clamp');
		expect(sent.length).toBe(Number(summary.apply) + Number(summary.clamp));
		expect(new Set(sent.map((a) => a.platform))).toEqual(new Set(['meta', 'google']));

		// Approved: Apply with the plan's digest, on the same actions.
		const applied = await runTemplateChain(template, [APPLY], actions, { credentials, parameters: { [APPLY]: { approvedDigest: String(summary.planDigest), approvedTargets: JSON.stringify(summary.targets) } } });
		const records = applied.output(APPLY, 0);
		const [done] = applied.output(APPLY, 1);
		expect(done).toMatchObject({ operation: 'apply', planDigest: summary.planDigest, applied: sent.length, failed: 0 });
		expect(records.filter((r) => r.applied === true).map((r) => r.entityId).sort()).toEqual(sent.map((a) => a.entityId).sort());

		// Exactly the approved targets reached the platforms, each once, nothing else.
		expect(loggedChanges(sim).sort()).toEqual(auditedChanges(records).sort());
		const targets = summary.targets as IDataObject[];
		expect(records.filter((r) => r.applied === true).map((r) => `${r.platform}:${r.entityId}:${r.after}`).sort()).toEqual(targets.map((t) => `${t.platform}:${t.entityId}:${t.target}`).sort());
		expect(new Set(sim.changes().map((c) => c.api))).toEqual(new Set(['meta', 'google']));
	});

	it('applies nothing when the plan changed between approval and Apply, and names the entity', async () => {
		const { actions, summary, credentials } = await planned();
		// The first proposal is gone by the time Apply runs: the plan is no longer the approved one.
		const tampered = actions.slice(1);
		const applied = await runTemplateChain(template, [APPLY], tampered, { credentials, parameters: { [APPLY]: { approvedDigest: String(summary.planDigest), approvedTargets: JSON.stringify(summary.targets) } } });
		const [done] = applied.output(APPLY, 1);
		expect(done).toMatchObject({ applied: 0 });
		expect(String(done.message)).toMatch(/nothing applied: this plan's digest .* differs from the approved/);
		expect(String(done.message)).toContain(String(actions[0].entityId));
		expect(sim.changes()).toEqual([]);
	});
});
