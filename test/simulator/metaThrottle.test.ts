import { parseUsageHeaders } from '../../nodes/MetaAds/transport';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

// While throttled, every Meta answer says when access returns, as Meta's do.
describe('simulator: Meta throttle episode', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { accounts: 1, campaignsPerAccount: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 } });
	});
	afterAll(async () => sim.close());

	it.each(['/me/adaccounts', '/act_100010000000001/insights', '/123456'])('GET %s answers a rate-limit error with a regain time', async (path) => {
		sim.setFaults({ throttle: { forMs: 60_000, regainMinutes: 3 } });
		const answer = await fetch(`${sim.metaBaseUrl}/v25.0${path}`, { headers: { Authorization: `Bearer ${SIM_META_ACCESS_TOKEN}` } });
		const body = (await answer.json()) as { error: { code: number } };
		expect(body.error.code).toBe(80004);
		const usage = parseUsageHeaders(Object.fromEntries(answer.headers.entries()));
		expect(usage).toEqual({ maxUsagePct: 100, regainSeconds: 180 });
		sim.setFaults({ throttle: null });
	});
});
