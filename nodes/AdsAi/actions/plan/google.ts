/**
 * A Google plan from the model → a campaign template, checked by the same
 * validator Google Ads' Create from Template uses, plus what that validator
 * leaves to Google: double-width characters count 2, and the brief's budget,
 * currency, locations and languages are the user's, never the model's.
 */
import type { IDataObject } from 'n8n-workflow';

import { RSA_LIMITS } from '../../../GoogleAds/actions/common/responsiveSearchAd';
import type { CampaignTemplate } from '../../../GoogleAds/templates/types';
import { validateCampaignTemplate } from '../../../GoogleAds/templates/validate';
import { googleTextLength } from '../../checks/textWidth';
import type { CampaignBrief } from './brief';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function withoutNulls(v: unknown): IDataObject {
	return Object.fromEntries(Object.entries(isRecord(v) ? v : {}).filter(([, value]) => value !== null)) as IDataObject;
}

/** The template as Create from Template reads it. */
export function googleTemplateOf(answer: Raw, brief: CampaignBrief): IDataObject {
	return {
		name: answer.name as IDataObject[string],
		budget: { amount: answer.budgetAmount as IDataObject[string] },
		currency: brief.currency,
		bidding: withoutNulls(answer.bidding),
		networks: { googleSearch: true, searchPartners: false, displayNetwork: false },
		containsEuPoliticalAdvertising: false,
		locations: brief.locationIds,
		languages: brief.languageIds,
		negativeKeywords: list(answer.negativeKeywords),
		adGroups: list(answer.adGroups).map((g) => {
			const group = isRecord(g) ? g : {};
			return {
				name: group.name as IDataObject[string],
				...(typeof group.cpcBid === 'number' ? { cpcBid: group.cpcBid } : {}),
				keywords: list(group.keywords),
				negativeKeywords: [],
				ads: list(group.ads).map((a) => ({ finalUrl: brief.landingPage, ...withoutNulls(a) })),
			};
		}),
	};
}

function widthProblems(template: CampaignTemplate): string[] {
	const problems: string[] = [];
	template.adGroups.forEach((g, gi) =>
		g.ads.forEach((ad, ai) => {
			const at = `adGroups[${gi}].ads[${ai}]`;
			ad.headlines.forEach((h, i) => {
				const n = googleTextLength(h.text);
				if (n > RSA_LIMITS.headlines.maxChars) problems.push(`${at}.headlines[${i}]: ${n} characters as Google counts them (double-width count 2), max ${RSA_LIMITS.headlines.maxChars}`);
			});
			ad.descriptions.forEach((d, i) => {
				const n = googleTextLength(d.text);
				if (n > RSA_LIMITS.descriptions.maxChars) problems.push(`${at}.descriptions[${i}]: ${n} characters as Google counts them, max ${RSA_LIMITS.descriptions.maxChars}`);
			});
		}),
	);
	return problems;
}

export function checkGooglePlan(answer: Raw, brief: CampaignBrief): { ok: true; template: CampaignTemplate } | { ok: false; problems: string[] } {
	const parsed = validateCampaignTemplate(googleTemplateOf(answer, brief));
	if (!parsed.ok) return parsed;
	const t = parsed.value;
	const problems = widthProblems(t);
	if (t.budget.amount > brief.dailyBudget) problems.push(`budget.amount: ${t.budget.amount} is over the brief's daily budget ${brief.dailyBudget}`);
	if (t.adGroups.length === 0) problems.push('adGroups: at least one ad group is needed');
	t.adGroups.forEach((g, i) => {
		if (g.keywords.length === 0) problems.push(`adGroups[${i}].keywords: at least one keyword is needed`);
		if (g.ads.length === 0) problems.push(`adGroups[${i}].ads: at least one ad is needed`);
	});
	return problems.length ? { ok: false, problems } : { ok: true, template: t };
}
