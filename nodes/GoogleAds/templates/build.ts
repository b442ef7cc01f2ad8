import type { IDataObject } from 'n8n-workflow';

import { adGroupKeywordCreate, adGroupNegativeCreate, campaignNegativeCreate } from '../actions/common/keywords';
import { microsString } from '../actions/common/money';
import { resourceName } from '../actions/common/resourceNames';
import { responsiveSearchAdCreate } from '../actions/common/responsiveSearchAd';
import type { BiddingSpec, CampaignTemplate } from './types';

/** What each mutate operation creates, so results map back to the template. */
export type PlannedCreate =
	| { kind: 'budget' }
	| { kind: 'campaign' }
	| { kind: 'campaignNegativeKeyword'; index: number }
	| { kind: 'location'; index: number }
	| { kind: 'language'; index: number }
	| { kind: 'adGroup'; adGroup: number }
	| { kind: 'ad'; adGroup: number; index: number }
	| { kind: 'keyword'; adGroup: number; index: number }
	| { kind: 'adGroupNegativeKeyword'; adGroup: number; index: number };

export interface TemplateOperations {
	/** Body entries for `googleAds:mutate`, in dependency order. */
	mutateOperations: IDataObject[];
	/** `plan[i]` says what `mutateOperations[i]` creates. */
	plan: PlannedCreate[];
}

function biddingFields(bidding: BiddingSpec): IDataObject {
	switch (bidding.strategy) {
		case 'MAXIMIZE_CONVERSIONS':
			return { maximizeConversions: bidding.targetCpa !== undefined ? { targetCpaMicros: microsString(bidding.targetCpa) } : {} };
		case 'TARGET_CPA':
			return { targetCpa: { targetCpaMicros: microsString(bidding.targetCpa ?? 0) } };
		case 'TARGET_ROAS':
			return { targetRoas: { targetRoas: bidding.targetRoas } };
		case 'MAXIMIZE_CLICKS':
			// "Maximize clicks" is TargetSpend in the API.
			return {
				targetSpend: bidding.maxCpcBidCeiling !== undefined ? { cpcBidCeilingMicros: microsString(bidding.maxCpcBidCeiling) } : {},
			};
		case 'MANUAL_CPC':
		default:
			return { manualCpc: {} };
	}
}

/**
 * Turns a validated template into one atomic `googleAds:mutate`. Temporary
 * negative ids (-1, -2, …) let later operations point at resources created
 * earlier in the same request. Everything that can be paused is PAUSED.
 * Over 80 lines on purpose: one pass in request order, because every step
 * shares the temporary-id counter and the plan with the ones before it.
 */
export function buildTemplateOperations(customerId: string, t: CampaignTemplate): TemplateOperations {
	const mutateOperations: IDataObject[] = [];
	const plan: PlannedCreate[] = [];
	let nextTempId = -1;
	const add = (entry: PlannedCreate, operation: IDataObject) => {
		plan.push(entry);
		mutateOperations.push(operation);
	};

	const budgetName = resourceName(customerId, 'campaignBudgets', nextTempId--);
	add(
		{ kind: 'budget' },
		{
			campaignBudgetOperation: {
				create: {
					resourceName: budgetName,
					name: t.budget.name ?? `${t.name} budget`,
					amountMicros: microsString(t.budget.amount),
					deliveryMethod: 'STANDARD',
					// A template's budget belongs to its campaign alone.
					explicitlyShared: false,
				},
			},
		},
	);

	const campaignName = resourceName(customerId, 'campaigns', nextTempId--);
	add(
		{ kind: 'campaign' },
		{
			campaignOperation: {
				create: {
					resourceName: campaignName,
					name: t.name,
					status: 'PAUSED',
					advertisingChannelType: t.channel,
					campaignBudget: budgetName,
					networkSettings: {
						targetGoogleSearch: t.networks.googleSearch,
						targetSearchNetwork: t.networks.searchPartners,
						targetContentNetwork: t.networks.displayNetwork,
						targetPartnerSearchNetwork: false,
					},
					containsEuPoliticalAdvertising: t.containsEuPoliticalAdvertising,
					...biddingFields(t.bidding),
				},
			},
		},
	);

	t.negativeKeywords.forEach((keyword, index) =>
		add({ kind: 'campaignNegativeKeyword', index }, { campaignCriterionOperation: { create: campaignNegativeCreate(campaignName, keyword) } }),
	);
	t.locations.forEach((id, index) =>
		add(
			{ kind: 'location', index },
			{ campaignCriterionOperation: { create: { campaign: campaignName, location: { geoTargetConstant: `geoTargetConstants/${id}` } } } },
		),
	);
	t.languages.forEach((id, index) =>
		add(
			{ kind: 'language', index },
			{ campaignCriterionOperation: { create: { campaign: campaignName, language: { languageConstant: `languageConstants/${id}` } } } },
		),
	);

	t.adGroups.forEach((group, g) => {
		const adGroupName = resourceName(customerId, 'adGroups', nextTempId--);
		add(
			{ kind: 'adGroup', adGroup: g },
			{
				adGroupOperation: {
					create: {
						resourceName: adGroupName,
						campaign: campaignName,
						name: group.name,
						status: 'PAUSED',
						type: 'SEARCH_STANDARD',
						...(group.cpcBid !== undefined ? { cpcBidMicros: microsString(group.cpcBid) } : {}),
					},
				},
			},
		);
		group.ads.forEach((ad, index) =>
			add({ kind: 'ad', adGroup: g, index }, { adGroupAdOperation: { create: responsiveSearchAdCreate(adGroupName, ad) } }),
		);
		group.keywords.forEach((keyword, index) =>
			add({ kind: 'keyword', adGroup: g, index }, { adGroupCriterionOperation: { create: adGroupKeywordCreate(adGroupName, keyword) } }),
		);
		group.negativeKeywords.forEach((keyword, index) =>
			add(
				{ kind: 'adGroupNegativeKeyword', adGroup: g, index },
				{ adGroupCriterionOperation: { create: adGroupNegativeCreate(adGroupName, keyword) } },
			),
		);
	});

	return { mutateOperations, plan };
}
