import fc from 'fast-check';
// The package's default encoding is o200k_base, the gpt-4o / gpt-5 tokenizer.
import { countTokens } from 'gpt-tokenizer';

import { parseMetricRow } from '../../nodes/shared/contracts';
import { aggregateEntities, windowOf } from '../../nodes/AdsAi/prompt/aggregates';
import { buildRecommendPrompt, rankEntities, type RecommendContext } from '../../nodes/AdsAi/prompt/recommendPrompt';
import { estimateTokens, ONE_TOKEN_PUNCTUATION, ONE_TOKEN_WORDS } from '../../nodes/AdsAi/prompt/tokens';
import { recommendSchema } from '../../nodes/AdsAi/schemas/recommend';
import { manyEntities, rowsFor, STANDARD } from './fixtures';

function parsed(specs: Parameters<typeof rowsFor>[0], days = 14) {
	return rowsFor(specs, days).map((json, itemIndex) => {
		const p = parseMetricRow(json);
		if (!p.ok) throw new Error(p.problems.join('; '));
		return { row: p.value, itemIndex };
	});
}

function context(window: RecommendContext['window']): RecommendContext {
	return { targets: { cpa: 20, roas: null, monthlyBudget: 5000 }, businessContext: 'We sell shoes.', calendarNotes: 'Sale next week', recentActions: [], allowedKinds: ['pause', 'notify'], maxBudgetChangePercent: 20, maxActions: 10, window };
}

const schema = recommendSchema(['pause', 'notify']);

function build(count: number, budget = 8000) {
	const rows = parsed(manyEntities(count), 2);
	const window = windowOf(rows.map((r) => r.row), 1);
	const entities = aggregateEntities(rows, window);
	return { entities, prompt: buildRecommendPrompt(entities, context(window), schema, budget) };
}

/** The real token count of the request's text parts (instructions, input, schema). */
function realTokens(p: { instructions: string; input: string }): number {
	return countTokens(p.instructions) + countTokens(p.input) + countTokens(JSON.stringify(schema));
}

describe('token estimate', () => {
	it('lists only words and punctuation that really are one token', () => {
		const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
		for (const w of ONE_TOKEN_WORDS) expect([w, ` ${w}`, cap(w), ` ${cap(w)}`].map((f) => countTokens(f))).toEqual([1, 1, 1, 1]);
		for (const p of ONE_TOKEN_PUNCTUATION) expect(countTokens(p)).toBe(1);
	});

	it('never undercounts the real tokenizer on random text of every character class', () => {
		const json = fc.constantFrom(...ONE_TOKEN_WORDS, ...ONE_TOKEN_PUNCTUATION, 'dailyBudget', 'PAUSED', 'Ad 12 | Summer');
		const alphabets = ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', '0123456789', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ' \n\t', '日本語の広告文テスト漢字한국어', 'éèàüößçñ', '😀🎉🔥✨👍'];
		const text = fc.array(fc.oneof(...alphabets.map((a) => fc.string({ unit: fc.constantFrom(...[...a]), maxLength: 40 })), fc.string({ unit: 'grapheme', maxLength: 40 }), json), { maxLength: 12 }).map((parts) => parts.join(''));
		fc.assert(fc.property(text, (t) => estimateTokens(t) >= countTokens(t)), { numRuns: 1000 });
	});

	it('never undercounts a built prompt, and stays within 2× of the real count', () => {
		const { prompt } = build(300);
		const real = realTokens(prompt);
		expect(prompt.estimatedTokens).toBeGreaterThanOrEqual(real);
		expect(prompt.estimatedTokens).toBeLessThan(real * 1.6);
	});
});

describe('the Recommend Changes prompt', () => {
	it.each([100, 2000, 20000])('stays within the 8,000-token budget (real tokenizer) for %i ads', (count) => {
		const { prompt, entities } = build(count);
		expect(entities).toHaveLength(count);
		expect(prompt.estimatedTokens).toBeLessThanOrEqual(8000);
		expect(realTokens(prompt)).toBeLessThanOrEqual(8000);
		expect(prompt.detailed + prompt.summarised).toBe(count);
		if (prompt.summarised > 0) expect(prompt.input).toContain(`"count":${prompt.summarised}`);
	});

	it('puts the best and the worst performers first, alternately', () => {
		const rows = parsed(STANDARD);
		const entities = aggregateEntities(rows, windowOf(rows.map((r) => r.row), 7));
		// ROAS ranks when there is conversion value: winner (best), no-results (worst), ...
		expect(rankEntities(entities).map((e) => e.entityId)).toEqual([STANDARD[0].id, STANDARD[1].id, STANDARD[3].id, STANDARD[2].id, STANDARD[4].id]);
	});

	it('computes ratios from window totals and the trend against the previous window', () => {
		const rows = parsed([{ id: '1', spendPerDay: 10, conversionsPerDay: 0.5 }]);
		const [e] = aggregateEntities(rows, windowOf(rows.map((r) => r.row), 7));
		expect(e.current).toMatchObject({ spend: 70, conversions: 3.5, cpa: 20 });
		expect(e.previous).toMatchObject({ spend: 70, cpa: 20 });
	});

	it('refuses a budget too small for the instructions and context', () => {
		const rows = parsed(STANDARD);
		const window = windowOf(rows.map((r) => r.row), 7);
		expect(() => buildRecommendPrompt(aggregateEntities(rows, window), context(window), schema, 1000)).toThrow(/over the 1000-token budget/);
	});
});
