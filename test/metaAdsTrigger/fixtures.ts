/** A small simulator, its ids, and trigger parameters for the Meta Ads Trigger tests. */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../simulator/server';
import { graph, startTestSimulator } from '../simulator/helpers';
import { simulatorCredentials } from '../helpers/simulatorCredentials';

export const VERIFY_TOKEN = 'verify-me-please';

export interface SimIds {
	accountId: string;
	adId: string;
	adSetId: string;
	campaignId: string;
}

export async function startSmallSimulator(): Promise<{ sim: RunningSimulator; ids: SimIds }> {
	const sim = await startTestSimulator({ dataset: { accounts: 1, campaignsPerAccount: 2, adSetsPerCampaign: 2, adsPerAdSet: 2, days: 3 } });
	const accounts = await graph(sim).get('/me/adaccounts', { fields: 'account_id' });
	const accountId = String(accounts.body.data[0].account_id);
	const ads = await graph(sim).get(`/act_${accountId}/ads`, { fields: 'id,adset_id,campaign_id', limit: 1 });
	const ad = ads.body.data[0];
	return { sim, ids: { accountId, adId: String(ad.id), adSetId: String(ad.adset_id), campaignId: String(ad.campaign_id) } };
}

export function triggerParameters(overrides: IDataObject = {}): IDataObject {
	return {
		object: 'ad_account',
		adAccountId: '',
		fields: ['with_issues_ad_objects', 'in_process_ad_objects', 'creative_fatigue', 'ad_recommendations'],
		verifyToken: VERIFY_TOKEN,
		subscription: 'manual',
		appId: '',
		reRead: true,
		options: {},
		...overrides,
	};
}

export const credentialsFor = (sim: RunningSimulator) => simulatorCredentials(sim);

/** Unix seconds of a fixed moment, so times in items are checkable. */
export const T0 = 1_795_000_000;
