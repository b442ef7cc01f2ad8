/**
 * Write Ad Copy: N variants for Google RSAs or Meta ads, every line checked
 * locally; failing lines dropped and counted; when no variant reaches the
 * platform minimum, the configured fallback (the current copy, or an error).
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { RSA_LIMITS } from '../../GoogleAds/actions/common/responsiveSearchAd';
import { getJsonParameter } from '../../shared/n8n/parameters';
import { checkGoogleVariant, checkMetaVariant, META_LIMITS, type CopyPlatform, type CopyRules, type DroppedLine } from '../checks/copy';
import { callResponses } from '../openai/client';
import { estimateCostUsd } from '../openai/pricing';
import { responsesBody } from '../openai/request';
import { DATA_RULE, dataBlock, untrustedText } from '../prompt/untrusted';
import { copySchema, SCHEMA_VERSIONS } from '../schemas/others';
import { readAiSettings, showFor } from './common';
import { eachItem, splitWords } from './perItem';
import type { AiOperation } from './types';

export const COPY_PROMPT_VERSION = 'adpilot.copy.prompt/1';
const show = showFor('writeAdCopy');

const description: INodeProperties[] = [
	{ displayName: 'Platform', name: 'copyPlatform', type: 'options', options: [{ name: 'Google (Responsive Search Ad)', value: 'google' }, { name: 'Meta (Primary Text, Headline, Description)', value: 'meta' }], default: 'google', displayOptions: show },
	{ displayName: 'Product or Offer', name: 'product', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, placeholder: 'Waterproof trail running shoes, free returns, from 89 EUR', displayOptions: show },
	{ displayName: 'Landing Page', name: 'copyLandingPage', type: 'string', default: '', placeholder: 'https://shop.example/trail', displayOptions: show },
	{ displayName: 'Language', name: 'language', type: 'string', default: 'English', displayOptions: show },
	{ displayName: 'Tone', name: 'tone', type: 'string', default: 'clear and confident', displayOptions: show },
	{ displayName: 'Variants', name: 'variants', type: 'number', typeOptions: { minValue: 1, maxValue: 10 }, default: 3, displayOptions: show },
	{ displayName: 'Banned Words', name: 'bannedWords', type: 'string', default: '', placeholder: 'cheapest, guaranteed', description: 'Comma-separated; lines containing one are dropped', displayOptions: show },
	{ displayName: 'Must-Include Words', name: 'mustIncludeWords', type: 'string', default: '', placeholder: 'Acme', description: 'Comma-separated; a variant without each of them somewhere is dropped', displayOptions: show },
	{ displayName: 'Current Copy (JSON)', name: 'currentCopy', type: 'json', default: '{}', description: 'The copy in use, e.g. {"headlines": [...], "descriptions": [...]} or {"primaryText": "...", "headline": "..."}: shown to the model as context and used by the fallback', displayOptions: show },
	{
		displayName: 'When No Variant Passes',
		name: 'copyFallback',
		type: 'options',
		options: [
			{ name: 'Output the Current Copy', value: 'inputCopy' },
			{ name: 'Fail the Item', value: 'error' },
		],
		default: 'inputCopy',
		displayOptions: show,
	},
];

function instructions(platform: CopyPlatform, variants: number, rules: CopyRules, language: string, tone: string): string {
	const limits =
		platform === 'google'
			? `Google responsive search ads: ${RSA_LIMITS.headlines.min}-${RSA_LIMITS.headlines.max} headlines of at most ${RSA_LIMITS.headlines.maxChars} characters (no "!"), ${RSA_LIMITS.descriptions.min}-${RSA_LIMITS.descriptions.max} descriptions of at most ${RSA_LIMITS.descriptions.maxChars}, optional display paths of at most ${RSA_LIMITS.pathChars} without spaces. Chinese, Japanese and Korean characters count 2.`
			: `Meta ads: primary text at most ${META_LIMITS.primaryText} characters, headline at most ${META_LIMITS.headline}, description at most ${META_LIMITS.description}.`;
	return [
		`You write ad copy in ${language}, tone: ${tone}. Write ${variants} distinct variant(s).`,
		limits,
		rules.bannedWords.length ? `Never use these words: ${rules.bannedWords.join(', ')}.` : '',
		rules.mustInclude.length ? `Every variant must include: ${rules.mustInclude.join(', ')}.` : '',
		'No repeated punctuation, no claims the product data does not support.',
		DATA_RULE,
	].filter(Boolean).join('\n');
}

function fallbackCopy(ctx: IExecuteFunctions, itemIndex: number, platform: CopyPlatform, rules: CopyRules, current: IDataObject, reason: string): IDataObject {
	const mode = ctx.getNodeParameter('copyFallback', itemIndex, 'inputCopy') as string;
	const check = platform === 'google' ? checkGoogleVariant(current, 0, { ...rules, mustInclude: [] }, []) : checkMetaVariant(current, 0, { ...rules, mustInclude: [] }, []);
	if (mode === 'error' || !check.ok) {
		throw new NodeOperationError(ctx.getNode(), `Write Ad Copy: no usable copy (${reason})`, {
			itemIndex,
			description: mode === 'error' ? 'The fallback is set to fail the item.' : `The current copy cannot stand in either: ${check.ok ? '' : check.reason}.`,
		});
	}
	return { operation: 'writeAdCopy', platform, variant: 0, source: 'currentCopy', ...check.copy };
}

/** Only the copy fields, each as untrusted text. */
function currentCopyForPrompt(current: IDataObject): IDataObject {
	const list = (v: unknown) => (Array.isArray(v) ? v.slice(0, 15).map((t) => untrustedText(typeof t === 'object' && t !== null ? (t as IDataObject).text : t, 100)) : []);
	const text = (v: unknown) => (typeof v === 'string' ? untrustedText(v, 300) : null);
	return { headlines: list(current.headlines), descriptions: list(current.descriptions), primaryText: text(current.primaryText), headline: text(current.headline), description: text(current.description) };
}

