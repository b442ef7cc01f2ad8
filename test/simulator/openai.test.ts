import type { RunningSimulator } from '../../simulator/server';
import { SIM_OPENAI_API_KEY } from '../../simulator/credentials';
import { startTestSimulator } from './helpers';

const SCHEMA = {
	type: 'object',
	additionalProperties: false,
	required: ['actions', 'summary'],
	properties: {
		summary: { type: 'string', maxLength: 40 },
		actions: {
			type: 'array',
			minItems: 1,
			maxItems: 3,
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['entityId', 'action', 'changePct', 'confidence', 'note'],
				properties: {
					entityId: { type: 'string' },
					action: { type: 'string', enum: ['pause', 'increase_budget', 'decrease_budget'] },
					changePct: { type: 'number', minimum: -20, maximum: 20 },
					confidence: { type: 'integer', minimum: 1, maximum: 5 },
					note: { type: ['string', 'null'] },
				},
			},
		},
	},
};

describe('OpenAI Responses emulation', () => {
	let sim: RunningSimulator;
	const call = (body: unknown, key = SIM_OPENAI_API_KEY) =>
		fetch(`${sim.openAiBaseUrl}/responses`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const request = { model: 'gpt-5-mini', input: 'Ads: 120400100000000001 spend 50, 120400100000000002 spend 80', store: false, text: { format: { type: 'json_schema', name: 'plan', strict: true, schema: SCHEMA } } };

	beforeAll(async () => {
		sim = await startTestSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('rejects a bad key with invalid_api_key', async () => {
		const response = await call(request, 'sk-wrong');
		expect(response.status).toBe(401);
		expect((await response.json() as any).error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
	});

	it('lists models', async () => {
		const response = await fetch(`${sim.openAiBaseUrl}/models`, { headers: { authorization: `Bearer ${SIM_OPENAI_API_KEY}` } });
		const body = await response.json() as any;
		expect(body.data.map((m: { id: string }) => m.id)).toContain('gpt-5-mini');
	});

	it('answers strict json_schema requests with JSON that satisfies the schema, deterministically', async () => {
		const body = await (await call(request)).json() as any;
		expect(body).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-5-mini' });
		expect(body.usage.total_tokens).toBe(body.usage.input_tokens + body.usage.output_tokens);
		const text = body.output[0].content[0].text;
		const plan = JSON.parse(text);
		expect(Object.keys(plan).sort()).toEqual(['actions', 'summary']);
		expect(plan.summary.length).toBeLessThanOrEqual(40);
		expect(plan.actions.length).toBeGreaterThanOrEqual(1);
		expect(plan.actions.length).toBeLessThanOrEqual(3);
		for (const action of plan.actions) {
			expect(['120400100000000001', '120400100000000002']).toContain(action.entityId);
			expect(['pause', 'increase_budget', 'decrease_budget']).toContain(action.action);
			expect(action.changePct).toBeGreaterThanOrEqual(-20);
			expect(action.changePct).toBeLessThanOrEqual(20);
			expect(Number.isInteger(action.confidence)).toBe(true);
			expect(action.note === null || typeof action.note === 'string').toBe(true);
		}
		const again = await (await call(request)).json() as any;
		expect(again.output[0].content[0].text).toBe(text);
	});

	it('plays scripted answers, refusals, truncation and both kinds of 429', async () => {
		sim.setOpenAiKnobs({ script: [{ status: 500, body: { error: { message: 'boom', type: 'server_error' } } }], nextRefusals: 1, nextIncomplete: 1 });
		expect((await call(request)).status).toBe(500);
		const refusal = await (await call(request)).json() as any;
		expect(refusal.output[0].content[0].type).toBe('refusal');
		const incomplete = await (await call(request)).json() as any;
		expect(incomplete).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
		sim.setOpenAiKnobs({ nextRateLimits: 1, rateLimitKind: 'rate_limit' });
		const limited = await call(request);
		expect(limited.status).toBe(429);
		expect((await limited.json() as any).error.code).toBe('rate_limit_exceeded');
		sim.setOpenAiKnobs({ nextRateLimits: 1, rateLimitKind: 'insufficient_quota' });
		expect((await (await call(request)).json() as any).error.code).toBe('insufficient_quota');
		expect((await call(request)).status).toBe(200);
	});

	it('rejects a non-object root schema', async () => {
		const response = await call({ ...request, text: { format: { type: 'json_schema', name: 'x', strict: true, schema: { type: 'array' } } } });
		expect(response.status).toBe(400);
	});
});
