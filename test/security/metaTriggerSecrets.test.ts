/**
 * The Meta Ads Trigger holds two secrets: the access token and the app
 * secret (which also signs deliveries and forms the app token). Neither may
 * appear in what it answers Meta, the items it emits, its logs, or the
 * errors activation throws, even when everything fails.
 */
import { MetaAdsTrigger } from '../../nodes/MetaAdsTrigger/MetaAdsTrigger.node';
import { SIM_META_APP_ID } from '../../simulator/credentials';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { deliverMetaWebhook, metaNotification } from '../../simulator/webhooks/metaDelivery';
import { createHookContext, startTriggerServer } from '../metaAdsTrigger/triggerServer';
import { triggerParameters } from '../metaAdsTrigger/fixtures';
import { deepText } from './deepText';

const TOKEN = 'EAAcanaryTriggerToken0000leakcheck';
const SECRET = 'canary-trigger-app-secret-0000';

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 } });
});
afterAll(async () => await sim.close());

const credentials = () => ({ adPilotMetaAdsApi: { accessToken: TOKEN, appSecret: SECRET, apiVersion: 'v25.0', baseUrl: sim.metaBaseUrl } });

function expectClean(text: string) {
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(SECRET);
}

it('keeps both secrets out of answers, items and logs when re-reads fail', async () => {
	const trigger = await startTriggerServer({ parameters: triggerParameters(), credentials: credentials() });
	try {
		const payload = metaNotification('ad_account', [{ id: '100010000000001', time: 1795000000, changes: [{ field: 'with_issues_ad_objects', value: { id: '123', level: 'AD' } }] }]);
		const answers = [
			await deliverMetaWebhook(trigger.url, payload, { appSecret: SECRET }),
			await deliverMetaWebhook(trigger.url, payload, { appSecret: 'wrong' }),
			await deliverMetaWebhook(trigger.url, payload, { signature: 'none' }),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 401, 401]);
		// The simulator refused the canary token, so the item carries the re-read error.
		expect(trigger.executions[0][0].reRead).toMatchObject({ ok: false });
		expectClean(deepText([answers, trigger.executions, trigger.logs]));
	} finally {
		await trigger.close();
	}
});

it('keeps both secrets out of activation errors and deactivation logs', async () => {
	const methods = new MetaAdsTrigger().webhookMethods.default;
	const ctx = createHookContext({ parameters: triggerParameters({ subscription: 'automatic', appId: SIM_META_APP_ID, adAccountId: '100010000000001' }), credentials: credentials() });
	const error = await methods.create.call(ctx).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(Error);
	expect(await methods.delete.call(ctx)).toBe(false);
	expectClean(deepText([error, ctx.logs]));
});
