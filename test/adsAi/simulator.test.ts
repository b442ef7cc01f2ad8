/**
 * Every operation against the simulator's OpenAI emulation: its sensible
 * stand-in model and each misbehaviour it can be told to show.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseAction } from '../../nodes/shared/contracts';
import { validateCampaignTemplate } from '../../nodes/GoogleAds/templates/validate';
import { SIM_OPENAI_API_KEY } from '../../simulator/credentials';
import type { OpenAiKnobs } from '../../simulator/openai/knobs';
import type { RunningSimulator } from '../../simulator/server';
import { startTestSimulator } from '../simulator/helpers';
import { actionsOf, runAi, summaryOf } from './context';
import { items, rowsFor, STANDARD } from './fixtures';

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const rows = items(rowsFor(STANDARD));
const brief = { planAccountId: '1234567890', planProduct: 'Waterproof trail running shoes', landingPage: 'https://shop.example/trail', goal: 'sales', dailyBudget: 30, planCurrency: 'EUR', locationIds: '2840', languageIds: '1000', countries: 'US', pageId: '4242' };

const OPERATIONS: Record<string, { parameters: IDataObject; inputs: typeof rows }> = {
	recommendChanges: { parameters: { operation: 'recommendChanges', allowedActions: ['pause', 'changeBudgetByPercent', 'notify'], maxBudgetChangePercent: 20, maxActions: 20, fallback: 'none', recentActions: '[]', targetCpa: 20 }, inputs: rows },
	planGoogle: { parameters: { operation: 'planCampaign', planPlatform: 'google', ...brief }, inputs: [{ json: {} }] },
	planMeta: { parameters: { operation: 'planCampaign', planPlatform: 'meta', ...brief }, inputs: [{ json: {} }] },
	copyGoogle: { parameters: { operation: 'writeAdCopy', copyPlatform: 'google', product: 'Trail running shoes', variants: 3, mustIncludeWords: 'Acme', currentCopy: '{}', copyFallback: 'error' }, inputs: [{ json: {} }] },
	copyMeta: { parameters: { operation: 'writeAdCopy', copyPlatform: 'meta', product: 'Trail running shoes', variants: 2, currentCopy: '{}', copyFallback: 'error' }, inputs: [{ json: {} }] },
	ask: { parameters: { operation: 'ask', question: 'What spent the most?' }, inputs: rows },
};

async function run(name: string, knobs: Partial<OpenAiKnobs> = {}, modelOptions: IDataObject = { maxRetries: 2, timeoutSeconds: 5 }) {
	sim.setOpenAiKnobs(knobs);
	const op = OPERATIONS[name];
	return await runAi({ parameters: { ...op.parameters, modelOptions }, inputItems: op.inputs, credentials: { apiKey: SIM_OPENAI_API_KEY, organization: '', baseUrl: sim.openAiBaseUrl }, continueOnFail: true });
}

/** What "it failed cleanly" means for each operation. */
function expectFailedCleanly(name: string, out: IDataObject[]): void {
	if (name === 'recommendChanges') {
		expect(actionsOf(out)).toEqual([]);
		expect(summaryOf(out).status).toBe('fallback');
	} else if (name.startsWith('plan')) {
		expect(out).toEqual([expect.objectContaining({ status: 'failed', plan: null })]);
	} else if (name.startsWith('copy')) {
		expect(out).toEqual([expect.objectContaining({ error: expect.stringMatching(/no usable copy/) })]);
	} else {
		expect(out[0]).toMatchObject({ status: 'failed' });
	}
}

