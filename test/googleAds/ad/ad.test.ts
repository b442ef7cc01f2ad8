import { CID, PREFIX, capture, failure, runNode } from '../campaign/helpers';

const headlines = ['Acme Shoes', 'Run Further', 'Free Returns'];
const descriptions = ['Shoes built for long runs.', 'Order today, free returns for 60 days.'];
const rsa = (extra: Record<string, unknown> = {}) => ({
	resource: 'ad',
	operation: 'createResponsiveSearchAd',
	customerId: CID,
	adGroupId: '55',
	finalUrl: 'https://acme.example/shoes',
	headlines,
	descriptions,
	path1: 'shoes',
	...extra,
});

describe('Ad', () => {
	it('creates responsive search ads PAUSED in one mutate', async () => {
		const { bodies } = capture(`${PREFIX}/adGroupAds:mutate`, (body) => ({
			results: body.operations.map((_: unknown, i: number) => ({ resourceName: `customers/${CID}/adGroupAds/55~${i + 1}` })),
		}));
		const { items } = await runNode([rsa(), rsa({ headlines: 'One\nTwo\nThree' })]);
		expect(bodies).toHaveLength(1);
		expect(bodies[0].operations[0]).toEqual({
			create: {
				adGroup: `customers/${CID}/adGroups/55`,
				status: 'PAUSED',
				ad: {
					finalUrls: ['https://acme.example/shoes'],
					responsiveSearchAd: {
						headlines: headlines.map((text) => ({ text })),
						descriptions: descriptions.map((text) => ({ text })),
						path1: 'shoes',
					},
				},
			},
		});
		expect(bodies[0].operations[1].create.ad.responsiveSearchAd.headlines).toEqual([{ text: 'One' }, { text: 'Two' }, { text: 'Three' }]);
		expect(items[0].json).toEqual(expect.objectContaining({ id: '55~1', adId: '1', status: 'PAUSED' }));
	});

	it('a headline over 30 characters fails its item before anything is sent (3 items, middle bad)', async () => {
		const { bodies } = capture(`${PREFIX}/adGroupAds:mutate`, (body) => ({ results: body.operations.map(() => ({ resourceName: `customers/${CID}/adGroupAds/55~1` })) }));
		const long = 'This headline is far too long!!!!';
		const { items } = await runNode([rsa(), rsa({ headlines: [...headlines, long] }), rsa()], { continueOnFail: true });
		expect(items[1].json.error).toBe(`headlines[3]: ${long.length} characters, max 30 ("${long}") (item 1)`);
		expect(bodies[0].operations).toHaveLength(2);
		expect(items[0].json.id).toBeDefined();
		expect(items[2].json.id).toBeDefined();
	});

	it('checks counts, descriptions, paths and the final URL', async () => {
		const { items } = await runNode(
			[
				rsa({ headlines: ['a', 'b'] }),
				rsa({ descriptions: ['x'.repeat(91), 'ok'] }),
				rsa({ path1: '', path2: 'orphan' }),
				rsa({ finalUrl: '' }),
			],
			{ continueOnFail: true },
		);
		expect(items.map((i) => i.json.error)).toEqual([
			'headlines: 2 given, need 3–15 (item 0)',
			`descriptions[0]: 91 characters, max 90 ("${'x'.repeat(91)}") (item 1)`,
			'path2: needs path1 (item 2)',
			'finalUrl: required (item 3)',
		]);
	});

	it('Request Policy Exemption retries ads with ignorablePolicyTopics', async () => {
		const { bodies } = capture(
			`${PREFIX}/adGroupAds:mutate`,
			(_b, n) =>
				n === 1
					? {
							results: [{}],
							partialFailureError: failure([
								{
									code: { policyFindingError: 'POLICY_FINDING' },
									message: 'The resource has been disapproved since the policy summary includes policy topics of type PROHIBITED.',
									operation: 0,
									details: { policyFindingDetails: { policyTopicEntries: [{ topic: 'TRADEMARKS_IN_AD_TEXT', type: 'LIMITED' }] } },
								},
							]),
						}
					: { results: [{ resourceName: `customers/${CID}/adGroupAds/55~9` }] },
			2,
		);
		const { items } = await runNode(rsa({ mutateOptions: { requestPolicyExemption: true } }));
		expect(bodies[1].operations[0].policyValidationParameter).toEqual({ ignorablePolicyTopics: ['TRADEMARKS_IN_AD_TEXT'] });
		expect(items[0].json).toEqual(expect.objectContaining({ id: '55~9', policyExemptionRequested: ['TRADEMARKS_IN_AD_TEXT'] }));
	});

	it('gets ads and pauses / enables them by adGroupId~adId', async () => {
		const read = capture(`${PREFIX}/googleAds:search`, () => ({
			results: [
				{
					adGroupAd: {
						resourceName: `customers/${CID}/adGroupAds/55~1`,
						status: 'ENABLED',
						ad: { id: '1', type: 'RESPONSIVE_SEARCH_AD', finalUrls: ['https://a.example'], responsiveSearchAd: { headlines: [{ text: 'H' }] } },
						policySummary: { approvalStatus: 'APPROVED' },
					},
					adGroup: { id: '55' },
					campaign: { id: '9' },
				},
			],
		}));
		const { items } = await runNode({ resource: 'ad', operation: 'getMany', customerId: CID, campaignId: '9', statusFilter: ['ENABLED', 'PAUSED'], returnAll: true });
		expect(read.bodies[0].query).toContain("WHERE campaign.id = 9 AND ad_group_ad.status IN ('ENABLED', 'PAUSED')");
		expect(items[0].json).toEqual(expect.objectContaining({ id: '55~1', headlines: ['H'], approvalStatus: 'APPROVED' }));

		const pause = capture(`${PREFIX}/adGroupAds:mutate`, () => ({ results: [{}, {}] }));
		await runNode([
			{ resource: 'ad', operation: 'pause', customerId: CID, ad: '55~1' },
			{ resource: 'ad', operation: 'pause', customerId: CID, ad: '55~2' },
		]);
		expect(pause.bodies).toHaveLength(1);
		expect(pause.bodies[0].operations[1]).toEqual({ update: { resourceName: `customers/${CID}/adGroupAds/55~2`, status: 'PAUSED' }, updateMask: 'status' });
		const enable = capture(`${PREFIX}/adGroupAds:mutate`, () => ({ results: [{}] }));
		await runNode({ resource: 'ad', operation: 'enable', customerId: CID, ad: '55~1' });
		expect(enable.bodies[0].operations[0].update.status).toBe('ENABLED');
	});
});
