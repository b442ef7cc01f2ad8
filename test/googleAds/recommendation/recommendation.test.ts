import { CID, PREFIX, capture, failure, runNode } from '../campaign/helpers';

const rec = (id: string) => `customers/${CID}/recommendations/${id}`;

describe('Recommendation', () => {
	it('gets recommendations with base/potential impact and optimization score uplift', async () => {
		const { bodies } = capture(`${PREFIX}/googleAds:search`, () => ({
			results: [
				{
					recommendation: {
						resourceName: rec('r1'),
						type: 'CAMPAIGN_BUDGET',
						campaign: `customers/${CID}/campaigns/9`,
						impact: {
							baseMetrics: { impressions: 100, clicks: '10', costMicros: '5000000', conversions: 1 },
							potentialMetrics: { impressions: 150, clicks: '16', costMicros: '8000000', conversions: 2 },
						},
					},
					metrics: { optimizationScoreUplift: 0.031 },
					customer: { currencyCode: 'EUR' },
				},
			],
		}));
		const { items } = await runNode({ resource: 'recommendation', operation: 'getMany', customerId: CID, types: ['CAMPAIGN_BUDGET', 'KEYWORD'], returnAll: true });
		expect(bodies[0].query).toContain('recommendation.impact.potential_metrics.cost_micros');
		expect(bodies[0].query).toContain('metrics.optimization_score_uplift');
		expect(bodies[0].query).toContain("WHERE recommendation.type IN ('CAMPAIGN_BUDGET', 'KEYWORD')");
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: 'r1',
				type: 'CAMPAIGN_BUDGET',
				campaignId: '9',
				optimizationScoreUplift: 0.031,
				impact: {
					base: { impressions: 100, clicks: 10, cost: 5, costMicros: '5000000', conversions: 1, conversionsValue: 0, currency: 'EUR' },
					potential: { impressions: 150, clicks: 16, cost: 8, costMicros: '8000000', conversions: 2, conversionsValue: 0, currency: 'EUR' },
				},
			}),
		);
	});

	it('applies several recommendations in one call and maps partial failures to items', async () => {
		const { bodies } = capture(`${PREFIX}/recommendations:apply`, () => ({
			results: [{ resourceName: rec('r1') }, {}],
			partialFailureError: failure([{ code: { recommendationError: 'RECOMMENDATION_ALREADY_APPLIED' }, message: 'Already applied.', operation: 1 }]),
		}));
		const { items } = await runNode(
			[
				{ resource: 'recommendation', operation: 'apply', customerId: CID, recommendation: rec('r1') },
				{ resource: 'recommendation', operation: 'apply', customerId: CID, recommendation: 'r2' },
			],
			{ continueOnFail: true },
		);
		expect(bodies).toEqual([{ operations: [{ resourceName: rec('r1') }, { resourceName: rec('r2') }], partialFailure: true }]);
		expect(items[0].json).toEqual({ customerId: CID, resourceName: rec('r1'), id: 'r1', applied: true });
		expect(items[1].json.error).toBe('Google Ads rejected item 1: RecommendationError.RECOMMENDATION_ALREADY_APPLIED: Already applied.');
	});

	it('dismisses, and refuses a recommendation of another customer', async () => {
		const { bodies } = capture(`${PREFIX}/recommendations:dismiss`, () => ({ results: [{ resourceName: rec('r3') }] }));
		const { items } = await runNode(
			[
				{ resource: 'recommendation', operation: 'dismiss', customerId: CID, recommendation: 'r3' },
				{ resource: 'recommendation', operation: 'dismiss', customerId: CID, recommendation: 'customers/999/recommendations/x' },
			],
			{ continueOnFail: true },
		);
		expect(bodies[0].operations).toEqual([{ resourceName: rec('r3') }]);
		expect(items[0].json.dismissed).toBe(true);
		expect(items[1].json.error).toBe(`Recommendation: "customers/999/recommendations/x" is not a recommendation of customer ${CID} (item 1)`);
	});
});
