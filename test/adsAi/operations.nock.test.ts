import nock from 'nock';

import { parseAction } from '../../nodes/shared/contracts';
import { validateCampaignTemplate } from '../../nodes/GoogleAds/templates/validate';
import { runAi } from './context';
import { items, rowsFor, STANDARD } from './fixtures';
import { answer, FAILURES, openai, PATH } from './replies';

afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

const brief = { planAccountId: '123-456-7890', planProduct: 'Waterproof trail running shoes', landingPage: 'https://shop.example/trail', audience: 'Trail runners', goal: 'sales', dailyBudget: 30, planCurrency: 'EUR', planLanguage: 'English', locationIds: '2276', languageIds: '1001', countries: 'DE, AT', pageId: '4242' };

const googlePlan = {
	rationale: 'Exact core, phrase variants.',
	confidence: 0.7,
	name: 'Trail Shoes | Search',
	budgetAmount: 25,
	bidding: { strategy: 'MANUAL_CPC', targetCpa: null, targetRoas: null, maxCpcBidCeiling: null },
	negativeKeywords: [{ text: 'free', matchType: 'PHRASE' }],
	adGroups: [{ name: 'Trail Shoes', cpcBid: 0.9, keywords: [{ text: 'trail running shoes', matchType: 'EXACT' }], ads: [{ headlines: ['Trail Running Shoes', 'Waterproof Trail Shoes', 'Free Returns'], descriptions: ['Grip and comfort on every trail.', 'Order today, free returns.'], path1: 'trail', path2: null }] }],
};

const metaPlan = {
	rationale: 'Broad sales campaign.',
	confidence: 0.6,
	campaign: { name: 'Trail | Sales', objective: 'OUTCOME_SALES', specialAdCategories: [] },
	adSet: { name: 'Trail | Broad', optimizationGoal: 'OFFSITE_CONVERSIONS', dailyBudget: 30, ageMin: 18, ageMax: 55 },
	creative: { name: 'Trail | Link', primaryText: 'Waterproof trail shoes that grip.', headline: 'Trail Shoes', description: 'Free returns', callToAction: 'SHOP_NOW' },
	ad: { name: 'Trail | Ad 1' },
};

