import { CID, PREFIX, capture, runNode } from '../campaign/helpers';

describe('Ad Group', () => {
	it('creates ad groups PAUSED with a CPC bid in micros, in one mutate', async () => {
		const { bodies } = capture(`${PREFIX}/adGroups:mutate`, (body) => ({
			results: body.operations.map((_: unknown, i: number) => ({ resourceName: `customers/${CID}/adGroups/${70 + i}` })),
		}));
		const { items } = await runNode([
			{ resource: 'adGroup', operation: 'create', customerId: CID, campaignId: '9', name: 'Shoes', cpcBid: 0.75 },
			{ resource: 'adGroup', operation: 'create', customerId: CID, campaignId: '9', name: 'Boots', cpcBid: 0 },
		]);
		expect(bodies).toHaveLength(1);
		expect(bodies[0].operations).toEqual([
			{ create: { campaign: `customers/${CID}/campaigns/9`, name: 'Shoes', status: 'PAUSED', type: 'SEARCH_STANDARD', cpcBidMicros: '750000' } },
			{ create: { campaign: `customers/${CID}/campaigns/9`, name: 'Boots', status: 'PAUSED', type: 'SEARCH_STANDARD' } },
		]);
		expect(items[0].json).toEqual(expect.objectContaining({ id: '70', cpcBid: 0.75, cpcBidMicros: '750000', status: 'PAUSED' }));
	});

	it('sets CPC bids in one mutate with updateMask; a bad bid fails only its item', async () => {
		const { bodies } = capture(`${PREFIX}/adGroups:mutate`, (body) => ({ results: body.operations.map(() => ({})) }));
		const { items } = await runNode(
			[
				{ resource: 'adGroup', operation: 'setCpcBid', customerId: CID, adGroupId: '70', cpcBid: 1.1 },
				{ resource: 'adGroup', operation: 'setCpcBid', customerId: CID, adGroupId: '71', cpcBid: 'abc' },
				{ resource: 'adGroup', operation: 'setCpcBid', customerId: CID, adGroupId: '72', cpcBid: 2 },
			],
			{ continueOnFail: true },
		);
		expect(bodies[0].operations).toEqual([
			{ update: { resourceName: `customers/${CID}/adGroups/70`, cpcBidMicros: '1100000' }, updateMask: 'cpcBidMicros' },
			{ update: { resourceName: `customers/${CID}/adGroups/72`, cpcBidMicros: '2000000' }, updateMask: 'cpcBidMicros' },
		]);
		expect(items[1].json.error).toBe('Max CPC Bid: must be a number, got "abc" (item 1)');
	});

	it('gets ad groups of a campaign and pauses / enables them', async () => {
		const read = capture(`${PREFIX}/googleAds:search`, () => ({
			results: [{ adGroup: { id: '70', name: 'Shoes', status: 'ENABLED', cpcBidMicros: '750000' }, campaign: { id: '9' }, customer: { currencyCode: 'GBP' } }],
		}));
		const { items } = await runNode({ resource: 'adGroup', operation: 'getMany', customerId: CID, campaignId: '9', returnAll: true });
		expect(read.bodies[0].query).toContain("WHERE campaign.id = 9 AND ad_group.status IN ('ENABLED', 'PAUSED')");
		expect(items[0].json).toEqual(expect.objectContaining({ id: '70', cpcBid: 0.75, currency: 'GBP' }));

		const pause = capture(`${PREFIX}/adGroups:mutate`, () => ({ results: [{}] }));
		await runNode({ resource: 'adGroup', operation: 'pause', customerId: CID, adGroupId: '70' });
		expect(pause.bodies[0].operations).toEqual([{ update: { resourceName: `customers/${CID}/adGroups/70`, status: 'PAUSED' }, updateMask: 'status' }]);
		const enable = capture(`${PREFIX}/adGroups:mutate`, () => ({ results: [{}] }));
		await runNode({ resource: 'adGroup', operation: 'enable', customerId: CID, adGroupId: '70', mutateOptions: { validateOnly: true } });
		expect(enable.bodies[0]).toEqual(expect.objectContaining({ validateOnly: true }));
	});
});
