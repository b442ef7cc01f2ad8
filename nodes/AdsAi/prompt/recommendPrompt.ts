/**
 * The Recommend Changes prompt: instructions, context and the entities,
 * best and worst performers first, added until the input token budget is
 * spent; the rest go in as one summary line (counts and totals), so the
 * prompt stays under budget however many ads come in.
 */
import { deriveMetrics } from '../../shared/contracts';
import type { EntityAggregate, Totals, Window } from './aggregates';
import { windowLabel } from './aggregates';
import { entityLine, type ShownFacts } from './entityFacts';
import { estimateRequestTokens, estimateTokens } from './tokens';
import { DATA_RULE, dataBlock } from './untrusted';

export const RECOMMEND_PROMPT_VERSION = 'adpilot.recommend.prompt/3';

export interface RecommendContext {
	targets: { cpa: number | null; roas: number | null; monthlyBudget: number | null };
	businessContext: string;
	recentActions: Record<string, unknown>[];
	calendarNotes: string;
	allowedKinds: string[];
	maxBudgetChangePercent: number;
	maxActions: number;
	window: Window;
}

export interface BuiltPrompt {
	instructions: string;
	input: string;
	/** Upper bound of the request's input tokens (instructions, input and schema). */
	estimatedTokens: number;
	/** Entity ids the model was shown, with the numbers it was shown. */
	shown: Map<string, { entity: EntityAggregate; facts: ShownFacts }>;
	detailed: number;
	summarised: number;
}

export function recommendInstructions(c: RecommendContext): string {
	return [
		'You are a careful performance-marketing analyst for Meta Ads and Google Ads.',
		`Recommend at most ${c.maxActions} changes to the entities listed in the "entities" data block, using only these action kinds: ${c.allowedKinds.join(', ')}.`,
		`Budget changes: changeBudgetByPercent within ±${c.maxBudgetChangePercent} %, or setBudget within ${c.maxBudgetChangePercent} % of the current dailyBudget. Use the entity's currency. Never propose activating anything unless "resume" is an allowed kind.`,
		'Use only entity ids that appear in the data. Do not repeat or undo the recent actions unless the data clearly shows it is needed.',
		'Every action needs a reason a marketer can read, evidence quoting numbers exactly as they appear in the data (metric, window current or previous, value), an expected impact and a confidence from 0 to 1.',
		'Prefer no action over a weak one; entities with little spend or few conversions need more data.',
		'Windows: "cur" is the current window, "prev" the window of the same length before it; ctr and roas are ratios; money is in the account currency.',
		DATA_RULE,
	].join('\n');
}

function contextBlock(c: RecommendContext): string {
	return dataBlock('context', {
		window: { current: windowLabel(c.window), days: c.window.days },
		targets: c.targets,
		businessContext: c.businessContext || null,
		calendarNotes: c.calendarNotes || null,
		recentActions: c.recentActions,
	});
}

/** Best and worst alternately by the ranking metric, then entities without a value. */
export function rankEntities(entities: readonly EntityAggregate[]): EntityAggregate[] {
	const byRoas = entities.some((e) => e.current.value > 0);
	const metric = (e: EntityAggregate): number | null => (byRoas ? e.current.roas : e.current.cpa === null ? null : -e.current.cpa);
	const ranked = entities.filter((e) => e.current.spend > 0 && metric(e) !== null).sort((a, b) => (metric(b) as number) - (metric(a) as number) || b.current.spend - a.current.spend);
	// Spend without a result (no conversions / value) belongs with the worst.
	const noResult = entities.filter((e) => e.current.spend > 0 && metric(e) === null).sort((a, b) => b.current.spend - a.current.spend);
	const idle = entities.filter((e) => e.current.spend === 0).sort((a, b) => b.current.impressions - a.current.impressions);
	const worstFirst = [...noResult, ...ranked.slice().reverse()];
	const out: EntityAggregate[] = [];
	const seen = new Set<string>();
	for (let i = 0; out.length < ranked.length + noResult.length; i++) {
		for (const candidate of [ranked[i], worstFirst[i]]) {
			if (candidate && !seen.has(candidate.key)) {
				seen.add(candidate.key);
				out.push(candidate);
			}
		}
	}
	return [...out, ...idle];
}

