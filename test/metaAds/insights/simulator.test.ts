/**
 * Insight → Get against the simulator: 2,000 ads × 30 daily rows at ad level
 * through async report jobs, with transient faults, a throttle episode and
 * failing jobs, proving every (ad, day) row arrives exactly once.
 * Waits run on a virtual clock shared with the simulator, so a 90 s throttle
 * costs no real time.
 */
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { buildTree } from '../../../simulator/dataset/tree';
import { ADS_2000, adLevelParams, expectedAdDays, runOnSim, useClock, virtualClock } from './simSupport';

const expected = expectedAdDays(ADS_2000);
const clock = virtualClock();
let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ dataset: ADS_2000, now: clock.now });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.reset();
	useClock(clock);
});

function keysOf(items: Array<{ json: Record<string, unknown> }>): string[] {
	return items.map((item) => `${String(item.json.adId)}|${String(item.json.date)}`);
}

function expectExactlyOnce(keys: string[]): void {
	const unique = new Set(keys);
	expect(keys.length - unique.size).toBe(0); // no duplicates
	const missing = [...expected.keys].filter((key) => !unique.has(key));
	expect(missing).toEqual([]);
	const unexpected = [...unique].filter((key) => !expected.keys.has(key));
	expect(unexpected).toEqual([]);
}

describe('Insight → Get on the simulator (2,000 ads × 30 days)', () => {
	it('the dataset really is 2,000 ads over 30 days', () => {
		expect(expected.ads).toBe(2000);
		expect(expected.since).toBe('2026-03-02');
		expect(expected.until).toBe('2026-03-31');
		// Meta omits ad-days without delivery; the rest must all arrive.
		expect(expected.keys.size).toBeGreaterThan(40_000);
		expect(expected.keys.size).toBeLessThanOrEqual(60_000);
	});

	it('with 10% transient faults and a throttle episode, every row arrives exactly once', async () => {
		sim.setFaults({
			seed: 11,
			errorRate: 0.1,
			kinds: [
				{ kind: 'http5xx', status: 500 },
				{ kind: 'http5xx', status: 503 },
				{ kind: 'metaCode', code: 2 },
				{ kind: 'metaCode', code: 17 },
				{ kind: 'metaCode', code: 80004 },
			],
			throttle: { forMs: 90_000, regainMinutes: 1 },
		});
		const sleptBefore = clock.sleptMs();

		const items = await runOnSim(sim, adLevelParams(expected, { pageSize: 1000 }));

		expectExactlyOnce(keysOf(items));
		// The throttle was waited out (on the virtual clock), not failed on.
		expect(clock.sleptMs() - sleptBefore).toBeGreaterThanOrEqual(90_000);
		// Faults really happened: more requests than the fault-free floor (pages + start + polls).
		const floor = Math.ceil(expected.keys.size / 1000) + 1 + sim.metaKnobs().asyncPollsToComplete;
		expect(sim.totalRequests()).toBeGreaterThan(floor);
		// Money arrives in major units and adds up to the dataset's total.
		const spend = items.reduce((sum, item) => sum + (item.json.spend as number), 0);
		expect(spend).toBeCloseTo(expected.spend, 2);
		expect(items.every((item) => item.json.currency === expected.currency && item.json.level === 'ad')).toBe(true);
	});

	it('failing jobs are retried, split by time and merged without duplicates', async () => {
		sim.setMetaKnobs({ failNextAsyncJobs: 2 });

		const items = await runOnSim(sim, adLevelParams(expected, { pageSize: 1000 }));

		expectExactlyOnce(keysOf(items));
		const counts = sim.counts();
		const starts = Object.entries(counts)
			.filter(([label]) => label.startsWith('meta POST') && label.includes('insights'))
			.reduce((sum, [, n]) => sum + n, 0);
		expect(starts).toBe(4); // fail, fail, first half, second half
	});

	it('Include Entity Details: 200 ad sets get their status and own budget from one edge listing', async () => {
		const tree = buildTree(ADS_2000);
		const account = tree.accounts[0];
		const items = await runOnSim(sim, { ...adLevelParams(expected, { includeEntityDetails: true }), level: 'adset' });

		const listings = Object.entries(sim.counts()).filter(([label]) => label.startsWith('meta GET') && label.includes('adsets'));
		expect(listings.reduce((sum, [, n]) => sum + n, 0)).toBe(1);
		const byId = new Map(tree.adSets.map((s) => [s.id, s]));
		const seen = new Set<string>();
		const ownBudgets = new Set<string>();
		for (const { json } of items) {
			const adSet = byId.get(String(json.entityId))!;
			const attributes = json.attributes as Record<string, unknown>;
			expect(attributes.status).toEqual(expect.any(String));
			expect(attributes.createdTime).toEqual(expect.any(String));
			// Ad sets under a campaign budget have none of their own.
			expect(attributes.dailyBudget).toBe(adSet.dailyBudgetMinor === undefined ? null : adSet.dailyBudgetMinor / account.currency.minorFactor);
			seen.add(adSet.id);
			if (attributes.dailyBudget !== null) ownBudgets.add(adSet.id);
		}
		expect(seen.size).toBe(200);
		// The dataset mixes both kinds, so both branches above were checked.
		expect(ownBudgets.size).toBeGreaterThan(0);
		expect(ownBudgets.size).toBeLessThan(200);
	});
});

