/**
 * A Meta campaign plan (`params.objectType: "metaCampaignPlan"`, as Ads AI's
 * Plan New Campaign emits it) → the four Graph request bodies, built by the
 * Meta Ads node's own create code (buildCampaignBody, buildAdSetBody,
 * buildTargeting, buildObjectStorySpec, buildAdBody). Every object is PAUSED
 * whatever the spec says. Problems name their path under `params.spec`.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildAdBody } from '../../MetaAds/actions/ad/create.operation';
import { buildObjectStorySpec, type CardInput } from '../../MetaAds/actions/adCreative/storySpec';
import { buildAdSetBody } from '../../MetaAds/actions/adSet/create.operation';
import { buildTargeting } from '../../MetaAds/actions/adSet/targeting';
import { buildCampaignBody } from '../../MetaAds/actions/campaign/create.operation';
import { BILLING_EVENTS, CALL_TO_ACTIONS, OBJECTIVES, OPTIMIZATION_GOALS, SPECIAL_AD_CATEGORIES } from '../../MetaAds/actions/common/options';
import { parseAmount, toMetaMinorUnits } from '../../shared/money';

export const META_PLAN_CREATE = 'metaCampaignPlan';

/** The objects of a plan, in the order they are created; each names its Graph edge. */
export const META_CREATE_STEPS = [
	{ level: 'campaign', edge: 'campaigns' },
	{ level: 'creative', edge: 'adcreatives' },
	{ level: 'adSet', edge: 'adsets' },
	{ level: 'ad', edge: 'ads' },
] as const;
export type MetaCreateLevel = (typeof META_CREATE_STEPS)[number]['level'];

export interface MetaPlan {
	name: string;
	/** Spec currency (ad set), when given; must match the account's. */
	currency?: string;
	/** The largest budget in the plan (major units), for the Budget Ceiling. */
	budget: number | null;
	/** Budgets before conversion: Meta's minor units depend on the account currency. */
	budgets: { campaign?: { field: 'daily_budget' | 'lifetime_budget'; amount: number }; adSet?: { field: 'daily_budget' | 'lifetime_budget'; amount: number } };
	/** Bodies without links: ad set `campaign_id`, ad `adset_id` and `creative` are set when their parents exist. */
	bodies: Record<MetaCreateLevel, IDataObject>;
}

type Raw = Record<string, unknown>;
class SpecProblem extends Error {
	constructor(readonly field: string, message: string) {
		super(message);
	}
}

