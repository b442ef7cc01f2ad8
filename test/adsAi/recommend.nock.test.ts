import nock from 'nock';

import { parseAction } from '../../nodes/shared/contracts';
import { actionsOf, API_KEY, runAi, summaryOf } from './context';
import { items, rowsFor, STANDARD } from './fixtures';
import { answer, FAILURES, openai, PATH } from './replies';

const WINNER = STANDARD[0].id;
const LOSER = STANDARD[1].id;
const EXPENSIVE = STANDARD[2].id;

const params = {
	operation: 'recommendChanges',
	allowedActions: ['pause', 'changeBudgetByPercent', 'setBudget', 'notify'],
	maxBudgetChangePercent: 20,
	maxActions: 20,
	fallback: 'rulesInput',
	targetCpa: 20,
	recentActions: '[]',
};

function proposal(over: Record<string, unknown>): Record<string, unknown> {
	return {
		entityId: LOSER,
		kind: 'pause',
		budgetType: null,
		percent: null,
		amount: null,
		currency: null,
		message: null,
		severity: null,
		reason: 'Spend without conversions.',
		confidence: 0.8,
		evidence: [{ metric: 'spend', window: 'current', value: 280 }],
		expectedImpact: { metric: 'spend', direction: 'decrease', percent: -100, description: 'Stops waste' },
		...over,
	};
}

const ruleAction = {
	schema: 'adpilot.action/v1',
	platform: 'meta',
	accountId: '1234567890',
	level: 'adSet',
	entityId: LOSER,
	kind: 'notify',
	params: { message: 'Rule fired', severity: 'warning' },
	reason: 'Rule "No conversions"',
	evidence: [],
	source: { type: 'rule', ruleName: 'No conversions' },
	idempotencyKey: 'rule-key-1',
	decidedAt: '2026-11-20T00:00:00.000Z',
};

const rows = items(rowsFor(STANDARD));

afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

