import type { RunningSimulator } from '../../simulator/server';
import { SIM_OPENAI_API_KEY } from '../../simulator/credentials';
import { argumentsFor, assistantTurn, ctrLines, pickTool, type FunctionTool } from '../../simulator/openai/assistant';
import { startTestSimulator } from './helpers';

// The tools as n8n's AI Agent sends them for the chat template (names from node names, $fromAI arguments).
const TOOLS: FunctionTool[] = [
	{ type: 'function', name: 'Meta_campaign_insights', description: 'Meta Ads metrics per campaign', parameters: { properties: { datePreset: { type: 'string', description: 'Meta date preset: today, yesterday, last_7d' } }, required: ['datePreset'] } },
	{ type: 'function', name: 'Meta_ad_set_insights', description: 'Meta Ads metrics per ad set', parameters: { properties: { datePreset: { type: 'string', description: 'Meta date preset' } } } },
	{ type: 'function', name: 'Google_Ads_campaign_report', description: 'Google Ads metrics per campaign', parameters: { properties: { dateRange: { type: 'string', description: 'Google Ads date range: TODAY, YESTERDAY, LAST_7_DAYS' } } } },
];

const ROWS = [
	{ campaignName: 'Spring', entityName: 'Spring', impressions: 1000, clicks: 25, spend: 10, currency: 'EUR' },
	{ campaignName: 'Winter', entityName: 'Winter', impressions: 2000, clicks: 20, spend: 5, currency: 'EUR' },
	{ campaignName: 'Spring', entityName: 'Spring', impressions: 1000, clicks: 15, spend: 2.5, currency: 'EUR' },
];

describe('scripted assistant', () => {
	it('picks the tool for the platform and level the question names', () => {
		expect(pickTool('What was CTR by campaign yesterday?', TOOLS)?.name).toBe('Meta_campaign_insights');
		expect(pickTool('Which ad sets would you pause?', TOOLS)?.name).toBe('Meta_ad_set_insights');
		expect(pickTool('Google campaigns last week?', TOOLS)?.name).toBe('Google_Ads_campaign_report');
	});

	it('fills date arguments in the vocabulary each tool describes', () => {
		expect(argumentsFor('CTR yesterday?', TOOLS[0])).toEqual({ datePreset: 'yesterday' });
		expect(argumentsFor('CTR yesterday?', TOOLS[2])).toEqual({ dateRange: 'YESTERDAY' });
	});

	it('sums clicks and impressions per campaign before dividing (not an average of CTRs), highest first', () => {
		expect(ctrLines(ROWS)).toEqual([
			'- Spring: CTR 2.00 % (40 clicks / 2000 impressions, spend 12.50 EUR)',
			'- Winter: CTR 1.00 % (20 clicks / 2000 impressions, spend 5.00 EUR)',
		]);
	});

	it('calls a tool first, then answers from the tool output that follows the question', () => {
		const question = { role: 'user', content: 'What was CTR by campaign yesterday?' };
		expect(assistantTurn([question], TOOLS)).toMatchObject({ kind: 'call', tool: { name: 'Meta_campaign_insights' }, arguments: { datePreset: 'yesterday' } });
		const output = { type: 'function_call_output', call_id: 'c1', output: JSON.stringify(ROWS) };
		const turn = assistantTurn([question, { type: 'function_call', call_id: 'c1', name: 'Meta_campaign_insights' }, output], TOOLS);
		expect(turn).toEqual({ kind: 'answer', text: expect.stringMatching(/^CTR by campaign \(yesterday\), from 3 row\(s\):\n- Spring: CTR 2.00 %/) });
		// A new question after an earlier tool output calls a tool again (memory replays old turns).
		const next = assistantTurn([question, output, { role: 'assistant', content: 'CTR…' }, { role: 'user', content: 'Which ad sets would you pause?' }], TOOLS);
		expect(next).toMatchObject({ kind: 'call', tool: { name: 'Meta_ad_set_insights' } });
	});
});

describe('Responses API with function tools', () => {
	let sim: RunningSimulator;
	const call = (body: unknown) =>
		fetch(`${sim.openAiBaseUrl}/responses`, { method: 'POST', headers: { authorization: `Bearer ${SIM_OPENAI_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
	beforeAll(async () => {
		sim = await startTestSimulator();
	});
	afterAll(() => sim.close());

	it('answers with a function_call item, then with a message built from the function_call_output', async () => {
		const input = [{ role: 'system', content: 'You are AdPilot.' }, { role: 'user', content: 'What was CTR by campaign yesterday?' }];
		const first = (await (await call({ model: 'gpt-4.1-mini', input, tools: TOOLS })).json()) as any;
		expect(first.status).toBe('completed');
		expect(first.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'Meta_campaign_insights', arguments: '{"datePreset":"yesterday"}', call_id: expect.any(String) })]);
		const callId = first.output[0].call_id;
		const second = (await (await call({ model: 'gpt-4.1-mini', input: [...input, first.output[0], { type: 'function_call_output', call_id: callId, output: JSON.stringify(ROWS) }], tools: TOOLS })).json()) as any;
		expect(second.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
		expect(second.output[0].content[0].text).toContain('- Winter: CTR 1.00 %');
	});

	it('refuses to stream (n8n must be set not to) instead of answering in the wrong framing', async () => {
		const response = await call({ model: 'gpt-4.1-mini', input: 'hi', tools: TOOLS, stream: true });
		expect(response.status).toBe(400);
		expect(((await response.json()) as any).error.param).toBe('stream');
	});
});
