/**
 * The same property end to end, a smaller number of times: random adversarial
 * actions through the real node (Apply, HTTP, Batch API, mutate) against the
 * simulator; what the SIMULATOR recorded as written must keep every guardrail.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_GUARDRAILS, type GuardrailSettings } from '../../nodes/AdsApply/engine/types';
import type { SimChange } from '../../simulator/core/changeLog';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { guardrailViolations, type SentChange } from './invariants';
import { action, DATASET, googleTargets, metaTargets, runApply, type GoogleTargets, type MetaTargets } from './support';

let sim: RunningSimulator;
let t: MetaTargets;
let g: GoogleTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
	t = await metaTargets(sim);
	g = await googleTargets(sim);
});
afterAll(async () => sim.close());

interface Target { platform: 'meta' | 'google'; accountId: string; level: 'campaign' | 'adSet' | 'ad'; id: string; currency: string }

function targets(): Target[] {
	return [
		...t.adSets.map((a) => ({ platform: 'meta' as const, accountId: t.accountId, level: 'adSet' as const, id: a.id, currency: t.currency })),
		...t.campaigns.map((c) => ({ platform: 'meta' as const, accountId: t.accountId, level: 'campaign' as const, id: c.id, currency: t.currency })),
		...t.ads.slice(0, 3).map((a) => ({ platform: 'meta' as const, accountId: t.accountId, level: 'ad' as const, id: a.id, currency: t.currency })),
		...g.campaigns.map((c) => ({ platform: 'google' as const, accountId: g.customerId, level: 'campaign' as const, id: c.id, currency: g.currency })),
		...g.adGroups.slice(0, 3).map((a) => ({ platform: 'google' as const, accountId: g.customerId, level: 'adSet' as const, id: a.id, currency: g.currency })),
	];
}

const actionArb = fc.record({
	target: fc.nat(),
	kind: fc.constantFrom('pause', 'resume', 'setBudget', 'changeBudgetByPercent', 'setBid'),
	percent: fc.oneof(fc.integer({ min: -99, max: 10_000 }), fc.integer({ min: -30, max: 30 })),
	amount: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 100, max: 50_000 }).map((n) => n / 100)),
	priority: fc.integer({ min: 0, max: 3 }),
});

/** The simulator's log → changes in major units, keyed like the node's entities. */
function fromLog(changes: SimChange[], byId: Map<string, Target>): SentChange[] {
	return changes.map((c) => {
		const field = Object.keys(c.fields)[0];
		const { before, after } = c.fields[field];
		const id = c.api === 'meta' ? c.entity : c.entity.split('/')[3];
		const budgetOwner = c.api === 'google' && c.objectType === 'campaignBudgets' ? g.campaigns.find((x) => x.budget === c.entity)?.id : undefined;
		const target = byId.get(budgetOwner ?? id)!;
		const money = (v: unknown) => (c.api === 'meta' ? Number(v) / 100 : Number(v) / 1e6);
		const status = (v: unknown) => (v === 'ACTIVE' || v === 'ENABLED' ? 'active' : 'paused');
		const property = /status/.test(field) ? 'status' : /bid|cpcBid/i.test(field) ? 'bid' : 'budget.daily';
		return {
			platform: c.api, accountId: c.accountId, level: target.level, entityId: target.id, property, currency: target.currency,
			before: property === 'status' ? status(before) : money(before), after: property === 'status' ? status(after) : money(after),
		};
	});
}

it('what the simulator recorded as written keeps every guardrail (40 random runs)', async () => {
	const all = targets();
	const byId = new Map(all.map((x) => [x.id, x]));
	let written = 0;
	await fc.assert(
		fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.integer({ min: 0, max: 8 }), async (specs, dailyCap, allowActivation, maxActions) => {
			sim.reset();
			const settings: GuardrailSettings = { ...DEFAULT_GUARDRAILS, maxDailyIncreasePerAccount: dailyCap, allowActivation, maxActions, maxChangeAmount: 40 };
			const actions: IDataObject[] = specs.map((s) => {
				const x = all[s.target % all.length];
				const params = s.kind === 'setBudget' ? { budgetType: 'daily', amount: s.amount, currency: x.currency }
					: s.kind === 'changeBudgetByPercent' ? { budgetType: 'daily', percent: s.percent, currency: x.currency }
					: s.kind === 'setBid' ? { amount: s.amount, currency: x.currency } : {};
				return action({ platform: x.platform, accountId: x.accountId, level: x.level, entityId: x.id, kind: s.kind, params, priority: s.priority });
			});
			await runApply(sim, { operation: 'apply', requireApprovedDigest: false, guardrails: { maxDailyIncreasePerAccount: dailyCap, allowActivation, maxActions, maxChangeAmount: 40 } }, actions);
			const log = sim.changes();
			written += log.length;
			const states = new Map(all.map((x) => [`${x.platform}:${x.accountId}:${x.level}:${x.id}`, { currency: x.currency } as never]));
			expect(guardrailViolations(fromLog(log, byId), settings, { states, recentMoneyChange: () => false })).toEqual([]);
		}),
		{ numRuns: 40, seed: 42 },
	);
	expect(written).toBeGreaterThan(40);
}, 240_000);
