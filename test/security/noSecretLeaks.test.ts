import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { AdsApply } from '../../nodes/AdsApply/AdsApply.node';
import { GoogleAds } from '../../nodes/GoogleAds/GoogleAds.node';
import { MetaAds } from '../../nodes/MetaAds/MetaAds.node';
import { graphRequest } from '../../nodes/MetaAds/transport';
import {
	SIM_GOOGLE_CLIENT_SECRET,
	SIM_GOOGLE_DEVELOPER_TOKEN,
	SIM_GOOGLE_REFRESH_TOKEN,
	SIM_META_ACCESS_TOKEN,
} from '../../simulator/credentials';
import { MANAGER_ID } from '../../simulator/google/store';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { createExecuteContext } from '../helpers';
import { simulatorCredentials } from '../helpers/simulatorCredentials';
import { deepText } from './deepText';

/**
 * No token is ever printed, returned or logged. Each scenario runs a node
 * with secrets and scans what it produced (items, thrown errors with all
 * their fields, console output) for every secret it was given.
 */

const CANARY = {
	metaToken: 'EAAcanaryMetaToken0000leakcheck',
	appSecret: 'canary-app-secret-0000',
	googleRefresh: '1//canary-google-refresh-0000',
	googleSecret: 'canary-google-client-secret',
	developerToken: 'canary-developer-token-0000',
};

let sim: RunningSimulator;
let printed: string[] = [];
const consoleSpies: jest.SpyInstance[] = [];
const writeSpies: jest.SpyInstance[] = [];

beforeAll(async () => {
	sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 2, campaignsPerAccount: 2, adSetsPerCampaign: 2, adsPerAdSet: 2 } });
});
afterAll(async () => sim.close());

beforeEach(() => {
	printed = [];
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		consoleSpies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(deepText(args))));
	}
	for (const stream of [process.stdout, process.stderr]) {
		const original = stream.write.bind(stream);
		writeSpies.push(
			jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
				printed.push(String(chunk));
				return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
			}) as never),
		);
	}
});
afterEach(() => {
	for (const spy of [...consoleSpies, ...writeSpies]) spy.mockRestore();
	consoleSpies.length = 0;
	writeSpies.length = 0;
});

const metaCredential = (meta: ICredentialDataDecryptedObject = {}) => simulatorCredentials(sim, { meta });
const googleCredential = (google: ICredentialDataDecryptedObject = {}) => simulatorCredentials(sim, { google });

/** Runs the node both ways (error items, and thrown) and returns everything it produced. */
async function produced(node: INodeType, parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<string> {
	const texts: string[] = [];
	for (const continueOnFail of [true, false]) {
		const ctx = createExecuteContext({ parameters, credentials, continueOnFail, nodeType: node });
		try {
			texts.push(deepText(await node.execute!.call(ctx)));
		} catch (error) {
			texts.push(deepText(error));
		}
	}
	return [...texts, ...printed].join('\n');
}

function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets) expect(text.includes(secret)).toBe(false);
}

const metaAccounts = { resource: 'adAccount', operation: 'getMany', returnAll: true };
const metaInsights = {
	resource: 'insights',
	operation: 'get',
	scope: 'account',
	adAccountId: { __rl: true, mode: 'id', value: '100010000000001' },
	level: 'campaign',
	dateMode: 'preset',
	datePreset: 'last_7d',
	timeIncrement: 'daily',
};
const googleReport = {
	authentication: 'refreshToken',
	resource: 'report',
	operation: 'get',
	customerId: { __rl: true, mode: 'id', value: String(Number(MANAGER_ID) + 1) },
	mode: 'builder',
	level: 'campaign',
	datePreset: 'LAST_7_DAYS',
	daily: true,
	output: 'normalized',
};

