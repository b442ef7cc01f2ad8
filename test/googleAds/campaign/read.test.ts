import { CID, PREFIX, capture, runNode } from './helpers';

const row = {
	campaign: {
		resourceName: `customers/${CID}/campaigns/7`,
		id: '7',
		name: 'Brand',
		status: 'PAUSED',
		advertisingChannelType: 'SEARCH',
		biddingStrategyType: 'MANUAL_CPC',
		campaignBudget: `customers/${CID}/campaignBudgets/70`,
	},
	campaignBudget: { amountMicros: '25000000', explicitlyShared: false, referenceCount: '1' },
	customer: { currencyCode: 'USD' },
};

describe('Campaign Get / Get Many', () => {
	it('gets one campaign with its budget in major units, micros and currency', async () => {
		const { bodies } = capture(`${PREFIX}/googleAds:search`, () => ({ results: [row] }));
		const { items } = await runNode({ resource: 'campaign', operation: 'get', customerId: CID, campaignId: '7' });
		expect(bodies[0].query).toMatch(/FROM campaign WHERE campaign.id = 7$/);
		expect(items[0].json).toEqual(
			expect.objectContaining({ id: '7', name: 'Brand', status: 'PAUSED', budget: 25, budgetMicros: '25000000', currency: 'USD' }),
		);
	});

	it('get fails clearly when the campaign does not exist', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({ results: [] }));
		await expect(runNode({ resource: 'campaign', operation: 'get', customerId: CID, campaignId: '8' })).rejects.toThrow(
			`Campaign: 8 not found in customer ${CID} (item 0)`,
		);
	});

	it('get many filters by status and limits', async () => {
		const { bodies } = capture(`${PREFIX}/googleAds:search`, () => ({ results: [row, row] }));
		const { items } = await runNode({
			resource: 'campaign',
			operation: 'getMany',
			customerId: CID,
			statusFilter: ['ENABLED'],
			returnAll: false,
			limit: 2,
		});
		expect(bodies[0].query).toContain("WHERE campaign.status IN ('ENABLED') ORDER BY campaign.id LIMIT 2");
		expect(items).toHaveLength(2);
	});
});
