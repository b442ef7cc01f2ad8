// E2e cases that drive a PUBLISHED workflow through its production webhook on
// a running editor (the execute cases in cases.mjs cannot: `n8n execute` has
// no trigger payload). Each case gets { port, cookie, simulatorUrl } once the
// editor is up and the owner is logged in.
import assert from 'node:assert/strict';

import { SANDBOX_WEBHOOKS, webhookForm } from '../../scripts/lib/sandboxWebhooks.mjs';
import { simFetch } from './simFetch.mjs';

async function waitForHook(simulatorUrl, path, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const answer = await simFetch(`${simulatorUrl}/hooks`);
		const message = (await answer.json()).messages.find((m) => m.path === path);
		if (message) return message;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`no POST to ${path} reached the simulator's recorder within ${timeoutMs / 1000} s`);
}

/** Posts the sandbox webhook request (with `overrides` on its fields), retrying while n8n has not registered the webhook yet. */
async function postLaunch(port, simulatorUrl, overrides = {}) {
	const webhook = SANDBOX_WEBHOOKS.find((w) => w.workflowId === 'adpilotMetaHierarchy');
	const deadline = Date.now() + 30_000;
	let answer;
	let text = '';
	while (Date.now() < deadline) {
		const form = webhookForm({ ...webhook, fields: { ...webhook.fields, ...overrides } }, simulatorUrl);
		answer = await fetch(`http://127.0.0.1:${port}/webhook/${webhook.path}`, { method: 'POST', body: form });
		text = await answer.text();
		if (answer.status !== 404) break;
		await new Promise((r) => setTimeout(r, 1000));
	}
	assert.equal(answer.status, 202, `the webhook answered HTTP ${answer.status}: ${text.slice(0, 500)}`);
	return JSON.parse(text);
}

async function metaObject(simulatorUrl, id, fields) {
	const answer = await simFetch(`${simulatorUrl}/meta/v25.0/${id}?fields=${fields}`, {
		headers: { Authorization: 'Bearer sim-meta-token' },
	});
	const body = await answer.json();
	assert.ok(answer.ok, `GET ${id} from the simulator failed: ${JSON.stringify(body)}`);
	return body;
}

export const webhookCases = [
	{
		name: 'Template "Meta full hierarchy from a webhook": multipart POST → 202 → data table → image → campaign/ad set/creative/ad, all PAUSED → callback',
		workflowId: 'adpilotMetaHierarchy',
		async run({ port, simulatorUrl }) {
			await simFetch(`${simulatorUrl}/hooks`, { method: 'DELETE' });

			// The same request as the curl line `npm start` prints and README.md quotes; its client
			// is in the sandbox "adpilot_clients" data table, which only the sandbox set-up creates.
			const webhook = SANDBOX_WEBHOOKS.find((w) => w.workflowId === 'adpilotMetaHierarchy');
			const accepted = await postLaunch(port, simulatorUrl);
			assert.equal(accepted.accepted, true);
			assert.ok(accepted.requestId, 'no requestId in the 202 answer');

			const message = await waitForHook(simulatorUrl, '/callback', 60_000);
			const report = message.body;
			assert.equal(report.ok, true, `the workflow reported a failure: ${JSON.stringify(report)}`);
			assert.equal(String(report.requestId), String(accepted.requestId));
			assert.equal(report.client, webhook.fields.client);
			const { campaignId, adSetId, creativeId, adId, imageHash } = report.ids ?? {};
			for (const [key, value] of Object.entries({ campaignId, adSetId, creativeId, adId, imageHash })) {
				assert.ok(value, `the callback carries no ${key}: ${JSON.stringify(report.ids)}`);
			}
			assert.equal(report.ids.videoId, null);

			for (const [kind, id] of [['campaign', campaignId], ['ad set', adSetId], ['ad', adId]]) {
				const object = await metaObject(simulatorUrl, id, 'status');
				assert.equal(object.status, 'PAUSED', `the ${kind} ${id} is ${object.status}`);
			}
			const ad = await metaObject(simulatorUrl, adId, 'adset_id,campaign_id,creative');
			assert.equal(String(ad.adset_id), String(adSetId));
			assert.equal(String(ad.campaign_id), String(campaignId));
			assert.equal(String(ad.creative?.id), String(creativeId));
		},
	},
];

webhookCases.push({
	name: 'Template "Meta full hierarchy from a webhook": a Meta step that fails reaches Report Failure (error output), with the ids created so far',
	workflowId: 'adpilotMetaHierarchy',
	async run({ port, simulatorUrl }) {
		await simFetch(`${simulatorUrl}/hooks`, { method: 'DELETE' });
		// A budget below Meta's minimum: the campaign is created, the ad set is refused.
		const accepted = await postLaunch(port, simulatorUrl, { dailyBudget: '0.01' });
		const report = (await waitForHook(simulatorUrl, '/callback', 60_000)).body;
		assert.equal(report.ok, false, `the workflow did not report the failure: ${JSON.stringify(report)}`);
		assert.equal(String(report.requestId), String(accepted.requestId));
		assert.equal(report.failedStep, 'Create Ad Set', JSON.stringify(report));
		assert.ok(report.ids?.campaignId, `the failure report lacks the campaign created before: ${JSON.stringify(report.ids)}`);
	},
});