async function runItem(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const settings = readAiSettings(ctx, itemIndex);
	const platform = ctx.getNodeParameter('copyPlatform', itemIndex, 'google') as CopyPlatform;
	const product = String(ctx.getNodeParameter('product', itemIndex, '')).trim();
	if (product === '') throw new NodeOperationError(ctx.getNode(), 'Product or Offer is empty', { itemIndex });
	const variants = Math.min(10, Math.max(1, Math.round(Number(ctx.getNodeParameter('variants', itemIndex, 3)))));
	const rules: CopyRules = { bannedWords: splitWords(ctx.getNodeParameter('bannedWords', itemIndex, '')), mustInclude: splitWords(ctx.getNodeParameter('mustIncludeWords', itemIndex, '')) };
	const language = untrustedText(ctx.getNodeParameter('language', itemIndex, 'English'), 40) || 'English';
	const tone = untrustedText(ctx.getNodeParameter('tone', itemIndex, ''), 80) || 'clear';
	const current = getJsonParameter<IDataObject>(ctx, 'currentCopy', itemIndex, 'Current Copy (JSON)') ?? {};
	const input = dataBlock('brief', {
		product: untrustedText(product, 1500),
		landingPage: untrustedText(ctx.getNodeParameter('copyLandingPage', itemIndex, ''), 300) || null,
		currentCopy: currentCopyForPrompt(current),
	});
	const body = responsesBody(settings.model, { instructions: instructions(platform, variants, rules, language, tone), input, schemaName: `adpilot_${platform}_ad_copy`, schema: copySchema(platform) });
	const answer = await callResponses(ctx, body, itemIndex, settings.call);
	const dropped: DroppedLine[] = [];
	const notes: string[] = [];
	const kept: IDataObject[] = [];
	if (answer.ok && Array.isArray(answer.json.variants)) {
		answer.json.variants.slice(0, variants).forEach((raw: unknown, index: number) => {
			const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
			const result = platform === 'google' ? checkGoogleVariant(record, index + 1, rules, dropped) : checkMetaVariant(record, index + 1, rules, dropped);
			if (result.ok) kept.push({ operation: 'writeAdCopy', platform, variant: index + 1, source: 'ai', language, ...result.copy });
			else notes.push(`variant ${index + 1}: ${result.reason}`);
		});
	}
	const failure = !answer.ok ? answer.detail : !Array.isArray(answer.json.variants) ? 'the answer does not follow the schema' : kept.length === 0 ? `no variant passed the checks (${notes.join('; ')})` : null;
	const items = failure ? [fallbackCopy(ctx, itemIndex, platform, rules, current, failure)] : kept;
	const summary: IDataObject = {
		summary: true,
		operation: 'writeAdCopy',
		platform,
		model: settings.model.model,
		promptVersion: COPY_PROMPT_VERSION,
		schemaVersion: SCHEMA_VERSIONS.copy,
		status: failure ? 'fallback' : 'ok',
		variantsRequested: variants,
		variantsKept: kept.length,
		droppedLines: dropped.length,
		dropped: dropped as unknown as IDataObject[],
		droppedVariants: notes,
		fallback: failure ? { reason: failure } : null,
		usage: { inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens },
		estimatedCostUsd: estimateCostUsd(settings.price, answer.usage.inputTokens, answer.usage.outputTokens),
	};
	return [...items, summary].map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

export const operation: AiOperation = {
	description,
	run: async (ctx) => await eachItem(ctx, async (itemIndex) => await runItem(ctx, itemIndex)),
};
