/** The OpenAI key never appears in what Ads AI outputs, throws or prints, whatever happens to the call. */
import nock from 'nock';

import { deepText } from '../security/deepText';
import { API_KEY, runAi } from './context';
import { items, rowsFor, STANDARD } from './fixtures';
import { answer, HOST, openai, PATH } from './replies';

const params = { operation: 'recommendChanges', allowedActions: ['pause', 'notify'], maxBudgetChangePercent: 20, maxActions: 5, fallback: 'none', recentActions: '[]' };
const rows = items(rowsFor(STANDARD));

let printed: string[] = [];
const spies: jest.SpyInstance[] = [];
beforeEach(() => {
	printed = [];
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(deepText(args))));
});
afterEach(() => {
	for (const spy of spies) spy.mockRestore();
	spies.length = 0;
	nock.cleanAll();
});

async function outcome(): Promise<string> {
	try {
		const { out } = await runAi({ parameters: params, inputItems: rows });
		return deepText(out);
	} catch (error) {
		return deepText(error);
	}
}

it.each([
	['an answer', () => openai().post(PATH).reply(200, answer({ analysis: `key ${API_KEY.slice(0, 3)}`, actions: [] }))],
	['a 401 that echoes part of the key', () => openai().post(PATH).reply(401, { error: { message: `Incorrect API key provided: ${API_KEY.slice(0, 6)}***`, code: 'invalid_api_key' } })],
	['a 400', () => openai().post(PATH).reply(400, { error: { message: 'Unsupported parameter: temperature', code: 'unsupported_parameter' } })],
	['a network error', () => nock(HOST).post(PATH).replyWithError({ code: 'EPROTO', message: 'handshake failed' })],
	['retries that end in a fallback', () => openai().post(PATH).times(3).reply(500, {}, { 'retry-after-ms': '1' })],
])('on %s', async (_name, setup) => {
	setup();
	const text = await outcome();
	expect(text.length).toBeGreaterThan(0);
	expect(text).not.toContain(API_KEY);
	expect(printed.join('\n')).not.toContain(API_KEY);
});
