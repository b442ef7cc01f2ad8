/** Shared helpers for simulator tests: a started simulator and thin Graph/OpenAI callers over plain fetch. */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';

export const TODAY = '2026-11-20';

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	return startSimulator({ ...options, dataset: { today: TODAY, ...options.dataset } });
}

export interface GraphAnswer {
	status: number;
	headers: Headers;
	body: any;
}

async function read(response: Response): Promise<GraphAnswer> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// non-JSON bodies (e.g. a 502 page) stay text
	}
	return { status: response.status, headers: response.headers, body };
}

function encode(params: Record<string, unknown>): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
	return search.toString();
}

export function graph(sim: RunningSimulator, token = SIM_META_ACCESS_TOKEN) {
	const auth = { authorization: `Bearer ${token}` };
	return {
		get: async (path: string, params: Record<string, unknown> = {}) => {
			const query = encode(params);
			return read(await fetch(`${sim.metaBaseUrl}/v25.0${path}${query ? `?${query}` : ''}`, { headers: auth }));
		},
		/** Follows an absolute `paging.next` URL as a client would. */
		getUrl: async (url: string) => read(await fetch(url, { headers: auth })),
		post: async (path: string, params: Record<string, unknown> = {}) =>
			read(await fetch(`${sim.metaBaseUrl}/v25.0${path}`, {
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
				body: encode(params),
			})),
		postForm: async (path: string, form: FormData) => read(await fetch(`${sim.metaBaseUrl}/v25.0${path}`, { method: 'POST', headers: auth, body: form })),
		delete: async (path: string, params: Record<string, unknown> = {}) => {
			const query = encode(params);
			return read(await fetch(`${sim.metaBaseUrl}/v25.0${path}${query ? `?${query}` : ''}`, { method: 'DELETE', headers: auth }));
		},
	};
}

/** The first ad account of the seeded dataset, e.g. `act_10001…`. */
export async function firstAccount(sim: RunningSimulator): Promise<string> {
	const answer = await graph(sim).get('/me/adaccounts', { fields: 'id,currency' });
	return answer.body.data[0].id as string;
}
