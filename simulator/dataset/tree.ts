/**
 * The seeded entity tree: accounts → campaigns → ad sets → ads (+ one creative
 * per ad). Only entities are stored; their daily metrics come lazily from
 * `metrics.ts` through each ad's profile.
 */
import type { DatasetSettings } from '../types';
import { DATASET_CURRENCIES, type CurrencyInfo } from './currencies';
import { addDays } from './dates';
import { IdMint } from './ids';
import { makeProfile, type ConversionGoal, type MetricProfile } from './metrics';
import { accountName, adName, adSetName, businessName, campaignName } from './names';
import { between, keyedRandom, pick } from './prng';

export type EntityStatus = 'ACTIVE' | 'PAUSED';

export interface TreeAccount {
	id: string;
	name: string;
	currency: CurrencyInfo;
	businessId: string;
	businessName: string;
	/** Minor units; 0 = no cap. */
	spendCapMinor: number;
	createdDay: string;
}

export interface TreeCampaign {
	id: string;
	accountId: string;
	name: string;
	objective: string;
	goal: ConversionGoal;
	status: EntityStatus;
	/** Campaign budget (CBO) in minor units, or undefined when ad sets hold budgets. */
	dailyBudgetMinor?: number;
	createdDay: string;
}

export interface TreeAdSet {
	id: string;
	accountId: string;
	campaignId: string;
	name: string;
	status: EntityStatus;
	dailyBudgetMinor?: number;
	optimizationGoal: string;
	billingEvent: string;
	countries: string[];
	createdDay: string;
}

export interface TreeAd {
	id: string;
	accountId: string;
	campaignId: string;
	adSetId: string;
	creativeId: string;
	name: string;
	status: EntityStatus;
	format: 'image' | 'video';
	profile: MetricProfile;
	createdDay: string;
}

export interface AdTree {
	settings: DatasetSettings;
	/** First day with data (inclusive) and last day (yesterday). */
	firstDay: string;
	lastDay: string;
	accounts: TreeAccount[];
	campaigns: TreeCampaign[];
	adSets: TreeAdSet[];
	ads: TreeAd[];
	mint: IdMint;
}

const OBJECTIVES: ReadonlyArray<[string, ConversionGoal, string]> = [
	['OUTCOME_SALES', 'sales', 'OFFSITE_CONVERSIONS'],
	['OUTCOME_SALES', 'sales', 'VALUE'],
	['OUTCOME_LEADS', 'leads', 'LEAD_GENERATION'],
	['OUTCOME_TRAFFIC', 'traffic', 'LINK_CLICKS'],
];

export const DEFAULT_DATASET: DatasetSettings = {
	seed: 1,
	days: 90,
	today: new Date().toISOString().slice(0, 10),
	accounts: 3,
	campaignsPerAccount: 4,
	adSetsPerCampaign: 3,
	adsPerAdSet: 3,
};

export function buildTree(settings: DatasetSettings): AdTree {
	const { seed } = settings;
	const lastDay = addDays(settings.today, -1);
	const firstDay = addDays(settings.today, -Math.max(1, settings.days));
	const mint = new IdMint(seed);
	const tree: AdTree = { settings, firstDay, lastDay, accounts: [], campaigns: [], adSets: [], ads: [], mint };
	for (let a = 0; a < settings.accounts; a++) {
		const account: TreeAccount = {
			id: mint.next('account'),
			name: accountName(a),
			currency: DATASET_CURRENCIES[a % DATASET_CURRENCIES.length],
			businessId: mint.next('business'),
			businessName: businessName(a),
			spendCapMinor: 0,
			createdDay: addDays(firstDay, -400),
		};
		tree.accounts.push(account);
		for (let c = 0; c < settings.campaignsPerAccount; c++) addCampaign(tree, account, c);
		// A spend cap on some accounts, comfortably above what was spent.
		if (a % 2 === 1) account.spendCapMinor = 10_000_000 * account.currency.minorFactor;
	}
	return tree;
}

function addCampaign(tree: AdTree, account: TreeAccount, index: number): void {
	const { seed } = tree.settings;
	const id = tree.mint.next('campaign');
	const random = keyedRandom(seed, 'campaign', id);
	const [objective, goal, optimizationGoal] = pick(random, OBJECTIVES);
	const unit = account.currency.minorFactor / account.currency.eurPerUnit;
	const cbo = random() < 0.5;
	const campaign: TreeCampaign = {
		id,
		accountId: account.id,
		name: campaignName(random, index),
		objective,
		goal,
		status: random() < 0.8 ? 'ACTIVE' : 'PAUSED',
		dailyBudgetMinor: cbo ? roundBudget(between(random, 50, 500) * unit) : undefined,
		createdDay: addDays(tree.firstDay, -Math.floor(random() * 30)),
	};
	tree.campaigns.push(campaign);
	for (let s = 0; s < tree.settings.adSetsPerCampaign; s++) {
		const adSetId = tree.mint.next('adSet');
		const r = keyedRandom(seed, 'adset', adSetId);
		const adSet: TreeAdSet = {
			id: adSetId,
			accountId: account.id,
			campaignId: id,
			name: adSetName(r, s),
			status: r() < 0.85 ? 'ACTIVE' : 'PAUSED',
			dailyBudgetMinor: cbo ? undefined : roundBudget(between(r, 20, 200) * unit),
			optimizationGoal,
			billingEvent: 'IMPRESSIONS',
			countries: [pick(r, ['DE', 'US', 'FR', 'GB', 'JP', 'NL'])],
			createdDay: campaign.createdDay,
		};
		tree.adSets.push(adSet);
		for (let n = 0; n < tree.settings.adsPerAdSet; n++) addAd(tree, account, campaign, adSet, n);
	}
}

function addAd(tree: AdTree, account: TreeAccount, campaign: TreeCampaign, adSet: TreeAdSet, index: number): void {
	const id = tree.mint.next('ad');
	const random = keyedRandom(tree.settings.seed, 'ad', id);
	const status: EntityStatus = random() < 0.85 ? 'ACTIVE' : 'PAUSED';
	// Ads start at different days; paused ones stopped delivering some days ago.
	const span = Math.max(1, tree.settings.days);
	const firstDay = addDays(tree.firstDay, Math.floor(random() * random() * span * 0.5));
	const paused = status !== 'ACTIVE' || campaign.status !== 'ACTIVE' || adSet.status !== 'ACTIVE';
	const lastDay = paused ? addDays(tree.lastDay, -Math.floor(random() * Math.min(20, span))) : undefined;
	tree.ads.push({
		id,
		accountId: account.id,
		campaignId: campaign.id,
		adSetId: adSet.id,
		creativeId: tree.mint.next('creative'),
		name: adName(random, index),
		status,
		format: random() < 0.4 ? 'video' : 'image',
		profile: makeProfile({
			seed: tree.settings.seed,
			key: id,
			goal: campaign.goal,
			minorFactor: account.currency.minorFactor,
			eurPerUnit: account.currency.eurPerUnit,
			firstDay,
			lastDay,
			windowEnd: tree.lastDay,
		}),
		createdDay: addDays(firstDay, -1),
	});
}

/** Budgets look hand-typed: whole units, multiples of 5. */
function roundBudget(minor: number): number {
	const step = minor >= 100_000 ? 50_000 : 500;
	return Math.max(step, Math.round(minor / step) * step);
}
