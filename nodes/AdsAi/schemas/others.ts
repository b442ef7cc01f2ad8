/** Answer schemas of Write Ad Copy, Plan New Campaign and Ask (versioned). */
import { BIDDING_STRATEGIES } from '../../GoogleAds/templates/types';
import { CALL_TO_ACTIONS, OBJECTIVES, OPTIMIZATION_GOALS, SPECIAL_AD_CATEGORIES } from '../../MetaAds/actions/common/options';
import { EVIDENCE_METRICS, EVIDENCE_WINDOWS } from '../prompt/entityFacts';
import { array, enumOf, nullableNumber, nullableString, number, object, string, type Schema } from './strict';


export const SCHEMA_VERSIONS = {
	copy: 'adpilot.copy.schema/1',
	googlePlan: 'adpilot.googlePlan.schema/1',
	metaPlan: 'adpilot.metaPlan.schema/1',
	ask: 'adpilot.ask.schema/1',
} as const;

export function copySchema(platform: 'google' | 'meta'): Schema {
	const variant =
		platform === 'google'
			? object({ headlines: array(string('≤ 30 characters, double-width count 2')), descriptions: array(string('≤ 90 characters')), path1: nullableString('≤ 15 characters, no spaces'), path2: nullableString('≤ 15 characters, no spaces') })
			: object({ primaryText: string('≤ 125 characters'), headline: string('≤ 40 characters'), description: nullableString('≤ 30 characters') });
	return object({ variants: array(variant) });
}

const keyword = object({ text: string(), matchType: enumOf(['EXACT', 'PHRASE', 'BROAD']) });

export const googlePlanSchema: Schema = object({
	rationale: string(),
	confidence: number('0 to 1'),
	name: string(),
	budgetAmount: number('Daily budget, account currency'),
	bidding: object({ strategy: enumOf(BIDDING_STRATEGIES), targetCpa: nullableNumber(), targetRoas: nullableNumber(), maxCpcBidCeiling: nullableNumber() }),
	negativeKeywords: array(keyword),
	adGroups: array(
		object({
			name: string(),
			cpcBid: nullableNumber(),
			keywords: array(keyword),
			ads: array(object({ headlines: array(string()), descriptions: array(string()), path1: nullableString(), path2: nullableString() })),
		}),
	),
});

export const metaPlanSchema: Schema = object({
	rationale: string(),
	confidence: number('0 to 1'),
	campaign: object({ name: string(), objective: enumOf(OBJECTIVES), specialAdCategories: array(enumOf(SPECIAL_AD_CATEGORIES)) }),
	adSet: object({ name: string(), optimizationGoal: enumOf(OPTIMIZATION_GOALS), dailyBudget: number(), ageMin: number(), ageMax: number() }),
	creative: object({ name: string(), primaryText: string(), headline: string(), description: nullableString(), callToAction: enumOf(CALL_TO_ACTIONS) }),
	ad: object({ name: string() }),
});

export const askSchema: Schema = object({
	answer: string('Plain-language answer for a chat message'),
	numbersUsed: array(object({ entityId: nullableString('null for account totals'), metric: enumOf(EVIDENCE_METRICS), window: enumOf(EVIDENCE_WINDOWS), value: number() })),
});
