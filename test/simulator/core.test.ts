import type { RunningSimulator } from '../../simulator/server';
import { graph, startTestSimulator } from './helpers';

describe('simulator core', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startTestSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('publishes base URLs on loopback', () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.metaBaseUrl).toBe(`${sim.url}/meta`);
		expect(sim.googleTokenUrl).toBe(`${sim.url}/google/oauth/token`);
		expect(sim.openAiBaseUrl).toBe(`${sim.url}/openai/v1`);
	});

	it('counts every request per endpoint label, faulted ones included', async () => {
		const g = graph(sim);
		await g.get('/me');
		await g.get('/me/adaccounts');
		const account = (await g.get('/me/adaccounts')).body.data[0].id;
		await g.get(`/${account}/insights`);
		sim.setFaults({ errorRate: 1, kinds: [{ kind: 'http5xx', status: 503 }] });
		const faulted = await g.get(`/${account}/insights`);
		expect(faulted.status).toBe(503);
		expect(sim.counts()).toEqual({ 'meta GET /me': 1, 'meta GET /me/adaccounts': 2, 'meta GET /insights': 2 });
		expect(sim.totalRequests()).toBe(5);
		sim.resetCounts();
		expect(sim.totalRequests()).toBe(0);
	});

	it('draws faults deterministically for a seed', async () => {
		const pattern = async () => {
			sim.setFaults({ errorRate: 0.3, seed: 42, kinds: [{ kind: 'metaCode', code: 17 }, { kind: 'http5xx', status: 500 }] });
			const statuses: string[] = [];
			for (let i = 0; i < 40; i++) {
				const answer = await graph(sim).get('/me');
				statuses.push(answer.status === 200 ? 'ok' : `${answer.status}:${answer.body?.error?.code}`);
			}
			return statuses;
		};
		const first = await pattern();
		const second = await pattern();
		expect(second).toEqual(first);
		const failures = first.filter((s) => s !== 'ok').length;
		// 30 % of 40 with some spread; both kinds appear.
		expect(failures).toBeGreaterThan(4);
		expect(failures).toBeLessThan(22);
		expect(new Set(first.filter((s) => s !== 'ok'))).toEqual(new Set(['400:17', '500:2']));
	});

	it('adds latency', async () => {
		sim.setFaults({ latencyMs: 120 });
		const started = Date.now();
		await graph(sim).get('/me');
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('answers throttled Meta calls with 80004, full usage and a regain time, then recovers', async () => {
		sim.setFaults({ throttle: { forMs: 400, regainMinutes: 7 } });
		const account = 'act_' + sim.dataset.seed; // any path is throttled
		const throttled = await graph(sim).get(`/${account}/campaigns`);
		expect(throttled.status).toBe(400);
		expect(throttled.body.error.code).toBe(80004);
		expect(throttled.body.error.is_transient).toBe(true);
		expect(JSON.parse(throttled.headers.get('x-app-usage')!).call_count).toBe(100);
		await new Promise((resolve) => setTimeout(resolve, 450));
		expect((await graph(sim).get('/me')).status).toBe(200);
	});

	it('is steerable over the /_sim admin surface', async () => {
		const post = (path: string, body: unknown) => fetch(`${sim.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
		await graph(sim).get('/me');
		const counts = await (await fetch(`${sim.url}/_sim/counts`)).json();
		expect(counts).toEqual({ total: 1, counts: { 'meta GET /me': 1 } });
		await post('/_sim/faults', { errorRate: 1, kinds: [{ kind: 'http5xx', status: 502 }] });
		const failed = await graph(sim).get('/me');
		expect(failed.status).toBe(502);
		expect(failed.body).toBe('Bad Gateway');
		await post('/_sim/meta', { asyncPollsToComplete: 7 });
		expect(sim.metaKnobs().asyncPollsToComplete).toBe(7);
		await post('/_sim/reset', {});
		expect(sim.faults().errorRate).toBe(0);
		expect(sim.metaKnobs().asyncPollsToComplete).toBe(3);
		expect((await graph(sim).get('/me')).status).toBe(200);
		expect((await fetch(`${sim.url}/_sim/nope`)).status).toBe(404);
	});
});
