// What the real-n8n e2e run executes and checks. Each case names a workflow
// imported from workflows/ or test/e2e/workflows/ and asserts on its output.
import assert from 'node:assert/strict';

/** The items a node produced in an `n8n execute --rawOutput` result. */
export function nodeOutput(result, nodeName) {
	const runs = result?.data?.resultData?.runData?.[nodeName] ?? result?.resultData?.runData?.[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	const error = runs[0].error;
	assert.ok(!error, `node "${nodeName}" failed: ${error?.message}`);
	return runs[0].data.main[0].map((item) => item.json);
}

async function simulatorAccounts(simulatorUrl) {
	const answer = await fetch(`${simulatorUrl}/meta/v25.0/me/adaccounts?limit=1000&fields=id`, {
		headers: { Authorization: 'Bearer sim-meta-token' },
	});
	return (await answer.json()).data;
}

export const e2eCases = [
	{
		name: 'Meta Ads: Ad Account → Get Many returns every account the token reaches, across pages',
		workflowId: 'e2eMetaAdAccounts',
		async check(result, simulatorUrl) {
			const accounts = nodeOutput(result, 'Ad Accounts');
			const expected = await simulatorAccounts(simulatorUrl);
			assert.ok(expected.length > 0, 'the simulator has no accounts');
			assert.equal(accounts.length, expected.length);
			assert.deepEqual(accounts.map((a) => a.id).sort(), expected.map((a) => a.id).sort());
			for (const account of accounts) assert.match(String(account.currency), /^[A-Z]{3}$/);
		},
	},
];
