import { parseAction, parseMetricRow } from '../../nodes/shared/contracts';
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

interface Allocation {
	entityId: string;
	currentAmount: number;
	amount: number;
	changePercent: number;
	action: string;
}

// Template: daily schedule → Meta insights with budgets (campaigns, 14 days) → Reallocate Budget (keep today's total) → summary → Slack.
describe('template: Meta budget reallocation proposals, daily', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());

	it("moves today's total between the campaigns that have budgets of their own, within ±20 % each", async () => {
		const result = await runWorkflow(loadTemplate('meta-budget-reallocation.json'), { credentials: simulatorCredentials(sim) });

		const rows = result.output('Campaign insights with budgets, last 14 days');
		expect(rows.length).toBeGreaterThan(0);
		const budgets = new Map<string, number | null>();
		for (const row of rows) {
			expect(parseMetricRow(row).ok).toBe(true);
			budgets.set(String(row.entityId), (row.attributes as { dailyBudget: number | null }).dailyBudget);
		}
		const own = [...budgets].filter(([, b]) => typeof b === 'number');
		expect(own.length).toBeGreaterThan(1);
		const todaysTotal = own.reduce((sum, [, b]) => sum + (b as number), 0);

		const out = result.output('Reallocate budget');
		const summary = out.find((o) => o.summary === true) as Record<string, unknown> & { allocations: Allocation[]; skipped: Array<{ entityId: string }> };
		expect(summary).toMatchObject({ totalSource: 'current', currency: 'EUR', feasible: true });
		expect(summary.totalBudget).toBeCloseTo(todaysTotal, 2);
		expect(summary.allocated).toBeCloseTo(todaysTotal, 2);
		// Every campaign is either allocated (it has a budget) or skipped (its ad sets hold the budgets).
		expect(summary.allocations.map((a) => a.entityId).sort()).toEqual(own.map(([id]) => id).sort());
		expect(summary.skipped.length).toBe(budgets.size - own.length);
		for (const a of summary.allocations) {
			expect(a.currentAmount).toBe(budgets.get(a.entityId));
			expect(Math.abs(a.changePercent)).toBeLessThanOrEqual(20 + 1e-6);
			expect(a.amount).toBeGreaterThanOrEqual(5);
		}

		const actions = out.filter((o) => o.kind === 'setBudget');
		// The seeded campaigns differ enough in ROAS that some budgets move by 5 % or more.
		expect(actions.length).toBeGreaterThan(0);
		expect(actions.length).toBe(summary.allocations.filter((a) => a.action === 'setBudget').length);
		for (const action of actions) {
			expect(parseAction(action)).toMatchObject({ ok: true });
			expect(action).toMatchObject({ platform: 'meta', level: 'campaign', source: { type: 'analytics', operation: 'reallocateBudget' } });
		}
		// The filter stand-in passes everything on in-process; in real n8n only the summary reaches Slack (e2e checks that).
		expect(result.recorded['Summary only']).toEqual([out]);
	});
});
