/** The answer schema of Recommend Changes (versioned: the version is in every output). */
import { EVIDENCE_METRICS, EVIDENCE_WINDOWS } from '../prompt/entityFacts';
import { array, enumOf, nullableEnumOf, nullableNumber, nullableString, number, object, string, type Schema } from './strict';

export const RECOMMEND_SCHEMA_NAME = 'adpilot_recommendations';
export const RECOMMEND_SCHEMA_VERSION = 'adpilot.recommend.schema/1';

export const IMPACT_METRICS = ['spend', 'conversions', 'value', 'cpa', 'roas', 'ctr', 'clicks'] as const;

export function recommendSchema(allowedKinds: readonly string[]): Schema {
	return object({
		analysis: string('A short analysis of the account for a marketer'),
		actions: array(
			object({
				entityId: string('An id from the entities data block'),
				kind: enumOf(allowedKinds),
				budgetType: nullableEnumOf(['daily', 'lifetime']),
				percent: nullableNumber('changeBudgetByPercent: +10 raises by 10 %'),
				amount: nullableNumber('setBudget / setBid: new amount in the entity currency'),
				currency: nullableString('ISO 4217 code of the entity currency for money actions'),
				message: nullableString('notify: the message'),
				severity: nullableEnumOf(['info', 'warning', 'critical']),
				reason: string('Why, in one or two sentences a marketer can read'),
				confidence: number('0 to 1'),
				evidence: array(object({ metric: enumOf(EVIDENCE_METRICS), window: enumOf(EVIDENCE_WINDOWS), value: number('Exactly as shown in the data') })),
				expectedImpact: object({ metric: enumOf(IMPACT_METRICS), direction: enumOf(['increase', 'decrease', 'stable']), percent: nullableNumber(), description: string() }),
			}),
		),
	});
}
