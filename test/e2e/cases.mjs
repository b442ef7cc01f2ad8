// What the real-n8n e2e run executes and checks. Each case names a workflow
// imported from workflows/ or test/e2e/workflows/ and asserts on its output.
import assert from 'node:assert/strict';

import { simFetch } from './simFetch.mjs';

/** The items a node produced in an `n8n execute --rawOutput` result. */
export function nodeOutput(result, nodeName) {
	const runs = result?.data?.resultData?.runData?.[nodeName] ?? result?.resultData?.runData?.[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	const error = runs[0].error;
	assert.ok(!error, `node "${nodeName}" failed: ${error?.message}`);
	return runs[0].data.main[0].map((item) => item.json);
}

/** What the templates posted to the simulator's Slack recorder. */
async function slackMessages(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/hooks`);
	return (await answer.json()).messages.filter((m) => m.path === '/slack');
}

async function clearSlack(simulatorUrl) {
	await simFetch(`${simulatorUrl}/hooks`, { method: 'DELETE' });
}

async function simulatorAccounts(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/meta/v25.0/me/adaccounts?limit=1000&fields=id`, {
		headers: { Authorization: 'Bearer sim-meta-token' },
	});
	return (await answer.json()).data;
}

/** Every write the simulator accepted (its change log). */
async function simulatorChanges(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/_sim/changes`);
	return (await answer.json()).changes;
}

async function resetSimulator(simulatorUrl) {
	await simFetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
}

async function resetAndClear(simulatorUrl) {
	await resetSimulator(simulatorUrl);
	await clearSlack(simulatorUrl);
}

export const e2eCases = [
	{
		name: 'Template "Meta Ads rules every 30 minutes": insights → rules → one Slack message per action → Ads Apply plan',
		workflowId: 'adpilotMetaRules',
		before: resetAndClear,
		async check(result, simulatorUrl) {
			const rows = nodeOutput(result, 'Ad set insights, last 14 days');
			assert.ok(rows.length > 0, 'no insight rows');
			for (const row of rows) assert.equal(row.schema, 'adpilot.metricRow/v1');
			const actions = nodeOutput(result, 'Evaluate rules');
			assert.ok(actions.length > 0, 'the presets proposed nothing');
			const messages = await slackMessages(simulatorUrl);
			assert.equal(messages.length, actions.length);
			assert.deepEqual(
				messages.map((m) => m.body.adpilot.idempotencyKey).sort(),
				actions.map((a) => a.idempotencyKey).sort(),
			);
			for (const message of messages) assert.match(message.body.text, /^\*(pause|resume|setBudget|changeBudgetByPercent|setBid|notify)\* /);
			// Ads Apply (Plan) judged every proposed action and changed nothing. (Checked in this run: Ads Rules'
			// cooldowns live in static data, so a second run of this template proposes nothing.)
			const audit = nodeOutput(result, 'Plan changes (dry run)');
			assert.equal(audit.length, actions.length);
			for (const item of audit) {
				assert.equal(item.schema, 'adpilot.audit/v1');
				assert.ok(['apply', 'clamp', 'reject', 'noop'].includes(item.decision), item.decision);
				assert.equal(item.applied, false);
				assert.match(item.planDigest, /^sha256:[0-9a-f]{64}$/);
			}
			assert.deepEqual(await simulatorChanges(simulatorUrl), [], 'a plan must change nothing');
		},
	},
	{
		name: 'Template "Google Ads anomaly alerts": report → anomalies → filter drops skips → Slack',
		workflowId: 'adpilotGoogleAnoms',
		before: clearSlack,
		async check(result, simulatorUrl) {
			const rows = nodeOutput(result, 'Ad group report, last 30 days');
			assert.ok(rows.length > 0, 'no report rows');
			const findings = nodeOutput(result, 'Detect anomalies');
			const anomalies = findings.filter((f) => f.skipped !== true);
			const messages = await slackMessages(simulatorUrl);
			assert.equal(messages.length, anomalies.length);
			for (const message of messages) assert.match(message.body.text, /(warning|critical)/);
		},
	},
	{
		name: 'Template "Meta budget reallocation": insights with budgets → reallocate (keep the total) → filter keeps the summary → one Slack proposal',
		workflowId: 'adpilotMetaRealloc',
		before: clearSlack,
		async check(result, simulatorUrl) {
			const rows = nodeOutput(result, 'Campaign insights with budgets, last 14 days');
			assert.ok(rows.some((r) => typeof r.attributes?.dailyBudget === 'number'), 'no campaign carries its budget');
			const out = nodeOutput(result, 'Reallocate budget');
			const summary = out.find((o) => o.summary === true);
			assert.ok(summary, 'no summary item');
			assert.equal(summary.totalSource, 'current');
			const proposals = out.filter((o) => o.kind === 'setBudget');
			const messages = await slackMessages(simulatorUrl);
			assert.equal(messages.length, 1, 'the filter should pass the summary alone');
			assert.equal(messages[0].body.adpilot.proposals, proposals.length);
			assert.ok(proposals.length > 0, 'nothing proposed');
			assert.match(messages[0].body.text, /^:moneybag: Budget reallocation proposal: [\d.]+ EUR\/day \(today's total\), by ROAS over last 14 days/);
			assert.equal(messages[0].body.text.split('\n').filter((line) => line.startsWith('• ')).length, proposals.length);
		},
	},
	{
		name: 'Template "Meta Ads AI recommendations": insights → rules (fallback) + Ads AI → checked proposals and a summary on Slack',
		workflowId: 'adpilotMetaAiRecs',
		before: clearSlack,
		async check(result, simulatorUrl) {
			const rows = nodeOutput(result, 'Ad set insights, last 14 days');
			const adSets = new Set(rows.map((r) => String(r.entityId)));
			const out = nodeOutput(result, 'Recommend changes');
			const summary = out.find((o) => o.summary === true);
			assert.ok(summary, 'no summary item');
			assert.equal(summary.status, 'ok', `the AI fell back: ${summary.message}`);
			const actions = out.filter((o) => o.summary !== true);
			assert.ok(actions.length > 0, 'the AI proposed nothing');
			for (const action of actions) {
				assert.equal(action.schema, 'adpilot.action/v1');
				assert.equal(action.source.type, 'ai');
				assert.ok(adSets.has(String(action.entityId)), `unknown entity ${action.entityId}`);
				assert.ok(action.evidence.length > 0, 'an action without evidence');
			}
			const messages = await slackMessages(simulatorUrl);
			assert.equal(messages.length, out.length);
			assert.equal(messages.filter((m) => m.body.adpilot.summary === true).length, 1);
		},
	},
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
	{
		name: 'Ads Report: Meta insights and a forecast → one report with email HTML, PNG chart, CSV and PDF-ready HTML',
		workflowId: 'e2eAdsReport',
		async check(result) {
			const rows = nodeOutput(result, 'Campaign insights, last 30 days');
			const [report] = nodeOutput(result, 'Weekly report');
			assert.equal(report.schema, 'adpilot.report/v1');
			assert.equal(report.empty, false, report.summary);
			const { from, to } = report.period.current;
			const spend = rows.filter((r) => r.date >= from && r.date <= to).reduce((sum, r) => sum + Number(r.spend), 0);
			assert.ok(Math.abs(report.sections[0].totals.spend.current - spend) < 1e-6, `report spend ${report.sections[0].totals.spend.current} vs rows ${spend}`);
			assert.equal(report.pacing?.source, 'forecast');
			assert.match(report.html, /src="cid:chart"/);
			const binary = result.data.resultData.runData['Weekly report'][0].data.main[0][0].binary;
			assert.equal(binary.chart.mimeType, 'image/png');
			assert.equal(binary.csv.mimeType, 'text/csv');
			assert.equal(binary.pdfHtml.mimeType, 'text/html');
		},
	},
	{
		name: 'Template "Meta budget reallocation": the Plan step gets the setBudget actions only and changes nothing',
		workflowId: 'adpilotMetaRealloc',
		before: resetAndClear,
		async check(result, simulatorUrl) {
			const proposals = nodeOutput(result, 'Reallocate budget').filter((o) => o.kind === 'setBudget');
			const audit = nodeOutput(result, 'Plan changes (dry run)');
			assert.equal(audit.length, proposals.length, 'the filter should pass the actions alone');
			for (const item of audit) assert.ok(item.decision !== 'reject' || !String(item.error ?? '').includes('not a valid action'), item.reason);
			assert.deepEqual(await simulatorChanges(simulatorUrl), []);
		},
	},
	{
		name: 'Ads Apply: Plan, then Apply bound to the approved digest; the simulator records exactly one write',
		workflowId: 'e2eAdsApply',
		before: resetSimulator,
		async check(result, simulatorUrl) {
			const plan = nodeOutput(result, 'Plan');
			assert.deepEqual(plan.map((p) => p.decision), ['apply', 'reject']);
			const applied = nodeOutput(result, 'Apply');
			assert.deepEqual(applied.map((a) => a.applied), [true, false]);
			assert.equal(applied[0].planDigest, plan[0].planDigest);
			const changes = await simulatorChanges(simulatorUrl);
			assert.equal(changes.length, 1);
			assert.equal(changes[0].entity, '120300100000000012');
			assert.deepEqual(changes[0].fields.status, { before: 'ACTIVE', after: 'PAUSED' });
		},
	},
];
