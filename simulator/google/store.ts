/**
 * The Google Ads world of the simulator: a manager customer, its clients and
 * their campaigns, budgets, ad groups, responsive search ads, keywords and
 * recommendations. Entities are stored in Google's own REST JSON shape
 * (camelCase, int64 as strings), so queries and updates work on paths.
 */
import type { DatasetSettings } from '../types';
import { DATASET_CURRENCIES } from '../dataset/currencies';
import { addDays } from '../dataset/dates';
import { accountName, adName, adSetName, campaignName } from '../dataset/names';
import { keyedRandom, pick } from '../dataset/prng';

export type Entity = Record<string, unknown> & { resourceName: string };

export const MANAGER_ID = '5550000000';
export const KEYWORDS_PER_AD_GROUP = 3;

/** Collections keyed by resource type, then by resource name. */
export interface GoogleStore {
	customers: Map<string, Entity>;
	campaignBudgets: Map<string, Entity>;
	campaigns: Map<string, Entity>;
	adGroups: Map<string, Entity>;
	adGroupAds: Map<string, Entity>;
	adGroupCriteria: Map<string, Entity>;
	campaignCriteria: Map<string, Entity>;
	recommendations: Map<string, Entity>;
	/** Next id per collection, for creates. */
	nextId: Record<string, number>;
	/** First day with delivery, for metrics. */
	firstDay: string;
	lastDay: string;
}

export type CollectionName = Exclude<keyof GoogleStore, 'nextId' | 'firstDay' | 'lastDay'>;

export function customerIdOf(resourceName: string): string {
	return resourceName.split('/')[1] ?? '';
}

export function idOf(resourceName: string): string {
	const last = resourceName.split('/')[3] ?? '';
	return last.includes('~') ? last.split('~')[1] : last;
}

const KEYWORDS = ['running shoes', 'trail shoes', 'buy sneakers', 'hiking boots', 'sport socks', 'online pharmacy', 'best yoga mat', 'home gym'];
const BIDDING = ['MANUAL_CPC', 'MAXIMIZE_CONVERSIONS', 'TARGET_CPA', 'MAXIMIZE_CONVERSION_VALUE'];
const RECOMMENDATION_TYPES = ['CAMPAIGN_BUDGET', 'KEYWORD', 'RESPONSIVE_SEARCH_AD', 'TARGET_CPA_OPT_IN', 'USE_BROAD_MATCH_KEYWORD'];

export function allocateId(store: GoogleStore, collection: string): string {
	const id = store.nextId[collection] ?? 1;
	store.nextId[collection] = id + 1;
	return String(id);
}

export function seedStore(dataset: DatasetSettings): GoogleStore {
	const lastDay = addDays(dataset.today, -1);
	const store: GoogleStore = {
		customers: new Map(),
		campaignBudgets: new Map(),
		campaigns: new Map(),
		adGroups: new Map(),
		adGroupAds: new Map(),
		adGroupCriteria: new Map(),
		campaignCriteria: new Map(),
		recommendations: new Map(),
		nextId: { campaigns: 20_000_001, campaignBudgets: 30_000_001, adGroups: 40_000_001, adGroupAds: 50_000_001, adGroupCriteria: 60_000_001, campaignCriteria: 70_000_001, recommendations: 80_000_001 },
		firstDay: addDays(lastDay, -(Math.max(1, dataset.days) - 1)),
		lastDay,
	};
	const manager: Entity = {
		resourceName: `customers/${MANAGER_ID}`,
		id: MANAGER_ID,
		descriptiveName: 'AdPilot Sim Manager',
		currencyCode: 'EUR',
		timeZone: 'Europe/Berlin',
		manager: true,
		testAccount: false,
		status: 'ENABLED',
		autoTaggingEnabled: true,
	};
	store.customers.set(manager.resourceName, manager);

	for (let a = 0; a < dataset.accounts; a++) {
		const cid = String(Number(MANAGER_ID) + a + 1);
		const currency = DATASET_CURRENCIES[a % DATASET_CURRENCIES.length];
		const customer: Entity = {
			resourceName: `customers/${cid}`,
			id: cid,
			descriptiveName: accountName(a),
			currencyCode: currency.code,
			timeZone: currency.timezone,
			manager: false,
			testAccount: false,
			status: 'ENABLED',
			autoTaggingEnabled: true,
		};
		store.customers.set(customer.resourceName, customer);
		seedCustomer(store, dataset, cid, a);
	}
	return store;
}