function restSummary(rest: readonly EntityAggregate[]): Record<string, unknown> {
	const t: Totals = { impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 };
	const levels: Record<string, number> = {};
	for (const e of rest) {
		t.impressions += e.current.impressions;
		t.clicks += e.current.clicks;
		t.spend += e.current.spend;
		t.conversions += e.current.conversions;
		t.value += e.current.value;
		levels[e.level] = (levels[e.level] ?? 0) + 1;
	}
	const d = deriveMetrics(t);
	const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
	return {
		note: 'Entities not listed individually (middle performers or over the size budget): not actionable, for context only.',
		count: rest.length,
		levels,
		cur: { spend: round(t.spend), conv: round(t.conversions), value: round(t.value), impr: t.impressions, clicks: t.clicks, cpa: round(d.cpa), roas: round(d.roas) },
	};
}

/** Builds the Recommend Changes prompt within `budgetTokens`. */
export function buildRecommendPrompt(entities: readonly EntityAggregate[], c: RecommendContext, schema: unknown, budgetTokens: number): BuiltPrompt {
	return buildEntityPrompt(entities, recommendInstructions(c), contextBlock(c), schema, budgetTokens);
}

/**
 * Instructions + context + entities within `budgetTokens` (an upper-bound
 * estimate of the request's input tokens, schema included). Throws when even
 * the fixed part does not fit.
 */
export function buildEntityPrompt(entities: readonly EntityAggregate[], instructions: string, context: string, schema: unknown, budgetTokens: number): BuiltPrompt {
	const fixed = estimateRequestTokens([instructions, context], schema) + 60; // block tags, summary line
	if (fixed > budgetTokens) {
		throw new RangeError(`the instructions, context and schema alone need about ${fixed} tokens, over the ${budgetTokens}-token budget: raise the budget or shorten the context, notes or recent actions`);
	}
	const ranked = rankEntities(entities);
	const lines: string[] = [];
	const facts: ShownFacts[] = [];
	let used = fixed;
	// Room for the summary of whatever does not fit (its size hardly depends on how many).
	const reserve = ranked.length > 0 ? estimateTokens(dataBlock('others', restSummary(ranked))) + 16 : 0;
	for (const entity of ranked) {
		const line = entityLine(entity);
		const text = JSON.stringify(line.json);
		const cost = estimateTokens(text) + 1;
		if (used + cost + reserve > budgetTokens) break;
		used += cost;
		lines.push(text);
		facts.push(line.shown);
	}
	// The estimate of the assembled request is what counts: drop lines until it fits.
	let prompt = assemble(ranked, lines, facts, instructions, context, schema);
	while (prompt.estimatedTokens > budgetTokens && lines.length > 0) {
		lines.pop();
		facts.pop();
		prompt = assemble(ranked, lines, facts, instructions, context, schema);
	}
	return prompt;
}

function assemble(ranked: readonly EntityAggregate[], lines: readonly string[], facts: readonly ShownFacts[], instructions: string, context: string, schema: unknown): BuiltPrompt {
	const shown: BuiltPrompt['shown'] = new Map();
	lines.forEach((_, i) => shown.set(ranked[i].entityId, { entity: ranked[i], facts: facts[i] }));
	const rest = ranked.slice(lines.length);
	const parts = [context, `<data name="entities">\n${lines.join('\n')}\n</data>`];
	if (rest.length > 0) parts.push(dataBlock('others', restSummary(rest)));
	const input = parts.join('\n');
	return {
		instructions,
		input,
		estimatedTokens: estimateRequestTokens([instructions, input], schema),
		shown,
		detailed: lines.length,
		summarised: rest.length,
	};
}
