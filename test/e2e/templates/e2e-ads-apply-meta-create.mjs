// Real n8n: Ads Apply creates a Meta campaign plan (as Ads AI's Plan New
// Campaign emits it, with an image from the account's library). Plan
// validates and writes nothing; Apply with the approved digest creates the
// campaign, creative, ad set and ad PAUSED; applying again is a noop.
import assert from 'node:assert/strict';

import { nodeOutput } from '../cases.mjs';
import { simFetch } from '../simFetch.mjs';

async function changes(simulatorUrl) {
	return (await (await simFetch(`${simulatorUrl}/_sim/changes`)).json()).changes;
}

export const executeCases = [
	{
		name: 'Ads Apply: a Meta campaign plan, validated by Plan, created PAUSED once by Apply, a noop when applied again',
		workflowId: 'e2eAdsApplyMetaCreate',
		async before(simulatorUrl) {
			await simFetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
		},
		async check(result, simulatorUrl) {
			const [plan] = nodeOutput(result, 'Plan');
			assert.equal(plan.decision, 'apply', plan.reason);
			assert.equal(plan.validated, true);
			assert.equal(plan.applied, false);
			const [applied] = nodeOutput(result, 'Apply');
			assert.equal(applied.applied, true, applied.error);
			assert.equal(applied.planDigest, plan.planDigest);
			assert.deepEqual(applied.response.created.map((c) => c.level), ['campaign', 'creative', 'adSet', 'ad']);
			const log = await changes(simulatorUrl);
			assert.deepEqual(log.map((c) => [c.operation, c.objectType]), [['create', 'campaign'], ['create', 'adcreative'], ['create', 'adset'], ['create', 'ad']]);
			assert.deepEqual(log.filter((c) => c.objectType !== 'adcreative').map((c) => c.fields.status.after), ['PAUSED', 'PAUSED', 'PAUSED']);
			const [again] = nodeOutput(result, 'Apply again');
			assert.equal(again.decision, 'noop', again.reason);
			assert.equal(again.applied, false);
		},
	},
];
