import { GoogleAds } from '../../nodes/GoogleAds/GoogleAds.node';
import { MANAGER_ID } from '../../simulator/google/store';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { createLoadOptionsContext } from '../helpers';
import { simulatorCredentials } from '../helpers/simulatorCredentials';

// The resource-locator pickers, against the simulator's manager hierarchy.
describe('Google Ads list searches', () => {
	let sim: RunningSimulator;
	const search = new GoogleAds().methods.listSearch;
	const client = String(Number(MANAGER_ID) + 1);

	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 2, campaignsPerAccount: 3, adSetsPerCampaign: 2 } });
	});
	afterAll(async () => sim.close());

	function context(parameters: Record<string, unknown> = {}) {
		return createLoadOptionsContext({
			parameters: { authentication: 'refreshToken', ...parameters },
			credentials: simulatorCredentials(sim),
		});
	}

	it('lists the manager and its clients, with dashed ids in the labels, and filters by name or id', async () => {
		const all = await search.searchCustomers.call(context());
		const values = all.results.map((r) => String(r.value));
		expect(values).toEqual(expect.arrayContaining([MANAGER_ID, client, String(Number(MANAGER_ID) + 2)]));
		expect(all.results.find((r) => r.value === MANAGER_ID)?.name).toMatch(/\(manager\) — 555-000-0000$/);

		const byId = await search.searchCustomers.call(context(), client.slice(0, 3) + '-' + client.slice(3, 6));
		expect(byId.results.map((r) => r.value)).toContain(client);
	});

	it('lists the selected customer’s campaigns, and narrows them by name', async () => {
		const ctx = context({ customerId: { __rl: true, mode: 'id', value: client } });
		const all = await search.searchCampaigns.call(ctx);
		expect(all.results).toHaveLength(3);
		const first = String(all.results[0].name).replace(' (paused)', '');
		const narrowed = await search.searchCampaigns.call(ctx, first.slice(0, 6));
		expect(narrowed.results.map((r) => r.name)).toContain(all.results[0].name);
		expect(narrowed.results.length).toBeLessThanOrEqual(all.results.length);
	});

	it('lists ad groups of the selected campaign only', async () => {
		const campaigns = await search.searchCampaigns.call(context({ customerId: { __rl: true, mode: 'id', value: client } }));
		const campaignId = String(campaigns.results[0].value);
		const adGroups = await search.searchAdGroups.call(
			context({ customerId: { __rl: true, mode: 'id', value: client }, campaignId: { __rl: true, mode: 'id', value: campaignId } }),
		);
		expect(adGroups.results).toHaveLength(2);
		const everyAdGroup = await search.searchAdGroups.call(context({ customerId: { __rl: true, mode: 'id', value: client } }));
		expect(everyAdGroup.results).toHaveLength(6);
	});
});

describe('Google Ads list searches: paging', () => {
	let sim: RunningSimulator;
	const search = new GoogleAds().methods.listSearch;
	const client = String(Number(MANAGER_ID) + 1);

	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 230, adSetsPerCampaign: 1, adsPerAdSet: 1, days: 1 } });
	});
	afterAll(async () => sim.close());

	it('pages campaigns 100 at a time, in name order, each once', async () => {
		const ctx = createLoadOptionsContext({
			parameters: { authentication: 'refreshToken', customerId: { __rl: true, mode: 'id', value: client } },
			credentials: simulatorCredentials(sim),
		});
		const pages = [];
		let token: string | undefined;
		do {
			const answer = await search.searchCampaigns.call(ctx, undefined, token);
			pages.push(answer.results);
			token = answer.paginationToken;
		} while (token !== undefined && pages.length < 10);
		expect(pages.map((p) => p.length)).toEqual([100, 100, 30]);
		const values = pages.flat().map((r) => String(r.value));
		expect(new Set(values).size).toBe(230);
		const names = pages.flat().map((r) => String(r.name).replace(' (paused)', ''));
		expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	});
});
