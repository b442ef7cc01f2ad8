/**
 * Plan New Campaign: a brief → a Google Search campaign template (what
 * Create from Template takes) or a Meta campaign → ad set → creative → ad
 * plan, all PAUSED, as one `create` action. Checked with the same
 * validators; one repair round sends the problems back; after that, or when
 * the model fails, no plan and a summary saying why.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { callResponses } from '../openai/client';
import { estimateCostUsd } from '../openai/pricing';
import { responsesBody } from '../openai/request';
import { addUsage, type ParsedAnswer, type TokenUsage } from '../openai/response';
import { DATA_RULE, dataBlock, untrustedText } from '../prompt/untrusted';
import { googlePlanSchema, metaPlanSchema, SCHEMA_VERSIONS } from '../schemas/others';
import { readAiSettings } from './common';
import { makeAiAction } from './makeAiAction';
import { eachItem } from './perItem';
import { readBrief, type CampaignBrief } from './plan/brief';
import { planDescription } from './plan/description';
import { checkGooglePlan } from './plan/google';
import { checkMetaPlan } from './plan/meta';
import type { AiOperation } from './types';

export const PLAN_PROMPT_VERSION = 'adpilot.plan.prompt/1';

function instructions(brief: CampaignBrief): string {
	const platform =
		brief.platform === 'google'
			? 'Plan one Google Ads Search campaign: 1-5 themed ad groups, each with 5-20 keywords (EXACT or PHRASE for high intent, BROAD sparingly) and one responsive search ad (3-15 headlines of at most 30 characters without "!", 2-4 descriptions of at most 90; Chinese, Japanese and Korean characters count 2), plus campaign negative keywords.'
			: 'Plan one Meta Ads campaign with one ad set, one link-ad creative (primary text at most 125 characters, headline at most 40, description at most 30) and one ad. The optimization goal must fit the objective.';
	return [
		'You are a senior paid-media strategist.',
		platform,
		`The daily budget may not exceed ${brief.dailyBudget} ${brief.currency}. Write ad text in ${untrustedText(brief.language, 40)}.`,
		DATA_RULE,
	].join('\n');
}

function briefBlock(brief: CampaignBrief): string {
	return dataBlock('brief', {
		product: untrustedText(brief.product, 1500),
		landingPage: untrustedText(brief.landingPage, 300),
		audience: untrustedText(brief.audience, 600) || null,
		goal: brief.goal,
		dailyBudget: brief.dailyBudget,
		currency: brief.currency,
		...(brief.platform === 'meta' ? { countries: brief.countries } : {}),
	});
}

type Checked = { ok: true; spec: IDataObject } | { ok: false; problems: string[] };

function check(answer: Record<string, unknown>, brief: CampaignBrief): Checked {
	if (brief.platform === 'google') {
		const r = checkGooglePlan(answer, brief);
		return r.ok ? { ok: true, spec: r.template as unknown as IDataObject } : r;
	}
	return checkMetaPlan(answer, brief);
}

async function runItem(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const brief = readBrief(ctx, itemIndex);
	const settings = readAiSettings(ctx, itemIndex);
	const schema = brief.platform === 'google' ? googlePlanSchema : metaPlanSchema;
	const request = { instructions: instructions(brief), input: briefBlock(brief), schemaName: `adpilot_${brief.platform}_campaign_plan`, schema };
	let answer: ParsedAnswer = await callResponses(ctx, responsesBody(settings.model, request), itemIndex, settings.call);
	let usage: TokenUsage = answer.usage;
	let checked: Checked | null = answer.ok ? check(answer.json, brief) : null;
	let repaired = false;
	if (answer.ok && checked && !checked.ok) {
		// One repair round: the same request plus the answer and what was wrong with it.
		const repair = { ...request, input: `${request.input}\n${dataBlock('previousAnswer', answer.json)}\n${dataBlock('validationErrors', checked.problems.slice(0, 40))}\nFix every validation error and answer the whole plan again.` };
		answer = await callResponses(ctx, responsesBody(settings.model, repair), itemIndex, settings.call);
		usage = addUsage(usage, answer.usage);
		checked = answer.ok ? check(answer.json, brief) : null;
		repaired = true;
	}
	const summary: IDataObject = {
		summary: true,
		operation: 'planCampaign',
		platform: brief.platform,
		model: settings.model.model,
		promptVersion: PLAN_PROMPT_VERSION,
		schemaVersion: brief.platform === 'google' ? SCHEMA_VERSIONS.googlePlan : SCHEMA_VERSIONS.metaPlan,
		repairRound: repaired,
		usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
		estimatedCostUsd: estimateCostUsd(settings.price, usage.inputTokens, usage.outputTokens),
	};
	if (!answer.ok || !checked || !checked.ok) {
		const reason = !answer.ok ? answer.detail : !checked ? 'no answer' : `the plan failed validation${repaired ? ' after one repair round' : ''}`;
		return [{ json: { ...summary, status: 'failed', plan: null, reason, problems: checked && !checked.ok ? checked.problems : [], message: `No campaign plan: ${reason}.` } }];
	}
	const confidence = typeof answer.json.confidence === 'number' && answer.json.confidence >= 0 && answer.json.confidence <= 1 ? answer.json.confidence : 0.5;
	const name = String((brief.platform === 'google' ? checked.spec.name : (checked.spec.campaign as IDataObject).name) ?? '');
	const action = makeAiAction({
		platform: brief.platform,
		accountId: brief.accountId,
		level: 'campaign',
		entityId: `new:${name}`,
		entityName: name,
		kind: 'create',
		params: { objectType: brief.platform === 'google' ? 'campaignFromTemplate' : 'metaCampaignPlan', spec: checked.spec },
		reason: untrustedText(answer.json.rationale, 600) || 'New campaign planned from the brief',
		evidence: [{ label: 'daily budget within the brief', left: brief.platform === 'google' ? ((checked.spec.budget as IDataObject).amount as number) : ((checked.spec.adSet as IDataObject).budgetAmount as number), operator: '<=', right: brief.dailyBudget, result: true }],
		model: answer.model ?? settings.model.model,
		confidence: Math.round(confidence * 100) / 100,
		windowEnd: new Date().toISOString().slice(0, 10),
		now: Date.now(),
	});
	return [{ json: action as unknown as IDataObject }, { json: { ...summary, status: 'ok', plan: name, message: `Planned "${name}" (PAUSED)${repaired ? ' after one repair round' : ''}.` } }];
}

export const operation: AiOperation = {
	description: planDescription,
	run: async (ctx) => await eachItem(ctx, async (itemIndex) => await runItem(ctx, itemIndex)),
};