describe('Ads AI against the simulator', () => {
	it('recommends sensible, contract-valid actions from the seeded metrics', async () => {
		const { out } = await run('recommendChanges');
		const actions = actionsOf(out);
		expect(actions.map((a) => [a.entityId, a.kind])).toEqual([
			[STANDARD[0].id, 'changeBudgetByPercent'],
			[STANDARD[1].id, 'pause'],
			[STANDARD[2].id, 'changeBudgetByPercent'],
		]);
		for (const a of actions) expect(parseAction(a).ok).toBe(true);
		expect(summaryOf(out)).toMatchObject({ status: 'ok', dropped: [] });
	});

	it('plans a Google campaign that Create from Template accepts and a Meta plan, both PAUSED', async () => {
		const google = (await run('planGoogle')).out;
		expect(validateCampaignTemplate((google[0].params as IDataObject).spec).ok).toBe(true);
		const meta = (await run('planMeta')).out;
		expect(((meta[0].params as IDataObject).spec as Record<string, IDataObject>).campaign.status).toBe('PAUSED');
	});

	it('repairs a plan in one round when the first answer breaks a limit', async () => {
		const { out } = await run('planGoogle', { aiScenario: 'needsRepair' });
		expect(out[1]).toMatchObject({ status: 'ok', repairRound: true });
	});

	it('writes copy within the limits, with the must-include word', async () => {
		const { out } = await run('copyGoogle');
		const variants = out.filter((o) => o.summary !== true);
		expect(variants).toHaveLength(3);
		for (const v of variants) expect((v.headlines as string[]).join(' ')).toMatch(/Acme/);
		expect((await run('copyMeta')).out.filter((o) => o.summary !== true)).toHaveLength(2);
	});

	it('answers a question with verified numbers', async () => {
		const { out } = await run('ask');
		expect(out[0]).toMatchObject({ status: 'ok', unverifiedNumbers: 0 });
		expect(out[0].answer).toContain(STANDARD[2].id);
	});

	it('drops invented ids and out-of-range numbers, reporting each', async () => {
		const invented = (await run('recommendChanges', { aiScenario: 'inventedIds' })).out;
		expect(actionsOf(invented)).toEqual([]);
		expect((summaryOf(invented).dropped as Array<{ reason: string }>).every((d) => /unknown entity id/.test(d.reason))).toBe(true);
		const wild = (await run('recommendChanges', { aiScenario: 'outOfRange' })).out;
		const reasons = (summaryOf(wild).dropped as Array<{ reason: string }>).map((d) => d.reason).join('\n');
		expect(reasons).toMatch(/250 % is beyond the maximum/);
		expect(reasons).toMatch(/not the account currency/);
		expect(actionsOf(wild)).toEqual([]);
	});

	it('retries a 429 after retry-after-ms and then answers', async () => {
		const { out } = await run('recommendChanges', { nextRateLimits: 1, retryAfterMs: 10 });
		expect(summaryOf(out).status).toBe('ok');
	});

	// Three columns on every row: jest reads a missing one as a `done` callback.
	const DEFAULT_OPTIONS = { maxRetries: 2, timeoutSeconds: 5 };
	const FAILURES: Array<[string, Partial<OpenAiKnobs>, IDataObject]> = [
		['malformed JSON', { aiScenario: 'malformed' }, DEFAULT_OPTIONS],
		['a refusal', { nextRefusals: 1 }, DEFAULT_OPTIONS],
		['an incomplete answer', { nextIncomplete: 1 }, DEFAULT_OPTIONS],
		['429 on every attempt', { nextRateLimits: 3, retryAfterMs: 10 }, DEFAULT_OPTIONS],
		['insufficient quota', { nextRateLimits: 1, rateLimitKind: 'insufficient_quota' }, DEFAULT_OPTIONS],
		['a slow answer past the timeout', { answerDelayMs: 800 }, { maxRetries: 0, timeoutSeconds: 0.3 }],
	];
	describe.each(Object.keys(OPERATIONS))('%s', (name) => {
		it.each(FAILURES)('on %s fails cleanly (fallback / no output / error item), never partially', async (_label, knobs, options) => {
			const { out } = await run(name, knobs, options);
			expectFailedCleanly(name, out);
		});
	});
});
