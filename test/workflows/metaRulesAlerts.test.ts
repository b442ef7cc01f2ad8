import { parseAction, parseMetricRow } from '../../nodes/shared/contracts';
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

// Template: schedule → Meta insights (ad sets, 14 days) → Ads Rules presets → Slack.
describe('template: Meta Ads rules every 30 minutes, with Slack alerts', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());

	it('turns the account’s insights into explained actions, and alerts once per action', async () => {
		const result = await runWorkflow(loadTemplate('meta-ads-rules-alerts.json'), { credentials: simulatorCredentials(sim) });

		const rows = result.output('Ad set insights, last 14 days');
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(parseMetricRow(row).ok).toBe(true);
			expect(row).toMatchObject({ platform: 'meta', level: 'adSet', accountId: '100010000000001', currency: 'EUR' });
		}
		expect(new Set(rows.map((r) => r.date)).size).toBe(14);
		// Include Entity Details is on: every ad set carries its status, and those with a budget of their own carry it.
		const budgets = new Map<string, unknown>();
		for (const row of rows) {
			const attributes = row.attributes as { status?: string; dailyBudget?: number | null };
			expect(attributes.status).toEqual(expect.any(String));
			budgets.set(String(row.entityId), attributes.dailyBudget);
		}
		expect([...budgets.values()].some((b) => typeof b === 'number' && b > 0)).toBe(true);

		const actions = result.output('Evaluate rules', 0);
		const noMatch = result.output('Evaluate rules', 1);
		const log = result.output('Evaluate rules', 2);
		const adSets = new Set(rows.map((r) => r.entityId));
		expect(actions.length).toBeGreaterThan(0);
		for (const action of actions) {
			expect(parseAction(action)).toMatchObject({ ok: true });
			expect(adSets.has(String(action.entityId))).toBe(true);
			expect((action.source as { type: string }).type).toBe('rule');
			expect(action.evidence).not.toHaveLength(0);
			// Budget changes start from the budget Meta reported (null: the ad set runs on its campaign's budget).
			const params = action.params as { currentAmount?: number | null };
			if (action.kind === 'changeBudgetByPercent') expect(params.currentAmount).toBe(budgets.get(String(action.entityId)));
		}
		// Every ad set is accounted for: acted on, or reported as matching nothing.
		const acted = new Set(actions.map((a) => String(a.entityId)));
		const unmatched = new Set(noMatch.map((n) => String(n.entityId)));
		for (const id of adSets) expect(acted.has(String(id)) || unmatched.has(String(id))).toBe(true);
		expect(log.some((entry) => entry.type === 'decision')).toBe(true);

		// The Slack step received exactly the actions.
		expect(result.recorded['Alert on Slack']).toEqual([actions]);
	});

	it('respects cooldowns across runs that share static data', async () => {
		const staticData = {};
		const first = await runWorkflow(loadTemplate('meta-ads-rules-alerts.json'), { credentials: simulatorCredentials(sim), staticData });
		const second = await runWorkflow(loadTemplate('meta-ads-rules-alerts.json'), { credentials: simulatorCredentials(sim), staticData });
		const firstKinds = first.output('Evaluate rules', 0).filter((a) => a.kind !== 'notify');
		expect(firstKinds.length).toBeGreaterThan(0);
		const again = second.output('Evaluate rules', 0).map((a) => a.idempotencyKey);
		for (const action of firstKinds) expect(again).not.toContain(action.idempotencyKey);
	});
});
