/**
 * Recommend Changes: metric rows → compact aggregates within a token budget
 * → the model (strict schema) → every proposal re-checked locally → actions
 * plus one summary item. Any failure of the model yields the fallback whole.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { dayString } from '../../shared/days';
import { AI_ACTION_KINDS, type AiActionKind, type Guardrails } from '../checks/guardrails';
import { checkRecommendations } from '../checks/recommendations';
import { callResponses } from '../openai/client';
import { estimateCostUsd } from '../openai/pricing';
import { responsesBody } from '../openai/request';
import type { ParsedAnswer } from '../openai/response';
import { aggregateEntities, attachAnalytics, windowLabel, windowOf } from '../prompt/aggregates';
import { buildRecommendPrompt, RECOMMEND_PROMPT_VERSION, type BuiltPrompt, type RecommendContext } from '../prompt/recommendPrompt';
import { untrustedText } from '../prompt/untrusted';
import { RECOMMEND_SCHEMA_NAME, RECOMMEND_SCHEMA_VERSION, recommendSchema } from '../schemas/recommend';
import { readAiSettings, type AiSettings } from './common';
import { fallbackActions, type FallbackMode } from './fallback';
import { recommendDescription } from './recommend/description';
import { readRecentActions, readRows } from './recommend/inputs';
import { pairedWith, type AiOperation } from './types';

function positiveOrNull(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

function readGuardrails(ctx: IExecuteFunctions, options: IDataObject): Guardrails {
	const allowed = (ctx.getNodeParameter('allowedActions', 0, []) as string[]).filter((k): k is AiActionKind => (AI_ACTION_KINDS as readonly string[]).includes(k));
	if (allowed.length === 0) throw new NodeOperationError(ctx.getNode(), 'Allowed Actions is empty', { itemIndex: 0, description: 'Pick at least one kind of action the model may propose (Notify is the safest).' });
	return {
		allowedKinds: allowed,
		maxBudgetChangePercent: Math.min(100, Math.max(1, Number(ctx.getNodeParameter('maxBudgetChangePercent', 0, 20)))),
		maxActions: Math.max(1, Math.round(Number(ctx.getNodeParameter('maxActions', 0, 20)))),
		minConfidence: Math.min(1, Math.max(0, Number(options.minConfidence ?? 0))),
		maxBid: positiveOrNull(options.maxBid),
	};
}

interface RunState {
	settings: AiSettings;
	prompt: BuiltPrompt;
	entityCount: number;
	window: ReturnType<typeof windowOf>;
	allIndexes: number[];
}

function summaryBase(s: RunState): IDataObject {
	return {
		summary: true,
		operation: 'recommendChanges',
		model: s.settings.model.model,
		promptVersion: RECOMMEND_PROMPT_VERSION,
		schemaVersion: RECOMMEND_SCHEMA_VERSION,
		window: { from: dayString(s.window.currentFrom), to: dayString(s.window.currentTo), days: s.window.days },
		entities: { total: s.entityCount, shown: s.prompt.detailed, summarised: s.prompt.summarised },
		estimatedInputTokens: s.prompt.estimatedTokens,
	};
}

function usageFields(s: RunState, answer: ParsedAnswer): IDataObject {
	const { inputTokens, outputTokens } = answer.usage;
	return { usage: { inputTokens, outputTokens }, estimatedCostUsd: estimateCostUsd(s.settings.price, inputTokens, outputTokens) };
}

function fallbackOutput(ctx: IExecuteFunctions, s: RunState, answer: Extract<ParsedAnswer, { ok: false }> | { ok: false; kind: 'schema'; detail: string; usage: ParsedAnswer['usage'] }, mode: FallbackMode): INodeExecutionData[] {
	const fb = fallbackActions(ctx, mode);
	const used = mode === 'rulesInput' ? `${fb.items.length} action(s) from input 2 passed through instead` : 'no action proposed';
	const summary: IDataObject = {
		...summaryBase(s),
		status: 'fallback',
		analysis: null,
		actions: fb.items.length,
		dropped: [],
		fallback: { kind: answer.kind, reason: answer.detail, mode, actions: fb.items.length, invalidItems: fb.invalid },
		...usageFields(s, answer as ParsedAnswer),
		message: `Ads AI fell back: ${answer.detail}. ${used}; nothing from the model was used.`,
	};
	return [...fb.items, { json: summary, pairedItem: pairedWith(s.allIndexes) }];
}

async function run(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const { rows, analytics, errors } = readRows(ctx, items);
	if (rows.length === 0) {
		if (errors.length > 0) return errors;
		throw new NodeOperationError(ctx.getNode(), 'No metric rows in the input', { itemIndex: 0, description: 'Connect a Meta Ads or Google Ads report (metric rows) to the first input.' });
	}
	const settings = readAiSettings(ctx, 0);
	const options = ctx.getNodeParameter('recommendOptions', 0, {}) as IDataObject;
	const guardrails = readGuardrails(ctx, options);
	const mode = ctx.getNodeParameter('fallback', 0, 'rulesInput') as FallbackMode;
	const windowDays = Math.max(1, Math.round(Number(options.windowDays ?? 7)));
	const budget = Math.max(1000, Math.round(Number(options.inputTokenBudget ?? 8000)));
	const window = windowOf(rows.map((r) => r.row), windowDays);
	const entities = aggregateEntities(rows, window);
	attachAnalytics(entities, analytics);
	const recent = readRecentActions(ctx);
	const context: RecommendContext = {
		targets: {
			cpa: positiveOrNull(ctx.getNodeParameter('targetCpa', 0, 0)),
			roas: positiveOrNull(ctx.getNodeParameter('targetRoas', 0, 0)),
			monthlyBudget: positiveOrNull(ctx.getNodeParameter('monthlyBudget', 0, 0)),
		},
		businessContext: untrustedText(ctx.getNodeParameter('businessContext', 0, ''), 2000),
		calendarNotes: untrustedText(ctx.getNodeParameter('calendarNotes', 0, ''), 2000),
		recentActions: recent.forPrompt,
		allowedKinds: guardrails.allowedKinds,
		maxBudgetChangePercent: guardrails.maxBudgetChangePercent,
		maxActions: guardrails.maxActions,
		window,
	};
	const schema = recommendSchema(guardrails.allowedKinds);
	let prompt: BuiltPrompt;
	try {
		prompt = buildRecommendPrompt(entities, context, schema, budget);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Input Token Budget: ${(error as Error).message}`, { itemIndex: 0 });
	}
	const state: RunState = { settings, prompt, entityCount: entities.length, window, allIndexes: rows.map((r) => r.itemIndex) };
	const body = responsesBody(settings.model, { instructions: prompt.instructions, input: prompt.input, schemaName: RECOMMEND_SCHEMA_NAME, schema });
	const answer = await callResponses(ctx, body, 0, settings.call);
	if (!answer.ok) return [...errors, ...fallbackOutput(ctx, state, answer, mode)];
	if (typeof answer.json.analysis !== 'string' || !Array.isArray(answer.json.actions)) {
		return [...errors, ...fallbackOutput(ctx, state, { ok: false, kind: 'schema', detail: 'the answer does not follow the schema (analysis text and an actions list)', usage: answer.usage }, mode)];
	}
	const checked = checkRecommendations(answer.json.actions, {
		shown: prompt.shown,
		inputIds: new Set(entities.map((e) => e.entityId)),
		guardrails,
		recent: recent.keys,
		model: answer.model ?? settings.model.model,
		windowEnd: dayString(window.currentTo),
		windowLabel: windowLabel(window),
		now: Date.now(),
	});
	const byId = new Map(entities.map((e) => [e.entityId, e]));
	const output: INodeExecutionData[] = checked.actions.map((action) => ({ json: action as unknown as IDataObject, pairedItem: pairedWith(byId.get(action.entityId)?.itemIndexes ?? state.allIndexes) }));
	const summary: IDataObject = {
		...summaryBase(state),
		status: 'ok',
		analysis: answer.json.analysis.slice(0, 4000),
		actions: checked.actions.length,
		dropped: checked.dropped as unknown as IDataObject[],
		fallback: null,
		...usageFields(state, answer),
		message: `Ads AI proposed ${checked.actions.length} action(s)${checked.dropped.length ? `; dropped ${checked.dropped.length} that failed the local checks` : ''}.`,
	};
	output.push({ json: summary, pairedItem: pairedWith(state.allIndexes) });
	return [...errors, ...output];
}

export const operation: AiOperation = { description: recommendDescription, run };
