// Real-n8n cases for the AdPilot loop's n8n side: approvals through the
// waiting webhook, the multi-channel alert sub-workflow, error alerts, the
// chat assistant through the chat webhook and the MCP server through an MCP
// client. `loopExecuteCases` run with `n8n execute` (like cases.mjs);
// `loopEditorCases` need published workflows on a running editor (like
// webhook-cases.mjs) and get { port, cookie, simulatorUrl }.
import assert from 'node:assert/strict';

import { createDataTable, personalProjectId } from '../../scripts/lib/n8n.mjs';
import { McpHttpClient } from './mcpClient.mjs';
import {
	approvalLinks,
	clearHooks,
	clickResumeLink,
	dataTableRows,
	executedNodeItems,
	findDataTable,
	hookMessages,
	listExecutions,
	postToWebhook,
	readExecution,
	resumeUrlSignature,
	waitForExecution,
	waitForHookMessages,
} from './n8nLoop.mjs';
import { simFetch } from './simFetch.mjs';

/** The sandbox's fixed key (scripts/lib/n8n.mjs instanceEnv): resume links are signed with a key derived from it. */
const SANDBOX_ENCRYPTION_KEY = 'adpilot-sandbox-encryption-key';
const META_ACCOUNT = '100010000000001';
const TELEGRAM_CHAT = '100200300';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Campaign-level insights straight from the simulator (the oracle for the assistant's numbers). */
async function simulatorCampaignCtr(simulatorUrl, datePreset) {
	const url = `${simulatorUrl}/meta/v25.0/act_${META_ACCOUNT}/insights?level=campaign&date_preset=${datePreset}&fields=campaign_id,campaign_name,impressions,clicks&limit=500`;
	const answer = await simFetch(url, { headers: { Authorization: 'Bearer sim-meta-token' } });
	const body = await answer.json();
	assert.ok(answer.ok, `simulator insights: ${JSON.stringify(body).slice(0, 300)}`);
	return body.data.map((row) => ({ name: row.campaign_name, ctr: Number(row.clicks) / Number(row.impressions) }));
}

async function approvalRound(context, decision) {
	const { port, cookie, simulatorUrl } = context;
	const digest = `sha256:e2e-${decision}-${Date.now()}`;
	await clearHooks(simulatorUrl);
	const known = (await listExecutions(port, cookie, 'e2eApprovalLoop')).map((e) => String(e.id));
	const posted = await postToWebhook(`http://127.0.0.1:${port}/webhook/adpilot-e2e/approval`, { digest, summary: 'pause 2 ad sets' });
	assert.equal(posted.status, 200, `the approval webhook answered ${posted.status}: ${posted.text.slice(0, 300)}`);

	const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => m.body.subject?.includes(digest) });
	assert.deepEqual(mail.body.to, ['approver@example.com']);
	const links = approvalLinks(mail);
	assert.ok(links.decline, 'no reject link in a double-approval mail');
	for (const link of [links.approve, links.decline]) {
		assert.equal(new URL(link).searchParams.get('signature'), resumeUrlSignature(link, SANDBOX_ENCRYPTION_KEY), `the link is not signed as n8n signs: ${link}`);
	}
	const waiting = await waitForExecution(port, cookie, 'e2eApprovalLoop', { statuses: ['waiting'], knownIds: known });

	// A bot's GET (node's fetch without a browser User-Agent) gets 200 and must not resume the run.
	const target = new URL(decision === 'approve' ? links.approve : links.decline);
	target.hostname = '127.0.0.1';
	target.port = String(port);
	const botAnswer = await fetch(target, { headers: { 'User-Agent': 'node' } });
	await botAnswer.text();
	await sleep(1500);
	const stillWaiting = (await listExecutions(port, cookie, 'e2eApprovalLoop')).find((e) => String(e.id) === String(waiting.id));
	assert.equal(stillWaiting?.status, 'waiting', 'a bot User-Agent resumed the approval');

	// A forged signature is refused.
	const forged = new URL(target);
	forged.searchParams.set('signature', '0'.repeat(64));
	const forgedAnswer = await fetch(forged, { headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0' } });
	await forgedAnswer.text();
	assert.equal(forgedAnswer.status, 401, `a forged signature answered HTTP ${forgedAnswer.status}`);

	await clickResumeLink(target.toString());
	const done = await waitForExecution(port, cookie, 'e2eApprovalLoop', { knownIds: known });
	assert.equal(String(done.id), String(waiting.id));
	assert.equal(done.status, 'success', `the approval run ended ${done.status}`);
	const execution = await readExecution(port, cookie, done.id);
	const [answer] = executedNodeItems(execution, 'Ask for approval');
	assert.equal(answer.data.approved, decision === 'approve');
	const [row] = executedNodeItems(execution, 'Record the decision');
	assert.equal(row.digest, digest);
	return { digest, approved: decision === 'approve' };
}

/** None yet: sub-workflows and error workflows run only once published through the editor (see publishCalledWorkflows). */
export const loopExecuteCases = [];

export const loopEditorCases = [
	{
		name: 'Template "Multi-channel alerts": Ads Alert messages routed by severity to email and Telegram (Slack and WhatsApp stand disabled)',
		workflowId: 'e2eAlertMessages',
		async run({ port, cookie, simulatorUrl }) {
			await clearHooks(simulatorUrl);
			const known = (await listExecutions(port, cookie, 'e2eAlertMessages')).map((e) => String(e.id));
			const posted = await postToWebhook(`http://127.0.0.1:${port}/webhook/adpilot-e2e/alerts`, {});
			assert.equal(posted.status, 200, `the webhook answered ${posted.status}`);
			const run = await waitForExecution(port, cookie, 'e2eAlertMessages', { knownIds: known });
			const execution = await readExecution(port, cookie, run.id);
			assert.equal(run.status, 'success', `the run ended ${run.status}: ${execution.resultData.error?.message}`);
			const mails = await waitForHookMessages(simulatorUrl, '/email', { count: 2 });
			assert.deepEqual(mails.map((m) => m.body.subject).sort(), ['AdPilot: CPA spike on Spring Sale', 'AdPilot: Spring Sale pacing']);
			const critical = mails.find((m) => m.body.subject === 'AdPilot: CPA spike on Spring Sale').body;
			assert.equal(critical.html.trim(), '<p><b>CPA spike</b> on Spring Sale &lt;script&gt;</p>');
			assert.equal(critical.text.trim(), 'CPA spike on Spring Sale');
			assert.deepEqual(critical.to, ['ads-team@example.com']);
			// Telegram hears critical only: the info message is routed to Slack and email alone.
			const telegram = await waitForHookMessages(simulatorUrl, '/telegram/');
			await sleep(1000);
			assert.equal((await hookMessages(simulatorUrl, '/telegram/')).length, 1, 'Telegram got the info message too');
			assert.match(telegram[0].path, /\/sendMessage$/);
			assert.equal(String(telegram[0].body.chat_id), TELEGRAM_CHAT);
			assert.equal(telegram[0].body.text, 'CPA spike on Spring Sale (critical)');
			assert.equal((await hookMessages(simulatorUrl, '/slack')).length, 0, 'the disabled Slack node posted');
		},
	},
	{
		name: 'Approval loop: Send Email "Send and Wait" → link from the SMTP sink → approve once and reject once (bot UA ignored, forged signature 401) → Data Table rows',
		workflowId: 'e2eApprovalLoop',
		async run(context) {
			const { port, cookie } = context;
			const projectId = await personalProjectId(port, cookie);
			const table =
				(await findDataTable(port, cookie, 'e2e_approvals')) ??
				(await createDataTable(port, cookie, projectId, 'e2e_approvals', [
					{ name: 'digest', type: 'string' },
					{ name: 'approved', type: 'boolean' },
				]));
			const approved = await approvalRound(context, 'approve');
			const rejected = await approvalRound(context, 'reject');
			const rows = await dataTableRows(port, cookie, projectId, table.id);
			for (const expected of [approved, rejected]) {
				const stored = rows.filter((r) => r.digest === expected.digest);
				assert.equal(stored.length, 1, `${stored.length} rows for ${expected.digest}`);
				assert.equal(stored[0].approved, expected.approved);
			}
		},
	},
	{
		name: 'Template "Error alerts": a failed production run → Error Trigger → multi-channel sub-workflow → critical email and Telegram naming the workflow, node and error',
		workflowId: 'e2eFailingRun',
		async run({ port, cookie, simulatorUrl }) {
			await clearHooks(simulatorUrl);
			const known = (await listExecutions(port, cookie, 'e2eFailingRun')).map((e) => String(e.id));
			const posted = await postToWebhook(`http://127.0.0.1:${port}/webhook/adpilot-e2e/failing`, {});
			assert.equal(posted.status, 200, `the webhook answered ${posted.status}`);
			const failed = await waitForExecution(port, cookie, 'e2eFailingRun', { knownIds: known });
			assert.equal(failed.status, 'error');
			const failure = await readExecution(port, cookie, failed.id);
			const message = failure.resultData.error?.message;
			assert.ok(message, 'the failed run carries no error message');

			const heading = 'AdPilot: workflow "E2E: a failing production run with an error workflow" failed at "Read a campaign that does not exist"';
			const [mail] = await waitForHookMessages(simulatorUrl, '/email');
			assert.equal(mail.body.subject, heading);
			assert.ok(mail.body.text.includes(`Error: ${message}`), `the mail does not quote the error: ${mail.body.text}`);
			assert.ok(mail.body.html.includes('failed at &quot;Read a campaign that does not exist&quot;'), 'the HTML part is not escaped');
			const [telegram] = await waitForHookMessages(simulatorUrl, '/telegram/');
			assert.ok(telegram.body.text.startsWith(heading));
			assert.match(telegram.body.text, /Started by: webhook/);
			await sleep(1000);
			assert.equal((await hookMessages(simulatorUrl, '/email')).length, 1, 'more than one mail for one failure');
		},
	},
	{
		name: 'Template "Ads chat assistant": chat webhook → AI Agent with the OpenAI Chat Model (Responses, scripted) → Meta insights tool → CTR by campaign matches the simulator; a second turn in the session picks the ad set tool',
		workflowId: 'adpilotChat',
		async run({ port, cookie, simulatorUrl }) {
			const url = `http://127.0.0.1:${port}/webhook/2f6d1b4e-9a0c-4c1e-8b7a-5d3e0f9a1c09/chat`;
			const sessionId = `e2e-${Date.now()}`;
			const known = (await listExecutions(port, cookie, 'adpilotChat')).map((e) => String(e.id));
			const first = await postToWebhook(url, { action: 'sendMessage', sessionId, chatInput: 'What was CTR by campaign yesterday?' }, { timeoutMs: 60_000 });
			assert.equal(first.status, 200, `the chat webhook answered ${first.status}: ${first.text.slice(0, 500)}`);
			const answer = first.json().output;
			assert.match(answer, /^CTR by campaign \(yesterday\)/, `unexpected answer: ${answer}`);
			const expected = await simulatorCampaignCtr(simulatorUrl, 'yesterday');
			assert.ok(expected.length > 0, 'the simulator has no campaign rows for yesterday');
			for (const campaign of expected) {
				assert.ok(answer.includes(`- ${campaign.name}: CTR ${(campaign.ctr * 100).toFixed(2)} %`), `the answer misses ${campaign.name} at ${(campaign.ctr * 100).toFixed(2)} %:\n${answer}`);
			}
			const run = await waitForExecution(port, cookie, 'adpilotChat', { knownIds: known });
			assert.equal(run.status, 'success');
			const execution = await readExecution(port, cookie, run.id);
			assert.ok(execution.resultData.runData['Meta campaign insights'], 'the Meta campaign insights tool did not run');
			assert.ok(!execution.resultData.runData['Meta ad set insights'], 'the ad set tool ran for a campaign question');

			const second = await postToWebhook(url, { action: 'sendMessage', sessionId, chatInput: 'Which ad sets would you pause?' }, { timeoutMs: 60_000 });
			assert.equal(second.status, 200);
			assert.match(second.json().output, /^I would look at pausing the lowest-CTR ones/);
		},
	},
	{
		name: 'Template "AdPilot as an MCP server": MCP client over streamable HTTP → 401 without the token → initialize → tools/list → tools/call Meta campaign insights against the simulator',
		workflowId: 'adpilotMcp',
		async run({ port, simulatorUrl }) {
			const url = `http://127.0.0.1:${port}/mcp/adpilot`;
			const anonymous = new McpHttpClient(url);
			await assert.rejects(() => anonymous.connect(), /HTTP (401|403)/);

			const client = new McpHttpClient(url, { Authorization: 'Bearer sim-mcp-token' });
			let initialized;
			const deadline = Date.now() + 30_000;
			for (;;) {
				try {
					initialized = await client.connect();
					break;
				} catch (error) {
					if (Date.now() > deadline || !/HTTP 404/.test(error.message)) throw error;
					await sleep(1000);
				}
			}
			assert.ok(initialized.serverInfo?.name, `initialize returned ${JSON.stringify(initialized)}`);
			assert.match(initialized.instructions ?? '', /none changes an account/);
			try {
				const { tools } = await client.request('tools/list');
				const names = tools.map((t) => t.name).sort();
				assert.deepEqual(names, ['Google_Ads_campaign_report', 'Meta_ad_set_insights', 'Meta_campaign_insights', 'Meta_campaigns']);
				const insights = tools.find((t) => t.name === 'Meta_campaign_insights');
				assert.ok(insights.inputSchema?.properties?.datePreset, `no datePreset argument: ${JSON.stringify(insights.inputSchema)}`);
				const result = await client.request('tools/call', { name: 'Meta_campaign_insights', arguments: { datePreset: 'yesterday' } });
				assert.ok(!result.isError, `the tool call failed: ${JSON.stringify(result).slice(0, 500)}`);
				const text = result.content.map((c) => c.text ?? '').join('');
				const parsed = JSON.parse(text);
				const rows = (Array.isArray(parsed) ? parsed : [parsed]).map((r) => r.json ?? r);
				const expected = await simulatorCampaignCtr(simulatorUrl, 'yesterday');
				assert.deepEqual(rows.map((r) => r.entityName).sort(), expected.map((c) => c.name).sort());
				for (const row of rows) {
					assert.equal(row.schema, 'adpilot.metricRow/v1');
					assert.equal(row.level, 'campaign');
					const oracle = expected.find((c) => c.name === row.entityName);
					assert.ok(Math.abs(row.ctr - oracle.ctr) < 1e-9, `${row.entityName}: CTR ${row.ctr} vs the simulator's ${oracle.ctr}`);
				}
			} finally {
				await client.close();
			}
		},
	},
];
