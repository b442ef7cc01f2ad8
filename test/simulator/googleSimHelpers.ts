import type { DatasetSettings, SimContext, SimRequest, SimResponse } from '../../simulator/types';
import {
	SIM_GOOGLE_CLIENT_ID,
	SIM_GOOGLE_CLIENT_SECRET,
	SIM_GOOGLE_DEVELOPER_TOKEN,
	SIM_GOOGLE_REFRESH_TOKEN,
} from '../../simulator/credentials';
import { ChangeLog } from '../../simulator/core/changeLog';
import { createGoogleApi, MANAGER_ID } from '../../simulator/google';

export const SMALL_DATASET: DatasetSettings = {
	seed: 7,
	days: 10,
	today: '2026-11-20',
	accounts: 2,
	campaignsPerAccount: 4,
	adSetsPerCampaign: 2,
	adsPerAdSet: 3,
};

export function fakeSimContext(dataset: DatasetSettings = SMALL_DATASET): SimContext & { counts: Record<string, number> } {
	const counts: Record<string, number> = {};
	const now = () => Date.parse(`${dataset.today}T12:00:00Z`);
	return {
		counts,
		faults: { errorRate: 0, kinds: [], latencyMs: 0, throttle: null, seed: 1 },
		dataset,
		count: (label) => (counts[label] = (counts[label] ?? 0) + 1),
		random: () => 0.5,
		now,
		changes: new ChangeLog(now),
	};
}

/** Calls the module's handle() directly, the way the core would. */
export function simClient(dataset: DatasetSettings = SMALL_DATASET) {
	const api = createGoogleApi(dataset);
	const ctx = fakeSimContext(dataset);
	let accessToken = '';
	const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<SimResponse> => {
		const req: SimRequest = {
			method,
			path,
			query: new URLSearchParams(),
			headers: { 'content-type': 'application/json', ...headers },
			body: Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
		};
		return (await api.handle(req, ctx)) ?? api.notFound(req);
	};
	return {
		api,
		ctx,
		call,
		async login(): Promise<string> {
			const form = new URLSearchParams({
				grant_type: 'refresh_token',
				client_id: SIM_GOOGLE_CLIENT_ID,
				client_secret: SIM_GOOGLE_CLIENT_SECRET,
				refresh_token: SIM_GOOGLE_REFRESH_TOKEN,
			}).toString();
			const res = await call('POST', '/oauth/token', form, { 'content-type': 'application/x-www-form-urlencoded' });
			accessToken = (res.body as { access_token: string }).access_token;
			return accessToken;
		},
		/** An authorized API call through the manager. */
		async api26(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
			return await call(method, `/v26/${path}`, body, {
				authorization: `Bearer ${accessToken}`,
				'developer-token': SIM_GOOGLE_DEVELOPER_TOKEN,
				'login-customer-id': MANAGER_ID,
				...extra,
			});
		},
	};
}
