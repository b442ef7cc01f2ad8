/**
 * Ask: a question in plain language answered from the rows given (for chat
 * and Slack bots), with the numbers it used. Numbers the model quotes are
 * checked against what it was shown; unverified ones are flagged, and the
 * answer says so.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { dayString } from '../../shared/days';
import { callResponses } from '../openai/client';
import { estimateCostUsd } from '../openai/pricing';
import { responsesBody } from '../openai/request';
import { aggregateEntities, attachAnalytics, windowLabel, windowOf } from '../prompt/aggregates';
import { matchesShown } from '../prompt/entityFacts';
import { buildEntityPrompt, type BuiltPrompt } from '../prompt/recommendPrompt';
import { DATA_RULE, dataBlock, untrustedText } from '../prompt/untrusted';
import { askSchema, SCHEMA_VERSIONS } from '../schemas/others';
import { readAiSettings, showFor } from './common';
import { readRows } from './recommend/inputs';
import { pairedWith, type AiOperation } from './types';

export const ASK_PROMPT_VERSION = 'adpilot.ask.prompt/1';
const show = showFor('ask');

const description: INodeProperties[] = [
	{ displayName: 'Question', name: 'question', type: 'string', typeOptions: { rows: 2 }, default: '', required: true, placeholder: 'Which ad sets wasted the most money last week?', displayOptions: show },
	{ displayName: 'Window (Days)', name: 'askWindowDays', type: 'number', typeOptions: { minValue: 1, maxValue: 90 }, default: 7, displayOptions: show },
	{ displayName: 'Input Token Budget', name: 'askTokenBudget', type: 'number', typeOptions: { minValue: 1000 }, default: 8000, displayOptions: show },
];

const INSTRUCTIONS = [
	'You answer questions about ad performance for a marketer in a chat, briefly and in plain language, using only the data given.',
	'List every number you relied on in numbersUsed exactly as it appears in the data (entity id, metric, window current or previous). If the data cannot answer, say so.',
	'"cur" is the current window, "prev" the one before; ctr and roas are ratios; money is in the account currency.',
	DATA_RULE,
].join('\n');

function checkNumbers(raw: unknown, prompt: BuiltPrompt): IDataObject[] {
	if (!Array.isArray(raw)) return [];
	return raw.slice(0, 30).flatMap((n: unknown) => {
		if (typeof n !== 'object' || n === null) return [];
		const e = n as IDataObject;
		const entityId = typeof e.entityId === 'string' ? e.entityId : null;
		const facts = entityId === null ? undefined : prompt.shown.get(entityId)?.facts;
		const value = typeof e.value === 'number' ? e.value : null;
		const verified = facts !== undefined && value !== null && matchesShown(facts, String(e.window), String(e.metric), value) !== null;
		return [{ entityId, entityName: entityId ? (prompt.shown.get(entityId)?.entity.entityName ?? null) : null, metric: e.metric ?? null, window: e.window ?? null, value, verified }];
	});
}

async function run(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const question = String(ctx.getNodeParameter('question', 0, '')).trim();
	if (question === '') throw new NodeOperationError(ctx.getNode(), 'Question is empty', { itemIndex: 0 });
	const { rows, analytics, errors } = readRows(ctx, ctx.getInputData());
	if (rows.length === 0) throw new NodeOperationError(ctx.getNode(), 'No metric rows in the input to answer from', { itemIndex: 0 });
	const settings = readAiSettings(ctx, 0);
	const window = windowOf(rows.map((r) => r.row), Math.max(1, Math.round(Number(ctx.getNodeParameter('askWindowDays', 0, 7)))));
	const entities = aggregateEntities(rows, window);
	attachAnalytics(entities, analytics);
	let prompt: BuiltPrompt;
	try {
		const context = dataBlock('question', { question: untrustedText(question, 1000), window: windowLabel(window) });
		prompt = buildEntityPrompt(entities, INSTRUCTIONS, context, askSchema, Math.max(1000, Number(ctx.getNodeParameter('askTokenBudget', 0, 8000))));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Input Token Budget: ${(error as Error).message}`, { itemIndex: 0 });
	}
	const body = responsesBody(settings.model, { instructions: prompt.instructions, input: prompt.input, schemaName: 'adpilot_answer', schema: askSchema });
	const answer = await callResponses(ctx, body, 0, settings.call);
	const ok = answer.ok && typeof answer.json.answer === 'string';
	const numbersUsed = answer.ok ? checkNumbers(answer.json.numbersUsed, prompt) : [];
	const unverified = numbersUsed.filter((n) => n.verified !== true).length;
	const json: IDataObject = {
		operation: 'ask',
		question,
		status: ok ? 'ok' : 'failed',
		answer: ok ? String(answer.json.answer).slice(0, 4000) : `Sorry, no answer this time: ${answer.ok ? 'the answer did not follow the schema' : answer.detail}.`,
		numbersUsed,
		unverifiedNumbers: unverified,
		window: { from: dayString(window.currentFrom), to: dayString(window.currentTo) },
		entities: { total: entities.length, shown: prompt.detailed, summarised: prompt.summarised },
		model: settings.model.model,
		promptVersion: ASK_PROMPT_VERSION,
		schemaVersion: SCHEMA_VERSIONS.ask,
		usage: { inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens },
		estimatedCostUsd: estimateCostUsd(settings.price, answer.usage.inputTokens, answer.usage.outputTokens),
	};
	if (unverified > 0) json.note = `${unverified} number(s) the model quoted do not match the data it was given`;
	return [...errors, { json, pairedItem: pairedWith(rows.map((r) => r.itemIndex)) }];
}

export const operation: AiOperation = { description, run };
