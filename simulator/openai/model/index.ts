/**
 * The simulator's stand-in for a model on AdPilot's own schemas
 * (`adpilot_*`): deterministic, sensible answers from the prompt's data
 * blocks, and scripted misbehaviour for tests (the `aiScenario` knob).
 */
import { dataBlocks, entityLines, type Json } from './blocks';
import { answer, copy, googlePlan, metaPlan } from './creative';
import { obeyInjection, proposal, recommend } from './recommend';

export type AiScenario = 'sensible' | 'random' | 'inventedIds' | 'outOfRange' | 'malformed' | 'obeyInjection' | 'needsRepair';
export const AI_SCENARIOS: readonly AiScenario[] = ['sensible', 'random', 'inventedIds', 'outOfRange', 'malformed', 'obeyInjection', 'needsRepair'];

function sensible(schemaName: string, instructions: string, blocks: Map<string, string>, scenario: AiScenario): Json | null {
	if (schemaName === 'adpilot_recommendations') return scenario === 'obeyInjection' ? obeyInjection(blocks) : recommend(instructions, blocks);
	if (schemaName === 'adpilot_google_campaign_plan') return googlePlan(blocks, scenario === 'needsRepair' && !blocks.has('validationErrors'));
	if (schemaName === 'adpilot_meta_campaign_plan') return metaPlan(blocks);
	if (schemaName.endsWith('_ad_copy')) return copy(schemaName, instructions, blocks);
	if (schemaName === 'adpilot_answer') return answer(blocks);
	return null;
}

/** The model's proposals, or (when it had none) a notify per shown entity, to misbehave with. */
function proposals(result: Json, blocks: Map<string, string>): Json[] {
	const actions = Array.isArray(result.actions) ? (result.actions as Json[]) : [];
	if (actions.length > 0) return actions;
	return entityLines(blocks).slice(0, 4).map((e) => proposal(e, 'notify', { message: 'Look at this', severity: 'info' }, 'Worth a look.', (e.cur ?? {}) as Json, { metric: 'spend', direction: 'stable' }, 0.6));
}

function invent(result: Json, blocks: Map<string, string>): Json {
	const actions = proposals(result, blocks);
	return { ...result, actions: actions.map((a, i) => ({ ...a, entityId: `99999999999${i}` })) };
}

function outOfRange(result: Json, blocks: Map<string, string>): Json {
	const actions = proposals(result, blocks);
	const wild = [
		{ kind: 'changeBudgetByPercent', percent: 250, budgetType: 'daily' },
		{ kind: 'setBudget', amount: -5, budgetType: 'daily' },
		{ kind: 'changeBudgetByPercent', percent: -10, currency: 'XXX', budgetType: 'daily' },
		{ confidence: 1.7 },
	];
	return { ...result, actions: actions.map((a, i) => ({ ...a, ...wild[i % wild.length] })) };
}

/**
 * The answer text for an `adpilot_*` schema, or null when the request is not
 * one of ours (the generic schema generator answers those).
 */
export function adpilotAnswer(schemaName: string, instructions: string, input: string, scenario: AiScenario): string | null {
	if (!schemaName.startsWith('adpilot_') || scenario === 'random') return null;
	const blocks = dataBlocks(input);
	const result = sensible(schemaName, instructions, blocks, scenario);
	if (result === null) return null;
	if (scenario === 'malformed') return JSON.stringify(result).slice(0, 40);
	if (scenario === 'inventedIds') return JSON.stringify(invent(result, blocks));
	if (scenario === 'outOfRange') return JSON.stringify(outOfRange(result, blocks));
	return JSON.stringify(result);
}
