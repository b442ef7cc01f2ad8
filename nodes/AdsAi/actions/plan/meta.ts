/**
 * A Meta plan from the model → campaign, ad set, creative and ad fields as
 * the Meta Ads node's create operations take them, every object PAUSED.
 * Budget, countries, page and link come from the brief, not the model.
 */
import type { IDataObject } from 'n8n-workflow';

import { CALL_TO_ACTIONS, OBJECTIVES, OPTIMIZATION_GOALS, SPECIAL_AD_CATEGORIES } from '../../../MetaAds/actions/common/options';
import { checkMetaVariant, type DroppedLine } from '../../checks/copy';
import type { CampaignBrief } from './brief';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Optimization goals Meta accepts for each objective (ODAX). */
const GOALS_BY_OBJECTIVE: Record<string, readonly string[]> = {
	OUTCOME_AWARENESS: ['REACH', 'IMPRESSIONS', 'AD_RECALL_LIFT', 'THRUPLAY'],
	OUTCOME_TRAFFIC: ['LINK_CLICKS', 'LANDING_PAGE_VIEWS', 'REACH', 'IMPRESSIONS', 'CONVERSATIONS'],
	OUTCOME_ENGAGEMENT: ['POST_ENGAGEMENT', 'THRUPLAY', 'CONVERSATIONS', 'PAGE_LIKES', 'LINK_CLICKS'],
	OUTCOME_LEADS: ['LEAD_GENERATION', 'QUALITY_LEAD', 'OFFSITE_CONVERSIONS', 'CONVERSATIONS'],
	OUTCOME_APP_PROMOTION: ['APP_INSTALLS', 'OFFSITE_CONVERSIONS', 'VALUE'],
	OUTCOME_SALES: ['OFFSITE_CONVERSIONS', 'VALUE', 'LINK_CLICKS', 'LANDING_PAGE_VIEWS', 'CONVERSATIONS'],
};

function name(v: unknown, path: string, problems: string[]): string {
	if (typeof v !== 'string' || v.trim() === '') problems.push(`${path}: required text`);
	else if ([...v].length > 255) problems.push(`${path}: longer than 255 characters`);
	return typeof v === 'string' ? v.trim() : '';
}

function oneOf(v: unknown, allowed: readonly string[], path: string, problems: string[]): string {
	if (typeof v !== 'string' || !allowed.includes(v)) problems.push(`${path}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
	return String(v);
}

export function checkMetaPlan(answer: Raw, brief: CampaignBrief): { ok: true; spec: IDataObject } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const c = isRecord(answer.campaign) ? answer.campaign : {};
	const s = isRecord(answer.adSet) ? answer.adSet : {};
	const cr = isRecord(answer.creative) ? answer.creative : {};
	const ad = isRecord(answer.ad) ? answer.ad : {};
	const objective = oneOf(c.objective, OBJECTIVES, 'campaign.objective', problems);
	const categories = Array.isArray(c.specialAdCategories) ? c.specialAdCategories : [];
	categories.forEach((v, i) => oneOf(v, SPECIAL_AD_CATEGORIES, `campaign.specialAdCategories[${i}]`, problems));
	const goal = oneOf(s.optimizationGoal, OPTIMIZATION_GOALS, 'adSet.optimizationGoal', problems);
	if (GOALS_BY_OBJECTIVE[objective] && !GOALS_BY_OBJECTIVE[objective].includes(goal)) problems.push(`adSet.optimizationGoal: ${goal} does not fit ${objective} (use ${GOALS_BY_OBJECTIVE[objective].join(', ')})`);
	const budget = s.dailyBudget;
	if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0) problems.push(`adSet.dailyBudget: must be greater than 0, got ${JSON.stringify(budget)}`);
	else if (budget > brief.dailyBudget) problems.push(`adSet.dailyBudget: ${budget} is over the brief's daily budget ${brief.dailyBudget}`);
	const ageMin = Number(s.ageMin);
	const ageMax = Number(s.ageMax);
	if (!(ageMin >= 13 && ageMin <= 65 && ageMax >= 13 && ageMax <= 65 && ageMin <= ageMax)) problems.push(`adSet.ageMin/ageMax: need 13 ≤ min ≤ max ≤ 65, got ${JSON.stringify(s.ageMin)}..${JSON.stringify(s.ageMax)}`);
	const cta = oneOf(cr.callToAction, CALL_TO_ACTIONS, 'creative.callToAction', problems);
	const dropped: DroppedLine[] = [];
	const copy = checkMetaVariant(cr, 1, { bannedWords: [], mustInclude: [] }, dropped);
	for (const d of dropped) problems.push(`creative.${d.field}: ${d.reason}`);
	if (!copy.ok && dropped.length === 0) problems.push(`creative: ${copy.reason}`);
	const names = { campaign: name(c.name, 'campaign.name', problems), adSet: name(s.name, 'adSet.name', problems), creative: name(cr.name, 'creative.name', problems), ad: name(ad.name, 'ad.name', problems) };
	if (problems.length > 0 || !copy.ok) return { ok: false, problems };
	return {
		ok: true,
		spec: {
			campaign: { name: names.campaign, objective, specialAdCategories: categories, budgetType: 'none', isAdsetBudgetSharingEnabled: false, status: 'PAUSED' },
			adSet: { name: names.adSet, optimizationGoal: goal, billingEvent: 'IMPRESSIONS', budgetType: 'daily', budgetAmount: budget, currency: brief.currency, countries: brief.countries, ageMin, ageMax, status: 'PAUSED' },
			creative: { name: names.creative, creativeType: 'link', pageId: brief.pageId, linkUrl: brief.landingPage, message: copy.copy.primaryText, headline: copy.copy.headline, description: copy.copy.description, callToAction: cta },
			ad: { name: names.ad, status: 'PAUSED' },
		},
	};
}