describe('no secret leaves a node', () => {
	it('Meta: an invalid token (code 190) is reported without the token', async () => {
		const text = await produced(new MetaAds(), metaAccounts, metaCredential({ accessToken: CANARY.metaToken }));
		expect(text).toContain('190');
		expectNoSecrets(text, [CANARY.metaToken]);
	});

	it('Meta: a wrong app secret is reported without the secret or the token', async () => {
		const text = await produced(new MetaAds(), metaInsights, metaCredential({ appSecret: CANARY.appSecret }));
		expectNoSecrets(text, [CANARY.appSecret, SIM_META_ACCESS_TOKEN]);
	});

	it('Meta: an unreachable host is reported, after retries, without the token', async () => {
		const ctx = createExecuteContext({ credentials: metaCredential({ accessToken: CANARY.metaToken, baseUrl: 'http://127.0.0.1:9' }) });
		// Connection failures are retried with backoff; skip the waiting, keep the behaviour.
		const error = await graphRequest(ctx, { method: 'GET', path: '/me/adaccounts', options: { sleep: async () => {} } }).catch((e: unknown) => e);
		const text = [deepText(error), ...printed].join('\n');
		expect(text).toMatch(/Could not reach the Meta API/);
		expectNoSecrets(text, [CANARY.metaToken]);
	});

	it('Meta: successful reads (paged accounts, insights) carry no token', async () => {
		const text = (await produced(new MetaAds(), metaAccounts, metaCredential())) + (await produced(new MetaAds(), metaInsights, metaCredential()));
		expect(text).toContain('adpilot.metricRow/v1');
		expectNoSecrets(text, [SIM_META_ACCESS_TOKEN]);
	});

	it('Google: a refused refresh token is reported without the refresh token, client secret or developer token', async () => {
		const text = await produced(
			new GoogleAds(),
			googleReport,
			googleCredential({ refreshToken: CANARY.googleRefresh, clientSecret: CANARY.googleSecret, developerToken: CANARY.developerToken }),
		);
		expectNoSecrets(text, [CANARY.googleRefresh, CANARY.googleSecret, CANARY.developerToken]);
	});

	it('Google: a rejected developer token is reported without it or the access token', async () => {
		const text = await produced(new GoogleAds(), googleReport, googleCredential({ developerToken: CANARY.developerToken }));
		expect(text).toMatch(/developer/i);
		expectNoSecrets(text, [CANARY.developerToken, 'sim-google-access-']);
	});

	it('Google: a successful report carries no secret', async () => {
		const text = await produced(new GoogleAds(), googleReport, googleCredential());
		expect(text).toContain('adpilot.metricRow/v1');
		expectNoSecrets(text, [SIM_GOOGLE_REFRESH_TOKEN, SIM_GOOGLE_CLIENT_SECRET, SIM_GOOGLE_DEVELOPER_TOKEN, 'sim-google-access-']);
	});
});

describe('no secret leaves Ads Apply', () => {
	const metaAction = {
		schema: 'adpilot.action/v1', platform: 'meta', accountId: '100010000000001', level: 'adSet', entityId: '120300100000000001', kind: 'pause', params: {},
		reason: 'leak check', evidence: [], source: { type: 'manual' }, idempotencyKey: 'leak-1', decidedAt: '2026-11-20T00:00:00Z',
	};
	const googleAction = { ...metaAction, platform: 'google', accountId: String(Number(MANAGER_ID) + 1), level: 'campaign', entityId: '20000001', idempotencyKey: 'leak-2' };

	async function producedByApply(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<string> {
		const texts: string[] = [];
		for (const continueOnFail of [true, false]) {
			const ctx = createExecuteContext({ parameters: { authentication: 'refreshToken', ...parameters }, credentials, continueOnFail, inputItems: [{ json: metaAction }, { json: googleAction }] });
			try {
				texts.push(deepText(await new AdsApply().execute.call(ctx)));
			} catch (error) {
				texts.push(deepText(error));
			}
		}
		return [...texts, ...printed].join('\n');
	}

	it('bad Meta token and bad Google credentials: rejected items, no secret in them', async () => {
		const credentials = { ...simulatorCredentials(sim, { meta: { accessToken: CANARY.metaToken, appSecret: CANARY.appSecret }, google: { refreshToken: CANARY.googleRefresh, clientSecret: CANARY.googleSecret, developerToken: CANARY.developerToken } }) };
		const text = await producedByApply({ operation: 'apply', requireApprovedDigest: false }, credentials);
		expect(text).toContain('adpilot.audit/v1');
		expectNoSecrets(text, Object.values(CANARY));
	});

	it('a successful Plan and Apply on both platforms carry no secret', async () => {
		const text = (await producedByApply({ operation: 'plan' }, simulatorCredentials(sim))) + (await producedByApply({ operation: 'apply', requireApprovedDigest: false, guardrails: { cooldownHours: 0 } }, simulatorCredentials(sim)));
		expect(text).toContain('"applied":true');
		expectNoSecrets(text, [SIM_META_ACCESS_TOKEN, SIM_GOOGLE_REFRESH_TOKEN, SIM_GOOGLE_CLIENT_SECRET, SIM_GOOGLE_DEVELOPER_TOKEN, 'sim-google-access-']);
	});
});
