/**
 * Ads AI prompt size and build time for 100, 2,000 and 20,000 ads (14 daily
 * rows each): parse rows → per-entity aggregates → ranked, budgeted prompt.
 * Tokens are counted by the real tokenizer (gpt-tokenizer, o200k) beside our
 * runtime estimate; the floor is parsing the rows alone, and the peer is the
 * raw rows sent as JSON. Also the estimated cost of one run for 2,000 ads at
 * the default model's list price. Fails when a prompt goes over the budget.
 */
import { countTokens } from 'gpt-tokenizer';

import { aggregateEntities, windowOf } from '../nodes/AdsAi/prompt/aggregates';
import { buildRecommendPrompt } from '../nodes/AdsAi/prompt/recommendPrompt';
import { DEFAULT_MODEL, estimateCostUsd, priceOf } from '../nodes/AdsAi/openai/pricing';
import { recommendSchema } from '../nodes/AdsAi/schemas/recommend';
import { parseMetricRow } from '../nodes/shared/contracts';
import { mulberry32 } from '../simulator/dataset/prng';
import { gc, round } from './support/measure';

const BUDGET = 8000;
const DAYS = 14;
const KINDS = ['pause', 'changeBudgetByPercent', 'notify'];
/** Output tokens assumed for the cost figure: a full answer at the default Max Actions. */
const ASSUMED_OUTPUT_TOKENS = 2500;

function makeRows(ads: number): Record<string, unknown>[] {
	const rand = mulberry32(7);
	const rows: Record<string, unknown>[] = [];
	const start = Date.UTC(2026, 10, 6);
	for (let a = 0; a < ads; a++) {
		const scale = 5 + rand() * 80;
		const cvr = rand() * 0.08;
		for (let d = 0; d < DAYS; d++) {
			const spend = Math.round(scale * (0.8 + 0.4 * rand()) * 100) / 100;
			const clicks = Math.round(spend * 1.5);
			const conversions = Math.round(clicks * cvr);
			const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
			rows.push({ schema: 'adpilot.metricRow/v1', platform: 'meta', level: 'ad', entityId: String(120200000000000000n + BigInt(a)), entityName: `Ad ${a} | ${['Summer sale', 'UGC video', 'Carousel', 'Static'][a % 4]} v${a % 9}`, accountId: '100010000000001', campaignName: `Campaign ${a % 12}`, date, currency: 'EUR', impressions: clicks * 60, clicks, spend, conversions, value: conversions * 45, attributes: { status: 'ACTIVE', dailyBudget: Math.round(scale * 1.2) } });
		}
	}
	return rows;
}

function measure(ads: number) {
	const raw = makeRows(ads);
	gc();
	const t0 = performance.now();
	const parsed = raw.map((json, itemIndex) => {
		const p = parseMetricRow(json);
		if (!p.ok) throw new Error(p.problems.join('; '));
		return { row: p.value, itemIndex };
	});
	const t1 = performance.now();
	const window = windowOf(parsed.map((p) => p.row), 7);
	const entities = aggregateEntities(parsed, window);
	const schema = recommendSchema(KINDS);
	const prompt = buildRecommendPrompt(entities, { targets: { cpa: 25, roas: null, monthlyBudget: null }, businessContext: 'Fashion shop, 40 % margin.', calendarNotes: 'Black Friday next week.', recentActions: [], allowedKinds: KINDS, maxBudgetChangePercent: 20, maxActions: 20, window }, schema, BUDGET);
	const t2 = performance.now();
	const realTokens = countTokens(prompt.instructions) + countTokens(prompt.input) + countTokens(JSON.stringify(schema));
	const rawTokens = ads <= 100 ? countTokens(JSON.stringify(raw)) : null;
	return { ads, rows: raw.length, parseMs: round(t1 - t0, 1), buildMs: round(t2 - t1, 1), estimated: prompt.estimatedTokens, realTokens, detailed: prompt.detailed, summarised: prompt.summarised, rawTokens };
}

if (require.main === module) {
	const results = [100, 2000, 20000].map(measure);
	let over = false;
	for (const r of results) {
		over ||= r.realTokens > BUDGET || r.estimated > BUDGET;
		console.log(
			`ads AI prompt [${r.ads} ads, ${r.rows} rows]: ${r.realTokens} tokens (gpt-tokenizer; our estimate ${r.estimated}, budget ${BUDGET}), ` +
				`${r.detailed} entities in detail, ${r.summarised} summarised; build ${r.buildMs} ms beside the floor of parsing the rows ${r.parseMs} ms` +
				(r.rawTokens !== null ? `; peer: the raw rows as JSON would be ${r.rawTokens} tokens` : ''),
		);
	}
	const [small, , large] = results;
	console.log(`growth: ${large.ads / small.ads}× the ads → ${round(large.realTokens / small.realTokens, 2)}× the tokens (sub-linear: ${large.realTokens / small.realTokens < large.ads / small.ads})`);
	const mid = results[1];
	const price = priceOf(DEFAULT_MODEL);
	console.log(
		`cost per run, 2,000 ads at ${DEFAULT_MODEL} list price ($${price?.input}/1M in, $${price?.output}/1M out): ` +
			`$${estimateCostUsd(price, mid.realTokens, 0)} input + up to $${estimateCostUsd(price, 0, ASSUMED_OUTPUT_TOKENS)} for ${ASSUMED_OUTPUT_TOKENS} output tokens = $${estimateCostUsd(price, mid.realTokens, ASSUMED_OUTPUT_TOKENS)} ` +
			`(reasoning tokens, billed as output, come on top)`,
	);
	if (over) {
		console.error('ads AI prompt: OVER BUDGET');
		process.exit(1);
	}
}
