/**
 * Parameters every Ads AI operation shares (model, sampling, limits of the
 * call, prices) and the one place that turns them into settings.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { CallSettings } from '../openai/client';
import { DEFAULT_MODEL, priceOf, type ModelPrice } from '../openai/pricing';
import type { ModelSettings } from '../openai/request';

export const modelProperties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		default: DEFAULT_MODEL,
		required: true,
		description: 'Any model name the endpoint in the credential serves (OpenAI or a compatible gateway) that supports structured outputs',
	},
	{
		displayName: 'Model Options',
		name: 'modelOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Input Price per 1M Tokens (USD)', name: 'inputPrice', type: 'number', typeOptions: { minValue: 0, numberPrecision: 4 }, default: 0, description: 'For the cost estimate when the model is not in the built-in price list' },
			{ displayName: 'Max Output Tokens', name: 'maxOutputTokens', type: 'number', typeOptions: { minValue: 16 }, default: 4000, description: 'An answer cut off at this length is treated as a failure (fallback), never used in part' },
			{ displayName: 'Max Retries', name: 'maxRetries', type: 'number', typeOptions: { minValue: 0, maxValue: 10 }, default: 2, description: 'Retries of rate-limited (429), server-error (5xx) and timed-out calls' },
			{ displayName: 'Max Retry Wait (Seconds)', name: 'maxRetryWaitSeconds', type: 'number', typeOptions: { minValue: 0 }, default: 60, description: 'Give up (fallback) when OpenAI asks to wait longer than this' },
			{ displayName: 'Output Price per 1M Tokens (USD)', name: 'outputPrice', type: 'number', typeOptions: { minValue: 0, numberPrecision: 4 }, default: 0 },
			{ displayName: 'Seed', name: 'seed', type: 'number', default: 0, description: 'Sent only when set, for endpoints that support it (reproducible sampling)' },
			{ displayName: 'Temperature', name: 'temperature', type: 'number', typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 }, default: 0, description: 'Sent only when set; reasoning models (gpt-5 family) reject it' },
			{ displayName: 'Timeout (Seconds)', name: 'timeoutSeconds', type: 'number', typeOptions: { minValue: 1 }, default: 90 },
		],
	},
];

export interface AiSettings {
	model: ModelSettings;
	call: CallSettings;
	price: ModelPrice | null;
}

function num(options: IDataObject, name: string, fallback: number): number {
	const v = options[name];
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function readAiSettings(ctx: IExecuteFunctions, itemIndex: number): AiSettings {
	const model = String(ctx.getNodeParameter('model', itemIndex, DEFAULT_MODEL)).trim();
	if (model === '') throw new NodeOperationError(ctx.getNode(), 'Model is empty', { itemIndex, description: `Enter a model name, e.g. ${DEFAULT_MODEL}.` });
	const o = ctx.getNodeParameter('modelOptions', itemIndex, {}) as IDataObject;
	const has = (name: string) => o[name] !== undefined && o[name] !== null && o[name] !== '';
	return {
		model: {
			model,
			maxOutputTokens: Math.max(16, Math.round(num(o, 'maxOutputTokens', 4000))),
			temperature: has('temperature') ? num(o, 'temperature', 0) : null,
			seed: has('seed') ? Math.round(num(o, 'seed', 0)) : null,
		},
		call: {
			maxRetries: Math.max(0, Math.round(num(o, 'maxRetries', 2))),
			timeoutMs: Math.max(0.1, num(o, 'timeoutSeconds', 90)) * 1000,
			maxRetryWaitMs: Math.max(0, num(o, 'maxRetryWaitSeconds', 60)) * 1000,
		},
		price: priceOf(model, { ...(has('inputPrice') ? { input: num(o, 'inputPrice', 0) } : {}), ...(has('outputPrice') ? { output: num(o, 'outputPrice', 0) } : {}) }),
	};
}

export function showFor(operation: string) {
	return { show: { operation: [operation] } };
}
