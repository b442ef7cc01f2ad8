import type { RunningSimulator } from '../../simulator/server';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import { firstAccount, startTestSimulator } from './helpers';

async function batch(sim: RunningSimulator, items: unknown[]) {
	const response = await fetch(`${sim.metaBaseUrl}/v25.0/`, {
		method: 'POST',
		headers: { authorization: `Bearer ${SIM_META_ACCESS_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ batch: JSON.stringify(items), include_headers: 'true' }).toString(),
	});
	return { status: response.status, body: (await response.json()) as any };
}

describe('Meta batch', () => {
	let sim: RunningSimulator;
	let account: string;
	beforeAll(async () => {
		sim = await startTestSimulator();
		account = await firstAccount(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('runs sub-requests and answers {code, headers, body-as-string}', async () => {
		const campaigns = await batch(sim, [{ method: 'GET', relative_url: `${account}/campaigns?fields=id,name&limit=2` }]);
		const first = JSON.parse(campaigns.body[0].body);
		const id = first.data[0].id;
		const answer = await batch(sim, [
			{ method: 'POST', relative_url: id, body: 'name=Renamed%20in%20batch' },
			{ method: 'GET', relative_url: `v25.0/${id}?fields=name` },
			{ method: 'GET', relative_url: 'does-not-exist' },
		]);
		expect(answer.status).toBe(200);
		expect(answer.body).toHaveLength(3);
		expect(answer.body[0]).toMatchObject({ code: 200, body: JSON.stringify({ success: true }) });
		expect(JSON.parse(answer.body[1].body)).toEqual({ id, name: 'Renamed in batch' });
		expect(answer.body[1].headers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'x-app-usage' })]));
		expect(answer.body[2].code).toBe(400);
		expect(JSON.parse(answer.body[2].body).error.code).toBe(100);
		expect(sim.counts()['meta batch POST /{id}']).toBe(1);
	});

	it('refuses more than 50 sub-requests', async () => {
		const items = Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'me' }));
		const answer = await batch(sim, items);
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toContain('Maximum batch size is 50');
	});

	it('injects faults into individual sub-requests', async () => {
		sim.setFaults({ errorRate: 0.5, seed: 3, kinds: [{ kind: 'metaCode', code: 613 }] });
		// The outer request may itself be faulted; retry until it goes through like a client would.
		let answer = await batch(sim, Array.from({ length: 20 }, () => ({ method: 'GET', relative_url: 'me' })));
		while (!Array.isArray(answer.body)) answer = await batch(sim, Array.from({ length: 20 }, () => ({ method: 'GET', relative_url: 'me' })));
		const codes = answer.body.map((item: { code: number }) => item.code);
		expect(codes).toContain(200);
		expect(codes).toContain(400);
		const failed = answer.body.find((item: { code: number }) => item.code === 400);
		expect(JSON.parse(failed.body).error.code).toBe(613);
	});
});
