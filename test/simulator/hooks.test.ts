import { startSimulator, type RunningSimulator } from '../../simulator/server';

describe('simulator: incoming-webhook recorder', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => sim.close());

	it('answers like Slack and keeps every message, JSON parsed', async () => {
		const answer = await fetch(`${sim.hooksBaseUrl}/slack`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ text: 'CPA above target on Ad Set 7' }),
		});
		expect(answer.status).toBe(200);
		expect(await answer.text()).toBe('ok');
		await fetch(`${sim.hooksBaseUrl}/callback/42`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'done' });

		expect(sim.hookMessages().map((m) => [m.path, m.body])).toEqual([
			['/slack', { text: 'CPA above target on Ad Set 7' }],
			['/callback/42', 'done'],
		]);
		const listed = (await (await fetch(sim.hooksBaseUrl)).json()) as { messages: unknown[] };
		expect(listed.messages).toHaveLength(2);
	});

	it('forgets messages on DELETE and on reset', async () => {
		await fetch(`${sim.hooksBaseUrl}/slack`, { method: 'POST', body: 'x' });
		await fetch(sim.hooksBaseUrl, { method: 'DELETE' });
		expect(sim.hookMessages()).toEqual([]);
		await fetch(`${sim.hooksBaseUrl}/slack`, { method: 'POST', body: 'y' });
		sim.reset();
		expect(sim.hookMessages()).toEqual([]);
	});
});
