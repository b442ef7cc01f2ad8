/**
 * The trigger's front door over real HTTP: the verification handshake, and
 * signature checks on the raw bytes. A refused request must start nothing
 * and send nothing to Meta.
 */
import { deliverMetaWebhook, metaNotification, signMetaBody, verifyMetaCallback } from '../../simulator/webhooks/metaDelivery';
import type { RunningSimulator } from '../../simulator/server';
import { credentialsFor, startSmallSimulator, T0, triggerParameters, VERIFY_TOKEN, type SimIds } from './fixtures';
import { startTriggerServer, type RunningTrigger } from './triggerServer';

let sim: RunningSimulator;
let ids: SimIds;
let trigger: RunningTrigger;

beforeAll(async () => {
	({ sim, ids } = await startSmallSimulator());
});
afterAll(async () => await sim.close());
beforeEach(async () => {
	trigger = await startTriggerServer({ parameters: triggerParameters({ reRead: false }), credentials: credentialsFor(sim) });
});
afterEach(async () => await trigger.close());

const issue = () => metaNotification('ad_account', [{ id: ids.accountId, time: T0, changes: [{ field: 'with_issues_ad_objects', value: { id: ids.adId, level: 'AD', error_code: 1487, error_summary: 'Ad disapproved', error_message: 'Policy' } }] }]);

describe('verification handshake (GET)', () => {
	it('answers the challenge as plain text when mode and token match', async () => {
		const answer = await verifyMetaCallback(trigger.url, VERIFY_TOKEN, '887766');
		expect(answer).toEqual({ status: 200, text: '887766' });
	});

	it.each([
		['a wrong token', 'nope', 'subscribe'],
		['a token that is a prefix of the right one', VERIFY_TOKEN.slice(0, 5), 'subscribe'],
		['another mode', VERIFY_TOKEN, 'unsubscribe'],
	])('refuses %s with 403', async (_label, token, mode) => {
		const answer = await verifyMetaCallback(trigger.url, token, '887766', mode);
		expect(answer.status).toBe(403);
		expect(answer.text).not.toContain('887766');
		expect(trigger.executions).toHaveLength(0);
	});

	it('refuses everything while no verify token is configured', async () => {
		await trigger.close();
		trigger = await startTriggerServer({ parameters: triggerParameters({ verifyToken: '' }), credentials: credentialsFor(sim) });
		expect((await verifyMetaCallback(trigger.url, '', 'x')).status).toBe(403);
	});
});

describe('signature (POST)', () => {
	it('accepts a correctly signed delivery and starts one execution', async () => {
		const answer = await deliverMetaWebhook(trigger.url, issue());
		expect(answer).toEqual({ status: 200, text: 'EVENT_RECEIVED' });
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0][0]).toMatchObject({ field: 'with_issues_ad_objects', objectId: ids.adId, objectLevel: 'ad', accountId: ids.accountId });
	});

	const signedRight = () => signMetaBody(JSON.stringify(issue()));
	it.each([
		['missing', () => ({ signature: 'none' as const })],
		['signed with another secret', () => ({ appSecret: 'not-the-app-secret' })],
		['the right digest under an unknown prefix', () => ({ signature: { header: signedRight().replace('sha256=', 'sha1=') } })],
		['empty', () => ({ signature: { header: '' } })],
		['truncated', () => ({ signature: { header: signedRight().slice(0, 40) } })],
	])('answers 401 and starts nothing when the signature is %s', async (_label, options) => {
		const answer = await deliverMetaWebhook(trigger.url, issue(), options());
		expect(answer.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
		expect(trigger.sentRequests).toHaveLength(0);
		expect(trigger.staticData).toEqual({});
	});

	it('answers 401 when the credential has no App Secret (nothing can be verified)', async () => {
		await trigger.close();
		const credentials = credentialsFor(sim);
		credentials.adPilotMetaAdsApi = { ...credentials.adPilotMetaAdsApi, appSecret: '' };
		trigger = await startTriggerServer({ parameters: triggerParameters(), credentials });
		const answer = await deliverMetaWebhook(trigger.url, issue(), { appSecret: '' });
		expect(answer.status).toBe(401);
		expect(answer.text).toMatch(/no App Secret/);
		expect(trigger.executions).toHaveLength(0);
	});

	it('verifies the raw bytes: unicode, escapes and whitespace exactly as sent', async () => {
		// Pretty-printed, with a literal "ë", an escaped "\u00e9", an emoji and a trailing newline.
		const raw = `{\n  "object": "ad_account",\n  "entry": [ { "id": "${ids.accountId}", "time": ${T0},\n    "changes": [ { "field": "with_issues_ad_objects",\n      "value": { "id": "${ids.adId}", "level": "AD", "error_summary": "Zoë caf\\u00e9 🚀  disapproved" } } ] } ]\n}\n`;
		const accepted = await deliverMetaWebhook(trigger.url, raw);
		expect(accepted.status).toBe(200);
		expect(trigger.executions[0][0].value).toMatchObject({ error_summary: 'Zoë café 🚀  disapproved' });

		// The same JSON re-serialised is different bytes: a signature over it must not pass.
		const reserialised = JSON.stringify(JSON.parse(raw));
		const refused = await deliverMetaWebhook(trigger.url, raw, { signature: { header: signMetaBody(reserialised) } });
		expect(refused.status).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});

	it('answers 400 (and starts nothing) for a signed body that is not a Meta notification', async () => {
		const answer = await deliverMetaWebhook(trigger.url, { object: 'user', entry: [] });
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/"user"/);
		expect((await deliverMetaWebhook(trigger.url, 'not json')).status).toBe(400);
		expect(trigger.executions).toHaveLength(0);
	});
});