describe('Plan New Campaign (nock)', () => {
	const google = { operation: 'planCampaign', planPlatform: 'google', ...brief };

	it('builds a PAUSED create action whose spec Create from Template accepts as is', async () => {
		openai().post(PATH).reply(200, answer(googlePlan));
		const { out } = await runAi({ parameters: google, inputItems: [{ json: {} }] });
		const [action, summary] = out;
		expect(parseAction(action).ok).toBe(true);
		expect(action).toMatchObject({ kind: 'create', accountId: '1234567890', platform: 'google', params: { objectType: 'campaignFromTemplate' }, source: { type: 'ai', confidence: 0.7 } });
		const spec = (action.params as { spec: Record<string, unknown> }).spec;
		expect(validateCampaignTemplate(spec)).toEqual({ ok: true, value: spec });
		expect(spec).toMatchObject({ currency: 'EUR', locations: ['2276'], languages: ['1001'], budget: { amount: 25 } });
		expect(summary).toMatchObject({ summary: true, status: 'ok', repairRound: false, schemaVersion: 'adpilot.googlePlan.schema/1' });
	});

	it('sends the validation errors back once and uses the repaired plan', async () => {
		const broken = { ...googlePlan, budgetAmount: 99, adGroups: [{ ...googlePlan.adGroups[0], ads: [{ ...googlePlan.adGroups[0].ads[0], headlines: ['日本語の見出しはこれで十六文字です', 'B', 'C'] }] }] };
		const scope = openai().post(PATH).reply(200, answer(broken)).post(PATH, (body) => /validationErrors/.test(body.input) && /double-width count 2/.test(body.input) && /over the brief's daily budget 30/.test(body.input)).reply(200, answer(googlePlan));
		const { out } = await runAi({ parameters: google, inputItems: [{ json: {} }] });
		scope.done();
		expect(out[1]).toMatchObject({ status: 'ok', repairRound: true, usage: { inputTokens: 2400, outputTokens: 600 } });
	});

	it('gives no plan, with the problems, when the repair fails too', async () => {
		const broken = { ...googlePlan, budgetAmount: 99 };
		openai().post(PATH).times(2).reply(200, answer(broken));
		const { out } = await runAi({ parameters: google, inputItems: [{ json: {} }] });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ status: 'failed', plan: null, repairRound: true, problems: [expect.stringMatching(/over the brief's daily budget/)] });
	});

	it('plans Meta campaign → ad set → creative → ad, all PAUSED, budget and link from the brief', async () => {
		openai().post(PATH).reply(200, answer(metaPlan));
		const { out } = await runAi({ parameters: { ...google, planPlatform: 'meta', planAccountId: 'act_998877' }, inputItems: [{ json: {} }] });
		const spec = (out[0].params as { spec: Record<string, Record<string, unknown>> }).spec;
		expect(out[0]).toMatchObject({ accountId: '998877', platform: 'meta', params: { objectType: 'metaCampaignPlan' } });
		expect([spec.campaign.status, spec.adSet.status, spec.ad.status]).toEqual(['PAUSED', 'PAUSED', 'PAUSED']);
		expect(spec.adSet).toMatchObject({ budgetAmount: 30, countries: ['DE', 'AT'] });
		expect(spec.creative).toMatchObject({ pageId: '4242', linkUrl: 'https://shop.example/trail', callToAction: 'SHOP_NOW' });
	});

	it('refuses a Meta goal that does not fit the objective', async () => {
		const bad = { ...metaPlan, adSet: { ...metaPlan.adSet, optimizationGoal: 'REACH' } };
		openai().post(PATH).times(2).reply(200, answer(bad));
		const { out } = await runAi({ parameters: { ...google, planPlatform: 'meta' }, inputItems: [{ json: {} }] });
		expect(out[0].problems).toEqual([expect.stringMatching(/REACH does not fit OUTCOME_SALES/)]);
	});

	it('names a bad brief field and the item; Continue On Fail makes it an error item', async () => {
		await expect(runAi({ parameters: { ...google, landingPage: 'shop' }, inputItems: [{ json: {} }] })).rejects.toThrow(/Landing Page must be an http\(s\) URL/);
		const { out } = await runAi({ parameters: { ...google, dailyBudget: 0 }, inputItems: [{ json: {} }], continueOnFail: true });
		expect(out[0].error).toMatch(/Daily Budget must be greater than 0/);
	});

	it.each(FAILURES)('on $name: no plan, and a summary saying why', async ({ setup, modelOptions }) => {
		setup(googlePlan);
		const { out } = await runAi({ parameters: { ...google, ...(modelOptions ? { modelOptions } : {}) }, inputItems: [{ json: {} }] });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ summary: true, status: 'failed', plan: null });
		expect(out[0].message).toMatch(/^No campaign plan: /);
	});
});

describe('Write Ad Copy (nock)', () => {
	const copy = { operation: 'writeAdCopy', copyPlatform: 'google', product: 'Trail shoes', variants: 2, bannedWords: 'cheapest', mustIncludeWords: 'Acme', currentCopy: JSON.stringify({ headlines: ['Acme Trail Shoes', 'Grip On Every Trail', 'Free Returns'], descriptions: ['Acme shoes for every trail.', 'Order today.'] }), copyFallback: 'inputCopy' };
	const good = { headlines: ['Acme Trail Shoes', 'Waterproof And Light', 'Free Returns'], descriptions: ['Acme shoes grip on every trail.', 'Order today, free returns.'], path1: 'trail', path2: 'shoes' };

	it('keeps lines within Google limits, counting double-width characters as 2, and drops the rest', async () => {
		const variant = {
			...good,
			headlines: [
				...good.headlines,
				'アクメのトレイルシューズは最高の一足です', // 20 characters, 40 as Google counts them
				'Cheapest Trail Shoes',
				'Best Shoes!',
				'acme trail shoes',
			],
			path2: 'too long for a path',
		};
		openai().post(PATH).reply(200, answer({ variants: [variant] }));
		const { out } = await runAi({ parameters: copy, inputItems: [{ json: {} }] });
		expect(out[0]).toMatchObject({ variant: 1, source: 'ai', headlines: good.headlines, path1: 'trail', path2: null });
		const summary = out[out.length - 1];
		expect(summary).toMatchObject({ status: 'ok', variantsKept: 1, droppedLines: 5 });
		expect((summary.dropped as Array<{ reason: string }>).map((d) => d.reason)).toEqual([
			'40 characters, max 30',
			'contains the banned word "cheapest"',
			'Google does not allow "!" in headlines',
			'duplicate',
			'19 characters, max 15',
		]);
	});

	it('drops a variant below the minimum or without the must-include words, and falls back to the current copy when none is left', async () => {
		openai().post(PATH).reply(200, answer({ variants: [{ ...good, headlines: ['Acme', 'Only Two'] }, { ...good, headlines: ['Trail Shoes', 'Light', 'Fast'], descriptions: ['Grip on trails.', 'Order today.'] }] }));
		const { out } = await runAi({ parameters: copy, inputItems: [{ json: {} }] });
		expect(out[0]).toMatchObject({ source: 'currentCopy', headlines: ['Acme Trail Shoes', 'Grip On Every Trail', 'Free Returns'] });
		expect(out[1]).toMatchObject({ status: 'fallback', variantsKept: 0, droppedVariants: ['variant 1: 2 valid headline(s), Google needs 3', 'variant 2: missing must-include word(s): Acme'] });
	});

	it('fails the item when the fallback says so', async () => {
		openai().post(PATH).reply(200, answer({ variants: [] }));
		await expect(runAi({ parameters: { ...copy, copyFallback: 'error' }, inputItems: [{ json: {} }] })).rejects.toThrow(/Write Ad Copy: no usable copy/);
	});

	it('checks Meta copy against Meta lengths', async () => {
		openai().post(PATH).reply(200, answer({ variants: [{ primaryText: 'Acme trail shoes grip.', headline: 'Acme Trail Shoes', description: 'This description is much too long for Meta' }] }));
		const { out } = await runAi({ parameters: { ...copy, copyPlatform: 'meta' }, inputItems: [{ json: {} }] });
		expect(out[0]).toMatchObject({ primaryText: 'Acme trail shoes grip.', headline: 'Acme Trail Shoes', description: null });
		expect(out[1]).toMatchObject({ droppedLines: 1 });
	});

	it.each(FAILURES)('on $name: the configured fallback, never part of the answer', async ({ setup, modelOptions }) => {
		setup({ variants: [good] });
		const { out } = await runAi({ parameters: { ...copy, ...(modelOptions ? { modelOptions } : {}) }, inputItems: [{ json: {} }] });
		expect(out[0]).toMatchObject({ source: 'currentCopy' });
		expect(out[1]).toMatchObject({ status: 'fallback', variantsKept: 0 });
	});
});

describe('Ask (nock)', () => {
	const ask = { operation: 'ask', question: 'Which ad set wasted the most?' };
	const rows = items(rowsFor(STANDARD));

	it('answers with the numbers it used, each checked against the data', async () => {
		openai().post(PATH).reply(200, answer({ answer: 'Broad spent 280 with no conversions.', numbersUsed: [{ entityId: STANDARD[1].id, metric: 'spend', window: 'current', value: 280 }, { entityId: STANDARD[1].id, metric: 'spend', window: 'previous', value: 12345 }] }));
		const { out, items: outItems } = await runAi({ parameters: ask, inputItems: rows });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ status: 'ok', answer: 'Broad spent 280 with no conversions.', unverifiedNumbers: 1, numbersUsed: [{ value: 280, verified: true, entityName: 'Broad | No results' }, { value: 12345, verified: false }] });
		expect(out[0].note).toMatch(/do not match the data/);
		expect(outItems[0].pairedItem).toHaveLength(rows.length);
	});

	it.each(FAILURES)('on $name: says it has no answer, and why', async ({ setup, modelOptions }) => {
		setup({ answer: 'x', numbersUsed: [] });
		const { out } = await runAi({ parameters: { ...ask, ...(modelOptions ? { modelOptions } : {}) }, inputItems: rows });
		expect(out[0]).toMatchObject({ status: 'failed', numbersUsed: [] });
		expect(out[0].answer).toMatch(/^Sorry, no answer this time: /);
	});
});
