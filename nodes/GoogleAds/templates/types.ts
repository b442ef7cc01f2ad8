import type { KeywordSpec } from '../actions/common/keywords';
import type { ResponsiveSearchAdSpec } from '../actions/common/responsiveSearchAd';

/**
 * A campaign template: everything one Search campaign needs, created in one
 * atomic googleAds:mutate. Money is in MAJOR units of the account currency.
 * It is also the `params.spec` of an AdAction of kind `create`.
 *
 * Example:
 * {
 *   "name": "Brand | Search",
 *   "budget": { "amount": 25 },
 *   "bidding": { "strategy": "MANUAL_CPC" },
 *   "negativeKeywords": ["free"],
 *   "adGroups": [{
 *     "name": "Brand", "cpcBid": 0.8,
 *     "keywords": [{ "text": "acme shoes", "matchType": "EXACT" }],
 *     "ads": [{ "finalUrl": "https://acme.example/", "headlines": ["A", "B", "C"], "descriptions": ["D", "E"] }]
 *   }]
 * }
 */
export type BiddingStrategy = 'MANUAL_CPC' | 'MAXIMIZE_CONVERSIONS' | 'TARGET_CPA' | 'TARGET_ROAS' | 'MAXIMIZE_CLICKS';

export const BIDDING_STRATEGIES: readonly BiddingStrategy[] = [
	'MANUAL_CPC',
	'MAXIMIZE_CONVERSIONS',
	'TARGET_CPA',
	'TARGET_ROAS',
	'MAXIMIZE_CLICKS',
];

export interface BiddingSpec {
	strategy: BiddingStrategy;
	/** TARGET_CPA (required) or MAXIMIZE_CONVERSIONS (optional), major units. */
	targetCpa?: number;
	/** TARGET_ROAS: conversion value / cost as a ratio, 3.5 = 350 %. */
	targetRoas?: number;
	/** MAXIMIZE_CLICKS: highest CPC the strategy may bid, major units. */
	maxCpcBidCeiling?: number;
}

export type EuPoliticalAdvertising = 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING' | 'CONTAINS_EU_POLITICAL_ADVERTISING';

export interface NetworkSpec {
	googleSearch: boolean;
	searchPartners: boolean;
	displayNetwork: boolean;
}

export interface AdGroupTemplate {
	name: string;
	/** Ad group max CPC, major units (used by manual CPC). */
	cpcBid?: number;
	ads: ResponsiveSearchAdSpec[];
	keywords: KeywordSpec[];
	negativeKeywords: KeywordSpec[];
}

export interface CampaignTemplate {
	name: string;
	channel: 'SEARCH';
	budget: { amount: number; name?: string };
	/** When set, must match the account currency (guards against 50 meant as EUR landing in a JPY account). */
	currency?: string;
	bidding: BiddingSpec;
	networks: NetworkSpec;
	containsEuPoliticalAdvertising: EuPoliticalAdvertising;
	/** Geo target constant ids, e.g. 2840 (United States). */
	locations: string[];
	/** Language constant ids, e.g. 1000 (English). */
	languages: string[];
	/** Campaign-level negative keywords. */
	negativeKeywords: KeywordSpec[];
	adGroups: AdGroupTemplate[];
}