const record = (v: unknown, path: string): Raw => {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SpecProblem(path, `${path}: expected an object`);
	return v as Raw;
};
const text = (v: unknown, path: string): string => {
	if (typeof v !== 'string' || v.trim() === '') throw new SpecProblem(path, `${path}: required text`);
	return v.trim();
};
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, fallback?: T): T {
	if (v === undefined && fallback !== undefined) return fallback;
	if (typeof v !== 'string' || !allowed.includes(v as T)) throw new SpecProblem(path, `${path}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
	return v as T;
}
function budgetOf(raw: Raw, path: string, allowed: readonly string[], fallback: string): { field: 'daily_budget' | 'lifetime_budget'; amount: number } | undefined {
	const type = oneOf(raw.budgetType, allowed, `${path}.budgetType`, fallback);
	if (type === 'none') return undefined;
	const amount = parseAmount(raw.budgetAmount);
	if (amount === undefined || !(amount > 0)) throw new SpecProblem(`${path}.budgetAmount`, `${path}.budgetAmount: expected an amount greater than 0 (major units), got ${JSON.stringify(raw.budgetAmount)}`);
	return { field: type === 'daily' ? 'daily_budget' : 'lifetime_budget', amount };
}

function campaignBody(c: Raw, budget: MetaPlan['budgets']['campaign']): IDataObject {
	const categories = c.specialAdCategories === undefined ? [] : c.specialAdCategories;
	if (!Array.isArray(categories)) throw new SpecProblem('params.spec.campaign.specialAdCategories', 'params.spec.campaign.specialAdCategories: expected a list');
	return buildCampaignBody({
		name: text(c.name, 'params.spec.campaign.name'),
		objective: oneOf(c.objective, OBJECTIVES, 'params.spec.campaign.objective'),
		specialAdCategories: categories.map((v, i) => oneOf(v, SPECIAL_AD_CATEGORIES, `params.spec.campaign.specialAdCategories[${i}]`)),
		status: 'PAUSED',
		// The amount goes in once the account currency is known (minor units).
		budget: budget ? { type: budget.field === 'daily_budget' ? 'daily' : 'lifetime', minor: 0 } : undefined,
		isAdsetBudgetSharingEnabled: c.isAdsetBudgetSharingEnabled === true,
	});
}

function adSetBody(s: Raw, itemIndex: number, budget: MetaPlan['budgets']['adSet']): IDataObject {
	const fail = (message: string) => new SpecProblem('params.spec.adSet', `params.spec.adSet: ${message}`);
	const countries = Array.isArray(s.countries) ? s.countries.join(',') : optionalText(s.countries);
	const endTime = optionalText(s.endTime);
	if (budget?.field === 'lifetime_budget' && !endTime) throw new SpecProblem('params.spec.adSet.endTime', 'params.spec.adSet.endTime: required with a lifetime budget');
	return buildAdSetBody({
		name: text(s.name, 'params.spec.adSet.name'),
		campaignId: '',
		optimizationGoal: oneOf(s.optimizationGoal, OPTIMIZATION_GOALS, 'params.spec.adSet.optimizationGoal'),
		billingEvent: oneOf(s.billingEvent, BILLING_EVENTS, 'params.spec.adSet.billingEvent', 'IMPRESSIONS'),
		status: 'PAUSED',
		targeting: buildTargeting(s.targeting ?? {}, { countries, ageMin: s.ageMin as number, ageMax: s.ageMax as number }, itemIndex, fail),
		budget: budget ? { type: budget.field === 'daily_budget' ? 'daily' : 'lifetime', minor: 0 } : undefined,
		startTime: optionalText(s.startTime),
		endTime,
	});
}

function creativeBody(cr: Raw, itemIndex: number): IDataObject {
	const fail = (message: string) => new SpecProblem('params.spec.creative', `params.spec.creative: ${message}`);
	const cta = cr.callToAction === undefined ? undefined : oneOf(cr.callToAction, CALL_TO_ACTIONS, 'params.spec.creative.callToAction');
	const cards = Array.isArray(cr.cards) ? (cr.cards as Raw[]).map((card): CardInput => ({ link: optionalText(card.link), imageHash: optionalText(card.imageHash), name: optionalText(card.name), description: optionalText(card.description), callToAction: optionalText(card.callToAction) })) : undefined;
	const spec = buildObjectStorySpec({
		type: oneOf(cr.creativeType, ['link', 'video', 'carousel'] as const, 'params.spec.creative.creativeType', 'link'),
		pageId: optionalText(cr.pageId) ?? '',
		instagramUserId: optionalText(cr.instagramUserId),
		link: optionalText(cr.linkUrl),
		message: optionalText(cr.message),
		headline: optionalText(cr.headline),
		description: optionalText(cr.description),
		callToAction: cta,
		imageHash: optionalText(cr.imageHash),
		videoId: optionalText(cr.videoId),
		thumbnailImageHash: optionalText(cr.thumbnailImageHash),
		thumbnailImageUrl: optionalText(cr.thumbnailImageUrl),
		cards,
	}, itemIndex, fail);
	return { name: text(cr.name, 'params.spec.creative.name'), object_story_spec: spec };
}

/** The plan, or the first problem with the path of its field. */
export function readMetaPlan(spec: unknown, itemIndex: number): { ok: true; plan: MetaPlan } | { ok: false; field: string; message: string } {
	try {
		const root = record(spec, 'params.spec');
		const c = record(root.campaign, 'params.spec.campaign');
		const s = record(root.adSet, 'params.spec.adSet');
		const budgets = { campaign: budgetOf(c, 'params.spec.campaign', ['none', 'daily', 'lifetime'], 'none'), adSet: budgetOf(s, 'params.spec.adSet', ['daily', 'lifetime', 'none'], 'daily') };
		if (budgets.campaign && budgets.adSet) throw new SpecProblem('params.spec.adSet.budgetType', 'params.spec.adSet.budgetType: the campaign has a budget, so the ad set must have none');
		if (!budgets.campaign && !budgets.adSet) throw new SpecProblem('params.spec.adSet.budgetType', 'params.spec.adSet.budgetType: a budget is needed on the campaign or the ad set');
		const bodies: Record<MetaCreateLevel, IDataObject> = {
			campaign: campaignBody(c, budgets.campaign),
			creative: creativeBody(record(root.creative, 'params.spec.creative'), itemIndex),
			adSet: adSetBody(s, itemIndex, budgets.adSet),
			ad: buildAdBody({ name: text(record(root.ad, 'params.spec.ad').name, 'params.spec.ad.name'), adSetId: '', creativeId: '', status: 'PAUSED' }),
		};
		const currency = optionalText(s.currency)?.toUpperCase();
		const amount = budgets.campaign?.amount ?? budgets.adSet?.amount ?? null;
		return { ok: true, plan: { name: String(bodies.campaign.name), currency, budget: amount, budgets, bodies } };
	} catch (error) {
		// Every builder fails through SpecProblem; anything else is still this spec's problem, not a crash.
		return error instanceof SpecProblem ? { ok: false, field: error.field, message: error.message } : { ok: false, field: 'params.spec', message: `params.spec: ${(error as Error).message}` };
	}
}

/** Bodies ready to send for an account currency: budgets in Meta minor units. */
export function withBudgets(plan: MetaPlan, currency: string): Record<MetaCreateLevel, IDataObject> {
	const bodies = { ...plan.bodies, campaign: { ...plan.bodies.campaign }, adSet: { ...plan.bodies.adSet } };
	if (plan.budgets.campaign) bodies.campaign[plan.budgets.campaign.field] = toMetaMinorUnits(plan.budgets.campaign.amount, currency);
	if (plan.budgets.adSet) bodies.adSet[plan.budgets.adSet.field] = toMetaMinorUnits(plan.budgets.adSet.amount, currency);
	return bodies;
}
