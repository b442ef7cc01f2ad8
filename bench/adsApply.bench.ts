/**
 * Ads Apply benchmark, against the in-process simulator through the real node:
 * - 500 Meta ad set budget changes (Apply): HTTP calls made beside the floor
 *   (10 batch reads + 10 batch writes = 20), and wall time;
 * - 500 Google campaign budget changes across 5 customers (Apply with
 *   validation): calls beside the floor (1 read + 1 validate + 1 mutate per
 *   customer = 15), and wall time;
 * - Plan of 10,000 actions (Meta pauses over 10,000 ads, validated on the
 *   platform): wall time and peak memory; and the pure planner alone on the
 *   same actions.
 * Each call is also split by label so the extra ones (account currency,
 * change history) are visible.
 *
 * Run: npm run bench -- adsApply
 */
import type { IDataObject } from 'n8n-workflow';

import { buildPlan } from '../nodes/AdsApply/engine/plan';
import { readAction } from '../nodes/AdsApply/engine/intent';
import { DEFAULT_GUARDRAILS, type PlanInput } from '../nodes/AdsApply/engine/types';
import type { EntityState } from '../nodes/shared/platforms/platform';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { action, googleTargets, metaTargets, runApply } from '../test/adsApply/support';
import { gc, round, withPeakMemory } from './support/measure';

/** HTTP calls the node made (token refreshes excluded), and every label, batch sub-requests included. */
function calls(sim: RunningSimulator): { total: number; byLabel: Record<string, number> } {
	const counts = sim.counts();
	const tokens = Object.entries(counts).filter(([label]) => label.includes('oauth')).reduce((a, [, n]) => a + n, 0);
	return { total: sim.totalRequests() - tokens, byLabel: Object.fromEntries(Object.entries(counts).filter(([label]) => !label.includes('oauth'))) };
}

async function metaBudgets(): Promise<void> {
	const sim = await startSimulator({ dataset: { seed: 5, today: '2026-11-20', days: 2, accounts: 1, campaignsPerAccount: 500, adSetsPerCampaign: 3, adsPerAdSet: 1 } });
	try {
		const t = await metaTargets(sim, 5000);
		const sets = t.adSets.slice(0, 500);
		if (sets.length < 500) throw new Error(`dataset has only ${sets.length} ad sets with their own budget`);
		const actions = sets.map((s) => action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: s.id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent: 10, currency: t.currency } }));
		sim.resetCounts();
		const started = performance.now();
		const run = await runApply(sim, { operation: 'apply', requireApprovedDigest: false, guardrails: { maxActions: 1000, maxDailyIncreasePerAccount: 1_000_000 } }, actions);
		const ms = performance.now() - started;
		const c = calls(sim);
		console.log(`Meta, 500 budget changes: applied ${run.summary.applied}, ${c.total} HTTP calls (floor 20: 10 batch reads + 10 batch writes), ${round(ms)} ms`);
		console.log(`  calls by label: ${JSON.stringify(c.byLabel)}`);
		console.log(`  simulator change log: ${sim.changes().length} writes`);
	} finally {
		await sim.close();
	}
}

async function googleBudgets(): Promise<void> {
	const sim = await startSimulator({ dataset: { seed: 5, today: '2026-11-20', days: 2, accounts: 5, campaignsPerAccount: 200, adSetsPerCampaign: 1, adsPerAdSet: 1 } });
	try {
		const actions: IDataObject[] = [];
		for (let i = 0; i < 5; i++) {
			const g = await googleTargets(sim, i);
			for (const c of g.campaigns.slice(0, 100)) actions.push(action({ platform: 'google', accountId: g.customerId, level: 'campaign', entityId: c.id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent: -10, currency: g.currency } }));
		}
		sim.resetCounts();
		const started = performance.now();
		const run = await runApply(sim, { operation: 'apply', requireApprovedDigest: false, guardrails: { maxActions: 1000 } }, actions);
		const ms = performance.now() - started;
		const c = calls(sim);
		console.log(`Google, ${actions.length} budget changes in 5 customers: applied ${run.summary.applied}, ${c.total} HTTP calls (floor 15: 1 read + 1 validate + 1 mutate per customer), ${round(ms)} ms`);
		console.log(`  calls by label: ${JSON.stringify(c.byLabel)}`);
	} finally {
		await sim.close();
	}
}

async function plan10k(): Promise<void> {
	const sim = await startSimulator({ dataset: { seed: 5, today: '2026-11-20', days: 2, accounts: 1, campaignsPerAccount: 100, adSetsPerCampaign: 10, adsPerAdSet: 10 } });
	try {
		const t = await metaTargets(sim, 20_000);
		const ads = t.ads.slice(0, 10_000);
		const actions = ads.map((a) => action({ platform: 'meta', accountId: t.accountId, level: 'ad', entityId: a.id, kind: a.status === 'ACTIVE' ? 'pause' : 'resume' }));
		sim.resetCounts();
		gc();
		const started = performance.now();
		const measured = await withPeakMemory(() => runApply(sim, { operation: 'plan', guardrails: { maxActions: 20_000, allowActivation: true } }, actions));
		const ms = performance.now() - started;
		const c = calls(sim);
		console.log(`Plan of ${actions.length} actions (node, validated on Meta): ${round(ms)} ms, ${c.total} calls, peak RSS +${round(measured.rssMb)} MiB, heap +${round(measured.heapMb)} MiB (simulator in the same process)`);
		// The planner alone, on states as the port returns them.
		const states = new Map<string, EntityState>();
		const inputs: PlanInput[] = [];
		actions.forEach((json, i) => {
			const read = readAction(json, i);
			if (!read.ok) return;
			inputs.push(read.input);
			const ref = { accountId: t.accountId, level: 'ad' as const, entityId: String(json.entityId) };
			states.set(`meta:${t.accountId}:ad:${ref.entityId}`, { ref, name: null, status: i % 3 ? 'active' : 'paused', platformStatus: '', currency: 'EUR', budgets: { daily: null, lifetime: null }, bid: null });
		});
		gc();
		const pure = await withPeakMemory(async () => {
			const begin = performance.now();
			const plan = buildPlan(inputs, { settings: { ...DEFAULT_GUARDRAILS, maxActions: 20_000, allowActivation: true }, states, history: new Map(), nowMs: Date.now() });
			return { plan, ms: performance.now() - begin };
		});
		console.log(`  planner alone: ${round(pure.result.ms)} ms for ${pure.result.plan.entries.length} actions, heap +${round(pure.heapMb)} MiB`);
	} finally {
		await sim.close();
	}
}

async function main(): Promise<void> {
	await metaBudgets();
	await googleBudgets();
	await plan10k();
}

void main();