describe('Ads AI Recommend Changes (nock)', () => {
	it('sends one strict structured-output request with compact aggregates, no raw rows and no key in the body', async () => {
		const scope = openai().post(PATH).reply(200, answer({ analysis: 'Fine.', actions: [] }));
		const { ctx } = await runAi({ parameters: params, inputItems: rows });
		scope.done();
		const sent = ctx.sentRequests[0];
		expect(sent.url).toBe('https://openai.test/v1/responses');
		expect(sent.headers.Authorization).toBe(`Bearer ${API_KEY}`);
		const body = sent.body as Record<string, any>;
		expect(body).toMatchObject({ model: 'gpt-5-mini', store: false, text: { format: { type: 'json_schema', name: 'adpilot_recommendations', strict: true } } });
		expect(body.temperature).toBeUndefined();
		expect(body.seed).toBeUndefined();
		expect(JSON.stringify(body)).not.toContain(API_KEY);
		expect(body.input).not.toContain('2026-11-06'); // daily rows are aggregated, not sent
		expect(body.input).toContain(`"id":"${WINNER}"`);
		expect(body.text.format.schema.properties.actions.items.properties.kind.enum).toEqual(params.allowedActions);
	});

	it('sends temperature and seed only when set', async () => {
		openai().post(PATH).reply(200, answer({ analysis: 'Fine.', actions: [] }));
		const { ctx } = await runAi({ parameters: { ...params, modelOptions: { temperature: 0.2, seed: 7, maxRetries: 0 } }, inputItems: rows });
		expect(ctx.sentRequests[0].body).toMatchObject({ temperature: 0.2, seed: 7 });
	});

	it('turns a valid answer into contract actions with source ai, evidence from the input, impact, and a summary', async () => {
		openai()
			.post(PATH)
			.reply(200, answer({ analysis: 'One loser, one expensive.', actions: [proposal({}), proposal({ entityId: EXPENSIVE, kind: 'changeBudgetByPercent', percent: -15, budgetType: 'daily', currency: 'EUR', evidence: [{ metric: 'cpa', window: 'current', value: 60 }] })] }));
		const { out, items: outItems } = await runAi({ parameters: params, inputItems: rows });
		const actions = actionsOf(out);
		expect(actions).toHaveLength(2);
		for (const a of actions) expect(parseAction(a).ok).toBe(true);
		expect(actions[0]).toMatchObject({ entityId: LOSER, kind: 'pause', source: { type: 'ai', model: 'gpt-5-mini-2025-08-07', confidence: 0.8 }, expectedImpact: { direction: 'decrease' } });
		expect(actions[0].evidence).toEqual([expect.objectContaining({ left: 280, right: 280 })]);
		expect(actions[1]).toMatchObject({ kind: 'changeBudgetByPercent', params: { percent: -15, currency: 'EUR', currentAmount: 72, budgetType: 'daily' } });
		const summary = summaryOf(out);
		expect(summary).toMatchObject({ status: 'ok', analysis: 'One loser, one expensive.', actions: 2, dropped: [], usage: { inputTokens: 1200, outputTokens: 300 }, promptVersion: expect.stringMatching(/^adpilot\.recommend\.prompt\//), schemaVersion: 'adpilot.recommend.schema/1' });
		expect(summary.estimatedCostUsd).toBeCloseTo((1200 * 0.25 + 300 * 2) / 1e6, 9);
		// Paired with the loser's 14 rows (items 14..27).
		expect(outItems[0].pairedItem).toEqual(Array.from({ length: 14 }, (_, i) => ({ item: 14 + i })));
	});

	it.each([
		['an invented entity id', proposal({ entityId: '999999999' }), /unknown entity id/],
		['a kind not in Allowed Actions', proposal({ kind: 'setBid', amount: 1, currency: 'EUR' }), /not in Allowed Actions/],
		['activation when not allowed', proposal({ kind: 'resume' }), /activation/],
		['a budget change beyond the max %', proposal({ kind: 'changeBudgetByPercent', percent: 35, budgetType: 'daily' }), /beyond the maximum of ±20 %/],
		['a setBudget beyond the max %', proposal({ entityId: WINNER, kind: 'setBudget', amount: 100, budgetType: 'daily', evidence: [{ metric: 'cpa', window: 'current', value: 10 }] }), /beyond the maximum/],
		['a negative amount', proposal({ kind: 'setBudget', amount: -5, budgetType: 'daily' }), /not a positive number/],
		['a currency other than the account\'s', proposal({ kind: 'changeBudgetByPercent', percent: -10, currency: 'USD', budgetType: 'daily' }), /not the account currency EUR/],
		['a confidence out of range', proposal({ confidence: 1.4 }), /within 0\.\.1/],
		['evidence that does not match the input', proposal({ evidence: [{ metric: 'spend', window: 'current', value: 9999 }] }), /no evidence/],
	])('drops %s and reports why', async (_name, bad, reason) => {
		openai().post(PATH).reply(200, answer({ analysis: 'x', actions: [bad, proposal({ entityId: EXPENSIVE, kind: 'notify', message: 'Expensive', evidence: [{ metric: 'cpa', window: 'current', value: 60 }] })] }));
		const { out } = await runAi({ parameters: params, inputItems: rows });
		expect(actionsOf(out).map((a) => a.kind)).toEqual(['notify']);
		const summary = summaryOf(out);
		expect(summary.dropped).toEqual([expect.objectContaining({ reason: expect.stringMatching(reason) })]);
	});

	it('drops duplicates, repeats of recent actions and proposals over the maximum', async () => {
		openai()
			.post(PATH)
			.reply(200, answer({ analysis: 'x', actions: [proposal({}), proposal({}), proposal({ entityId: EXPENSIVE, kind: 'notify', message: 'a', evidence: [{ metric: 'cpa', window: 'current', value: 60 }] }), proposal({ entityId: WINNER, kind: 'notify', message: 'b', evidence: [{ metric: 'cpa', window: 'current', value: 10 }] })] }));
		const { out } = await runAi({ parameters: { ...params, maxActions: 1, recentActions: JSON.stringify([{ entityId: EXPENSIVE, kind: 'notify', decidedAt: '2026-11-18' }]) }, inputItems: rows });
		expect(actionsOf(out)).toHaveLength(1);
		expect((summaryOf(out).dropped as Array<{ reason: string }>).map((d) => d.reason)).toEqual([
			'duplicate of an earlier proposal for the same entity',
			'repeats a recent action on this entity',
			'over the maximum of 1 actions per run',
		]);
	});

	it('retries a 429, honouring retry-after, and then uses the answer', async () => {
		const scope = openai().post(PATH).reply(429, { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, { 'retry-after': '0' }).post(PATH).reply(200, answer({ analysis: 'ok', actions: [proposal({})] }));
		const { out } = await runAi({ parameters: params, inputItems: rows });
		scope.done();
		expect(summaryOf(out).status).toBe('ok');
		expect(actionsOf(out)).toHaveLength(1);
	});

	it('gives up at once when retry-after is longer than Max Retry Wait', async () => {
		const scope = openai().post(PATH).reply(429, { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, { 'retry-after': '120' });
		const { out } = await runAi({ parameters: { ...params, modelOptions: { maxRetries: 3, maxRetryWaitSeconds: 10 } }, inputItems: rows, fallbackItems: [{ json: ruleAction }] });
		scope.done();
		expect((summaryOf(out).fallback as { reason: string }).reason).toMatch(/asked to wait 120 s/);
	});

	describe.each(FAILURES)('on $name', ({ kind, setup, modelOptions }) => {
		const valid = { analysis: 'x', actions: [proposal({})] };
		it('passes the rule actions of input 2 through whole, and nothing from the model', async () => {
			const scope = setup(valid);
			const { out, items: outItems } = await runAi({ parameters: { ...params, ...(modelOptions ? { modelOptions } : {}) }, inputItems: rows, fallbackItems: [{ json: ruleAction }, { json: { not: 'an action' } }] });
			scope.done();
			const actions = actionsOf(out);
			expect(actions).toEqual([ruleAction]);
			expect(outItems[0].pairedItem).toEqual({ item: 0, input: 1 });
			const summary = summaryOf(out);
			expect(summary).toMatchObject({ status: 'fallback', analysis: null, fallback: { kind, mode: 'rulesInput', actions: 1 } });
			expect((summary.fallback as { invalidItems: unknown[] }).invalidItems).toHaveLength(1);
			expect(summary.message).toMatch(/nothing from the model was used/);
		});
		it('or no action at all, with a clear summary', async () => {
			setup(valid);
			const { out } = await runAi({ parameters: { ...params, fallback: 'none', ...(modelOptions ? { modelOptions } : {}) }, inputItems: rows, fallbackItems: [{ json: ruleAction }] });
			expect(actionsOf(out)).toEqual([]);
			expect(summaryOf(out)).toMatchObject({ status: 'fallback', fallback: { kind, mode: 'none', actions: 0 } });
		});
	});

	it('falls back when the JSON does not follow the schema', async () => {
		openai().post(PATH).reply(200, answer({ actions: 'pause everything' }));
		const { out } = await runAi({ parameters: params, inputItems: rows, fallbackItems: [{ json: ruleAction }] });
		expect(summaryOf(out)).toMatchObject({ status: 'fallback', fallback: { kind: 'schema' } });
		expect(actionsOf(out)).toEqual([ruleAction]);
	});

	it('fails on a bad key with a NodeApiError that does not carry the key', async () => {
		openai().post(PATH).reply(401, { error: { message: 'Incorrect API key provided: sk-tes***6789.', code: 'invalid_api_key' } });
		const error = await runAi({ parameters: params, inputItems: rows }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe('OpenAI: HTTP 401 (invalid_api_key)');
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(API_KEY);
	});

	it('names a bad row and, under Continue On Fail, keeps going with the others', async () => {
		openai().post(PATH).reply(200, answer({ analysis: 'x', actions: [] }));
		const bad = [{ json: { entityId: 'x', level: 'adSet' } }, ...rows];
		await expect(runAi({ parameters: params, inputItems: bad })).rejects.toThrow(/Item 0 is not a valid metric row/);
		const { out } = await runAi({ parameters: params, inputItems: bad, continueOnFail: true });
		expect(out[0].error).toMatch(/Item 0 is not a valid metric row: accountId: required/);
		expect(summaryOf(out).status).toBe('ok');
	});
});