function seedCustomer(store: GoogleStore, dataset: DatasetSettings, cid: string, accountIndex: number): void {
	const random = keyedRandom(dataset.seed, 'google', cid);
	let sharedBudget: Entity | undefined;
	for (let c = 0; c < dataset.campaignsPerAccount; c++) {
		// Every fourth campaign shares the previous one's budget, as shared budgets do.
		let budget: Entity;
		if (c % 4 === 3 && sharedBudget) {
			budget = sharedBudget;
			budget.explicitlyShared = true;
			budget.referenceCount = String(Number(budget.referenceCount) + 1);
		} else {
			const budgetId = allocateId(store, 'campaignBudgets');
			const amountMajor = Math.round(10 + random() * 190);
			budget = {
				resourceName: `customers/${cid}/campaignBudgets/${budgetId}`,
				id: budgetId,
				name: `Budget ${budgetId}`,
				amountMicros: String(amountMajor * 1_000_000),
				deliveryMethod: 'STANDARD',
				period: 'DAILY',
				explicitlyShared: false,
				referenceCount: '1',
				status: 'ENABLED',
			};
			store.campaignBudgets.set(budget.resourceName, budget);
			sharedBudget = budget;
		}
		const campaignId = allocateId(store, 'campaigns');
		const campaignRn = `customers/${cid}/campaigns/${campaignId}`;
		const bidding = pick(random, BIDDING);
		store.campaigns.set(campaignRn, {
			resourceName: campaignRn,
			id: campaignId,
			name: campaignName(random, c).replace('Advantage+', 'Performance'),
			status: random() < 0.85 ? 'ENABLED' : 'PAUSED',
			servingStatus: 'SERVING',
			advertisingChannelType: 'SEARCH',
			biddingStrategyType: bidding,
			campaignBudget: budget.resourceName,
			startDate: store.firstDay,
			endDate: '2037-12-30',
			containsEuPoliticalAdvertising: 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING',
			networkSettings: { targetGoogleSearch: true, targetSearchNetwork: true, targetContentNetwork: false },
		});
		for (let g = 0; g < dataset.adSetsPerCampaign; g++) {
			const adGroupId = allocateId(store, 'adGroups');
			const adGroupRn = `customers/${cid}/adGroups/${adGroupId}`;
			store.adGroups.set(adGroupRn, {
				resourceName: adGroupRn,
				id: adGroupId,
				name: adSetName(random, g),
				status: random() < 0.9 ? 'ENABLED' : 'PAUSED',
				campaign: campaignRn,
				type: 'SEARCH_STANDARD',
				cpcBidMicros: String(Math.round(0.3 + random() * 2.5) * 1_000_000 || 500_000),
			});
			for (let d = 0; d < dataset.adsPerAdSet; d++) {
				const adId = allocateId(store, 'adGroupAds');
				const rn = `customers/${cid}/adGroupAds/${adGroupId}~${adId}`;
				store.adGroupAds.set(rn, {
					resourceName: rn,
					status: random() < 0.9 ? 'ENABLED' : 'PAUSED',
					adGroup: adGroupRn,
					ad: {
						resourceName: `customers/${cid}/ads/${adId}`,
						id: adId,
						name: adName(random, d),
						type: 'RESPONSIVE_SEARCH_AD',
						finalUrls: [`https://shop${accountIndex + 1}.example.com/`],
						responsiveSearchAd: {
							headlines: [{ text: 'Fast Free Shipping' }, { text: 'Shop The New Range' }, { text: `Save ${10 + d}% Today` }],
							descriptions: [{ text: 'Quality gear for every day.' }, { text: 'Order now, delivered in 2 days.' }],
							path1: 'shop',
							path2: 'new',
						},
					},
					policySummary: { approvalStatus: 'APPROVED', reviewStatus: 'REVIEWED' },
				});
			}
			for (let k = 0; k < KEYWORDS_PER_AD_GROUP; k++) {
				const critId = allocateId(store, 'adGroupCriteria');
				const rn = `customers/${cid}/adGroupCriteria/${adGroupId}~${critId}`;
				const text = KEYWORDS[(g * KEYWORDS_PER_AD_GROUP + k) % KEYWORDS.length].replace('online pharmacy', 'shoe store');
				store.adGroupCriteria.set(rn, {
					resourceName: rn,
					criterionId: critId,
					adGroup: adGroupRn,
					status: 'ENABLED',
					type: 'KEYWORD',
					negative: false,
					keyword: { text, matchType: pick(random, ['EXACT', 'PHRASE', 'BROAD']) },
					cpcBidMicros: String((1 + Math.floor(random() * 20)) * 100_000),
					qualityInfo: { qualityScore: 1 + Math.floor(random() * 10) },
				});
			}
		}
		if (c < 2) {
			const recId = allocateId(store, 'recommendations');
			const rn = `customers/${cid}/recommendations/${recId}`;
			store.recommendations.set(rn, {
				resourceName: rn,
				type: RECOMMENDATION_TYPES[(accountIndex + c) % RECOMMENDATION_TYPES.length],
				campaign: campaignRn,
				campaignBudget: budget.resourceName,
				dismissed: false,
				impact: {
					baseMetrics: { impressions: 1000, clicks: 50, costMicros: '25000000' },
					potentialMetrics: { impressions: 1300, clicks: 64, costMicros: '31000000' },
				},
			});
		}
	}
}
