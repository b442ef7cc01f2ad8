/** Subscribing on activation and unsubscribing on deactivation, against the simulator's Graph. */
import type { IDataObject } from 'n8n-workflow';

import { MetaAdsTrigger } from '../../nodes/MetaAdsTrigger/MetaAdsTrigger.node';
import { SIM_META_APP_ID, SIM_META_APP_SECRET } from '../../simulator/credentials';
import { SIM_META_PAGE_ID } from '../../simulator/meta/webhooks';
import type { RunningSimulator } from '../../simulator/server';
import { graph } from '../simulator/helpers';
import { credentialsFor, startSmallSimulator, triggerParameters, VERIFY_TOKEN, type SimIds } from './fixtures';
import { createHookContext } from './triggerServer';

let sim: RunningSimulator;
let ids: SimIds;
const CALLBACK = 'https://n8n.example.com/webhook/5d1c/webhook';
const methods = new MetaAdsTrigger().webhookMethods.default;
const appToken = `${SIM_META_APP_ID}|${SIM_META_APP_SECRET}`;

beforeAll(async () => {
	({ sim, ids } = await startSmallSimulator());
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const hook = (parameters: IDataObject) => createHookContext({ parameters: triggerParameters({ subscription: 'automatic', appId: SIM_META_APP_ID, ...parameters }), credentials: credentialsFor(sim), webhookUrl: CALLBACK });

describe('ad account subscription', () => {
	it('subscribes the app with our URL and fields, installs it on the account, and finds it afterwards', async () => {
		const ctx = hook({ adAccountId: `act_${ids.accountId}`, fields: ['with_issues_ad_objects', 'creative_fatigue'] });
		expect(await methods.checkExists.call(ctx)).toBe(false);
		expect(await methods.create.call(ctx)).toBe(true);
		const subscriptions = await graph(sim, appToken).get(`/${SIM_META_APP_ID}/subscriptions`);
		expect(subscriptions.body.data).toEqual([
			{ object: 'ad_account', callback_url: CALLBACK, active: true, fields: [{ name: 'with_issues_ad_objects', version: 'v25.0' }, { name: 'creative_fatigue', version: 'v25.0' }] },
		]);
		const installed = await graph(sim).get(`/act_${ids.accountId}/subscribed_apps`);
		expect(installed.body.data.map((a: IDataObject) => a.id)).toEqual([SIM_META_APP_ID]);
		expect(await methods.checkExists.call(hook({ adAccountId: ids.accountId, fields: ['with_issues_ad_objects', 'creative_fatigue'] }))).toBe(true);
		// Another field than the ones subscribed → not there yet.
		expect(await methods.checkExists.call(hook({ adAccountId: ids.accountId, fields: ['ad_recommendations'] }))).toBe(false);
	});

	it('uses the app token only for the app subscription, and the header naming the app never leaves', async () => {
		const ctx = hook({ adAccountId: ids.accountId });
		await methods.create.call(ctx);
		const [app, account] = ctx.sentRequests;
		expect(app.url).toMatch(new RegExp(`/${SIM_META_APP_ID}/subscriptions$`));
		expect(app.headers.Authorization).toBe(`Bearer ${appToken}`);
		expect(app.body).toMatchObject({ object: 'ad_account', callback_url: CALLBACK, verify_token: VERIFY_TOKEN });
		expect(account.url).toMatch(new RegExp(`/act_${ids.accountId}/subscribed_apps$`));
		expect(account.headers.Authorization).toBe('Bearer sim-meta-token');
		for (const request of ctx.sentRequests) expect(Object.keys(request.headers).map((h) => h.toLowerCase())).not.toContain('x-adpilot-app-token');
	});

	it('unsubscribes on deactivation', async () => {
		const ctx = hook({ adAccountId: ids.accountId });
		await methods.create.call(ctx);
		expect(await methods.delete.call(ctx)).toBe(true);
		expect((await graph(sim, appToken).get(`/${SIM_META_APP_ID}/subscriptions`)).body.data).toEqual([]);
		expect((await graph(sim).get(`/act_${ids.accountId}/subscribed_apps`)).body.data).toEqual([]);
	});

	it('does not fail deactivation when Meta refuses, and logs why without secrets', async () => {
		const ctx = hook({ adAccountId: ids.accountId, appId: '4242' });
		expect(await methods.delete.call(ctx)).toBe(false);
		expect(ctx.logs.join('\n')).toMatch(/unsubscribing failed/);
		expect(ctx.logs.join('\n')).not.toContain(SIM_META_APP_SECRET);
	});

	it('names the missing setting instead of calling Meta', async () => {
		await expect(methods.create.call(hook({ adAccountId: ids.accountId, appId: '' }))).rejects.toThrow(/App ID must be the numeric id/);
		await expect(methods.create.call(hook({ adAccountId: 'my account' }))).rejects.toThrow(/Ad Account ID must be numeric/);
		await expect(methods.create.call(hook({ adAccountId: ids.accountId, fields: [] }))).rejects.toThrow('Pick at least one field under Fields to subscribe to');
	});
});

describe('page (Lead Ads) subscription', () => {
	it('reads a Page token and installs the app on the page for leadgen', async () => {
		const ctx = hook({ object: 'page', pageId: SIM_META_PAGE_ID });
		expect(await methods.checkExists.call(ctx)).toBe(false);
		await methods.create.call(ctx);
		const pageToken = `sim-page-token-${SIM_META_PAGE_ID}`;
		const installed = await graph(sim, pageToken).get(`/${SIM_META_PAGE_ID}/subscribed_apps`);
		expect(installed.body.data).toEqual([{ id: SIM_META_APP_ID, subscribed_fields: ['leadgen'] }]);
		expect((await graph(sim, appToken).get(`/${SIM_META_APP_ID}/subscriptions`)).body.data[0]).toMatchObject({ object: 'page', fields: [{ name: 'leadgen', version: 'v25.0' }] });
		expect(await methods.checkExists.call(ctx)).toBe(true);
		await methods.delete.call(ctx);
		expect((await graph(sim, pageToken).get(`/${SIM_META_PAGE_ID}/subscribed_apps`)).body.data).toEqual([]);
	});
});

describe('manual subscription', () => {
	it('touches nothing at Meta', async () => {
		const ctx = hook({ subscription: 'manual', adAccountId: ids.accountId });
		expect(await methods.checkExists.call(ctx)).toBe(true);
		expect(await methods.create.call(ctx)).toBe(true);
		expect(await methods.delete.call(ctx)).toBe(true);
		expect(ctx.sentRequests).toHaveLength(0);
	});
});

describe('simulator: webhook endpoints answer like Graph', () => {
	it('refuses a user token on app subscriptions (#15) and on page subscribed_apps (#210)', async () => {
		expect((await graph(sim).get(`/${SIM_META_APP_ID}/subscriptions`)).body.error.code).toBe(15);
		expect((await graph(sim).get(`/${SIM_META_PAGE_ID}/subscribed_apps`)).body.error.code).toBe(210);
	});

	it('refuses app and page tokens on ordinary ads endpoints', async () => {
		expect((await graph(sim, appToken).get(`/act_${ids.accountId}/campaigns`)).body.error.code).toBe(200);
	});
});
