import { buildTemplateOperations, templateOutput, validateCampaignTemplate } from '../../../nodes/GoogleAds/templates';
import type { CampaignTemplate } from '../../../nodes/GoogleAds/templates';
import { validTemplate } from './fixtures';

function parse(input: unknown): CampaignTemplate {
	const parsed = validateCampaignTemplate(input);
	if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
	return parsed.value;
}

describe('buildTemplateOperations', () => {
	const cid = '1234567890';

	it('links everything with temporary ids, in dependency order, all PAUSED, money in micros', () => {
		const { mutateOperations: ops, plan } = buildTemplateOperations(cid, parse(validTemplate()));
		expect(plan.map((p) => p.kind)).toEqual([
			'budget',
			'campaign',
			'campaignNegativeKeyword',
			'campaignNegativeKeyword',
			'location',
			'language',
			'adGroup',
			'ad',
			'keyword',
			'keyword',
			'adGroupNegativeKeyword',
		]);
		expect(ops[0]).toEqual({
			campaignBudgetOperation: {
				create: {
					resourceName: 'customers/1234567890/campaignBudgets/-1',
					name: 'Acme | Search budget',
					amountMicros: '25500000',
					deliveryMethod: 'STANDARD',
					explicitlyShared: false,
				},
			},
		});
		expect(ops[1]).toEqual({
			campaignOperation: {
				create: {
					resourceName: 'customers/1234567890/campaigns/-2',
					name: 'Acme | Search',
					status: 'PAUSED',
					advertisingChannelType: 'SEARCH',
					campaignBudget: 'customers/1234567890/campaignBudgets/-1',
					networkSettings: {
						targetGoogleSearch: true,
						targetSearchNetwork: false,
						targetContentNetwork: false,
						targetPartnerSearchNetwork: false,
					},
					containsEuPoliticalAdvertising: 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING',
					manualCpc: {},
				},
			},
		});
		expect(ops[2]).toEqual({
			campaignCriterionOperation: {
				create: { campaign: 'customers/1234567890/campaigns/-2', negative: true, keyword: { text: 'free', matchType: 'PHRASE' } },
			},
		});
		expect(ops[4]).toEqual({
			campaignCriterionOperation: {
				create: { campaign: 'customers/1234567890/campaigns/-2', location: { geoTargetConstant: 'geoTargetConstants/2840' } },
			},
		});
		expect(ops[6]).toEqual({
			adGroupOperation: {
				create: {
					resourceName: 'customers/1234567890/adGroups/-3',
					campaign: 'customers/1234567890/campaigns/-2',
					name: 'Shoes',
					status: 'PAUSED',
					type: 'SEARCH_STANDARD',
					cpcBidMicros: '850000',
				},
			},
		});
		expect(ops[7]).toEqual({
			adGroupAdOperation: {
				create: {
					adGroup: 'customers/1234567890/adGroups/-3',
					status: 'PAUSED',
					ad: {
						finalUrls: ['https://acme.example/shoes'],
						responsiveSearchAd: {
							headlines: [{ text: 'Acme Shoes' }, { text: 'Run Further' }, { text: 'Free Returns', pinnedField: 'HEADLINE_1' }],
							descriptions: [{ text: 'Shoes built for long runs.' }, { text: 'Order today, free returns for 60 days.' }],
							path1: 'shoes',
							path2: 'running',
						},
					},
				},
			},
		});
		expect(ops[8]).toEqual({
			adGroupCriterionOperation: {
				create: {
					adGroup: 'customers/1234567890/adGroups/-3',
					status: 'PAUSED',
					keyword: { text: 'acme shoes', matchType: 'EXACT' },
					cpcBidMicros: '1200000',
				},
			},
		});
		expect(ops[10]).toEqual({
			adGroupCriterionOperation: {
				create: { adGroup: 'customers/1234567890/adGroups/-3', negative: true, keyword: { text: 'cheap', matchType: 'PHRASE' } },
			},
		});
	});

	it.each([
		[{ strategy: 'MAXIMIZE_CONVERSIONS' }, { maximizeConversions: {} }],
		[{ strategy: 'MAXIMIZE_CONVERSIONS', targetCpa: 12 }, { maximizeConversions: { targetCpaMicros: '12000000' } }],
		[{ strategy: 'TARGET_CPA', targetCpa: 9.99 }, { targetCpa: { targetCpaMicros: '9990000' } }],
		[{ strategy: 'TARGET_ROAS', targetRoas: 3.5 }, { targetRoas: { targetRoas: 3.5 } }],
		[{ strategy: 'MAXIMIZE_CLICKS', maxCpcBidCeiling: 2 }, { targetSpend: { cpcBidCeilingMicros: '2000000' } }],
		[{ strategy: 'maximize_clicks' }, { targetSpend: {} }],
	])('bidding %j', (bidding, expected) => {
		const { mutateOperations } = buildTemplateOperations(cid, parse({ ...validTemplate(), bidding }));
		const campaign = (mutateOperations[1].campaignOperation as any).create;
		expect(campaign).toEqual(expect.objectContaining(expected));
		expect(campaign.manualCpc === undefined).toBe(true);
	});

	it('declares EU political advertising when the template says so, and sets networks', () => {
		const t = parse({
			...validTemplate(),
			containsEuPoliticalAdvertising: true,
			networks: { googleSearch: true, searchPartners: true, displayNetwork: true },
		});
		const campaign = (buildTemplateOperations(cid, t).mutateOperations[1].campaignOperation as any).create;
		expect(campaign.containsEuPoliticalAdvertising).toBe('CONTAINS_EU_POLITICAL_ADVERTISING');
		expect(campaign.networkSettings).toEqual({
			targetGoogleSearch: true,
			targetSearchNetwork: true,
			targetContentNetwork: true,
			targetPartnerSearchNetwork: false,
		});
	});

	it('maps results back to the template in the output', () => {
		const t = parse(validTemplate());
		const { plan } = buildTemplateOperations(cid, t);
		const names = [
			'campaignBudgets/11',
			'campaigns/22',
			'campaignCriteria/22~301',
			'campaignCriteria/22~302',
			'campaignCriteria/22~2840',
			'campaignCriteria/22~1000',
			'adGroups/33',
			'adGroupAds/33~44',
			'adGroupCriteria/33~55',
			'adGroupCriteria/33~56',
			'adGroupCriteria/33~57',
		].map((n) => ({ resourceName: `customers/${cid}/${n}` }));
		const out = templateOutput(cid, t, plan, names, { validateOnly: false, currency: 'EUR' }) as any;
		expect(out.campaign).toEqual({ name: 'Acme | Search', resourceName: `customers/${cid}/campaigns/22`, id: '22' });
		expect(out.budget).toEqual({
			resourceName: `customers/${cid}/campaignBudgets/11`,
			id: '11',
			budget: 25.5,
			budgetMicros: '25500000',
			currency: 'EUR',
		});
		expect(out.adGroups[0].id).toBe('33');
		expect(out.adGroups[0].ads).toEqual([{ resourceName: `customers/${cid}/adGroupAds/33~44`, id: '33~44' }]);
		expect(out.adGroups[0].keywords[0]).toEqual(
			expect.objectContaining({ text: 'acme shoes', matchType: 'EXACT', id: '33~55' }),
		);
		expect(out.negativeKeywords).toHaveLength(2);
		expect(out.status).toBe('PAUSED');
	});

	it('leaves names null under validate only', () => {
		const t = parse(validTemplate());
		const { plan } = buildTemplateOperations(cid, t);
		const out = templateOutput(cid, t, plan, plan.map(() => null), { validateOnly: true, currency: null }) as any;
		expect(out.validateOnly).toBe(true);
		expect(out.campaign.resourceName).toBeNull();
	});
});
