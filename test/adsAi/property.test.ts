/**
 * Whatever the model returns — in the schema or not — what Ads AI outputs
 * satisfies the action contract and the node's limits.
 */
import fc from 'fast-check';
import nock from 'nock';

import { parseAction } from '../../nodes/shared/contracts';
import { actionsOf, runAi, summaryOf } from './context';
import { items, rowsFor, STANDARD } from './fixtures';
import { answer, openai, PATH, textAnswer } from './replies';

const IDS = STANDARD.map((s) => s.id);
const ALLOWED = ['pause', 'changeBudgetByPercent', 'setBudget', 'notify'];
const MAX_PCT = 20;
const MAX_ACTIONS = 3;
const rows = items(rowsFor(STANDARD));
const budgetOf = new Map(STANDARD.map((s) => [s.id, s.spendPerDay * 1.2]));

const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e7, max: 1e7 }), fc.integer({ min: -100, max: 100 }), fc.constantFrom(0, 10, -10, 20, -20, 21, 0.5, 1, 1.5));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null));
const evidence = fc.array(fc.record({ metric: fc.constantFrom('spend', 'cpa', 'conversions', 'roas', 'bogus'), window: fc.constantFrom('current', 'previous', 'never'), value: fc.oneof(number, fc.constantFrom(280, 420, 60, 10, 350)) }), { maxLength: 3 });
const proposal = fc.record(
	{
		entityId: fc.oneof(fc.constantFrom(...IDS), fc.string(), fc.integer()),
		kind: fc.oneof(fc.constantFrom('pause', 'resume', 'setBudget', 'changeBudgetByPercent', 'setBid', 'notify', 'create'), fc.string()),
		budgetType: nullable(fc.constantFrom('daily', 'lifetime', 'weekly')),
		percent: nullable(number),
		amount: nullable(number),
		currency: nullable(fc.constantFrom('EUR', 'USD', 'eur', '')),
		message: nullable(fc.string()),
		severity: nullable(fc.constantFrom('info', 'warning', 'critical', 'fatal')),
		reason: fc.oneof(fc.string(), fc.constant('Because.')),
		confidence: fc.oneof(number, fc.double({ min: 0, max: 1, noNaN: true })),
		evidence,
		expectedImpact: fc.oneof(fc.record({ metric: fc.string(), direction: fc.string(), percent: nullable(number), description: fc.string() }), fc.jsonValue()),
	},
	{ requiredKeys: [] },
);
/** Close to what a good model says (known id, allowed kind, quoted evidence), with numbers that may still break a limit. */
const plausible = fc.constantFrom(...STANDARD).chain((s) =>
	fc.record({
		entityId: fc.constant(s.id),
		kind: fc.constantFrom(...ALLOWED, 'resume'),
		budgetType: fc.constantFrom('daily', null),
		percent: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constant(null)),
		amount: fc.oneof(fc.double({ min: -10, max: s.spendPerDay * 2, noNaN: true }), fc.constant(null)),
		currency: fc.constantFrom('EUR', null, 'USD'),
		message: fc.constantFrom('Check this', null),
		severity: fc.constantFrom('info', null),
		reason: fc.constant('Because the numbers say so.'),
		confidence: fc.double({ min: 0, max: 1.2, noNaN: true }),
		evidence: fc.constant([{ metric: 'spend', window: 'current', value: s.spendPerDay * 7 }]),
		expectedImpact: fc.constant({ metric: 'spend', direction: 'decrease', percent: null, description: '' }),
	}),
);
const inSchema = fc.record({ analysis: fc.string(), actions: fc.array(fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: proposal }), { maxLength: 8 }) });
const outOfSchema = fc.oneof(fc.jsonValue(), fc.record({ analysis: fc.jsonValue(), actions: fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 4 })) }));
const reply = fc.oneof(
	{ weight: 4, arbitrary: inSchema.map((v) => answer(v)) },
	{ weight: 2, arbitrary: outOfSchema.map((v) => answer(v)) },
	{ weight: 1, arbitrary: fc.string().map((t) => textAnswer(t)) },
);

afterEach(() => nock.cleanAll());

it('outputs only contract-valid actions within the limits, plus exactly one summary', async () => {
	let produced = 0;
	await fc.assert(
		fc.asyncProperty(reply, async (body) => {
			nock.cleanAll();
			openai().post(PATH).reply(200, body);
			const { out } = await runAi({ parameters: { operation: 'recommendChanges', allowedActions: ALLOWED, maxBudgetChangePercent: MAX_PCT, maxActions: MAX_ACTIONS, fallback: 'none', recentActions: '[]' }, inputItems: rows });
			expect(out.filter((o) => o.summary === true)).toHaveLength(1);
			const actions = actionsOf(out);
			produced += actions.length;
			expect(actions.length + 1).toBe(out.length);
			expect(actions.length).toBeLessThanOrEqual(MAX_ACTIONS);
			if (summaryOf(out).status === 'fallback') expect(actions).toEqual([]);
			for (const a of actions) {
				expect(parseAction(a)).toEqual({ ok: true, value: a });
				expect(IDS).toContain(a.entityId);
				expect(ALLOWED).toContain(a.kind);
				const source = a.source as { type: string; confidence: number };
				expect(source.type).toBe('ai');
				expect(source.confidence).toBeGreaterThanOrEqual(0);
				expect(source.confidence).toBeLessThanOrEqual(1);
				expect((a.evidence as unknown[]).length).toBeGreaterThan(0);
				const p = a.params as { percent?: number; amount?: number; currency?: string };
				if (a.kind === 'changeBudgetByPercent') expect(Math.abs(p.percent as number)).toBeLessThanOrEqual(MAX_PCT);
				if (a.kind === 'setBudget') expect(Math.abs((p.amount as number) / (budgetOf.get(a.entityId as string) as number) - 1)).toBeLessThanOrEqual(MAX_PCT / 100 + 1e-9);
				if (p.currency !== undefined) expect(p.currency).toBe('EUR');
			}
			const keys = actions.map((a) => `${a.entityId}|${['setBudget', 'changeBudgetByPercent'].includes(a.kind as string) ? 'budget' : a.kind}`);
			expect(new Set(keys).size).toBe(keys.length);
		}),
		{ numRuns: 80 },
	);
	// Not vacuous: some generated answers got through the checks.
	expect(produced).toBeGreaterThan(0);
});
