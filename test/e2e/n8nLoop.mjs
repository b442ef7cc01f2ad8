// E2e helpers for the AdPilot loop in a real n8n: the approval round trip
// through n8n's waiting webhook (Send and Wait for Response), executions
// and their run data, and Data Table rows, all through n8n's own HTTP
// surfaces (REST as the logged-in owner, the waiting webhook as a browser).
import assert from 'node:assert/strict';
import { createHmac, createHash } from 'node:crypto';

import { parse as parseFlatted } from 'flatted';

import { editorRest } from '../../scripts/lib/n8n.mjs';
import { simFetch } from './simFetch.mjs';

/**
 * n8n answers a waiting-webhook GET from a bot (no User-Agent, curl, node,
 * python-requests: the `isbot` package) with an empty 200 and does NOT
 * resume, so a link click must look like a browser.
 */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything the simulator's recorder holds under `path` ('/email', '/slack', '/telegram/…' prefix match). */
export async function hookMessages(simulatorUrl, pathPrefix) {
	const answer = await simFetch(`${simulatorUrl}/hooks`);
	const { messages } = await answer.json();
	return pathPrefix ? messages.filter((m) => m.path.startsWith(pathPrefix)) : messages;
}

export async function clearHooks(simulatorUrl) {
	await simFetch(`${simulatorUrl}/hooks`, { method: 'DELETE' });
}

/** Waits until at least `count` messages under `pathPrefix` were recorded (and `accept` holds for them); returns them. */
export async function waitForHookMessages(simulatorUrl, pathPrefix, { count = 1, timeoutMs = 60_000, accept = () => true } = {}) {
	const deadline = Date.now() + timeoutMs;
	let seen = [];
	while (Date.now() < deadline) {
		seen = (await hookMessages(simulatorUrl, pathPrefix)).filter(accept);
		if (seen.length >= count) return seen;
		await sleep(500);
	}
	throw new Error(`expected ${count} message(s) under ${pathPrefix} at the simulator's recorder within ${timeoutMs / 1000} s, saw ${seen.length}`);
}

/** `&amp;` and friends, as they appear in href attributes. */
function decodeHtmlEntities(text) {
	return text.replace(/&amp;/g, '&').replace(/&#x3D;/gi, '=').replace(/&#61;/g, '=').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** The approve and decline links of a Send and Wait message (an email recorded by the SMTP sink, or any text). */
export function approvalLinks(message) {
	const body = message?.body ?? message;
	const text = typeof body === 'string' ? body : [body?.html, body?.text, JSON.stringify(body)].filter(Boolean).join('\n');
	const urls = [...new Set([...decodeHtmlEntities(text).matchAll(/https?:\/\/[^\s"'<>\\]+\/webhook-waiting\/[^\s"'<>\\]+/g)].map((m) => m[0]))];
	const approve = urls.find((url) => new URL(url).searchParams.get('approved') === 'true');
	const decline = urls.find((url) => new URL(url).searchParams.get('approved') === 'false');
	assert.ok(approve, `no approve link (…/webhook-waiting/…?approved=true) in the message: ${text.slice(0, 800)}`);
	return { approve, decline, all: urls };
}

/**
 * The signature n8n puts on a resume URL (n8n-core utils/signature-helpers.ts):
 * HMAC-SHA256 of path + query (without `signature`), keyed by
 * N8N_HMAC_SIGNATURE_SECRET or else sha256('hmac-signature:' + encryption key).
 */
export function resumeUrlSignature(url, encryptionKey) {
	const secret = createHash('sha256').update(`hmac-signature:${encryptionKey}`).digest('hex');
	const unsigned = new URL(url);
	unsigned.searchParams.delete('signature');
	return createHmac('sha256', secret).update(`${unsigned.pathname}${unsigned.search}`).digest('hex');
}

/** Clicks a resume link as a person's browser would; returns the page n8n answers with. */
export async function clickResumeLink(url, { port } = {}) {
	// The link names n8n's public URL (localhost:<port>); reach it over IPv4 loopback.
	const target = new URL(url);
	if (port) {
		target.hostname = '127.0.0.1';
		target.port = String(port);
	}
	const answer = await fetch(target, { headers: { 'User-Agent': BROWSER_USER_AGENT, Accept: 'text/html' } });
	const text = await answer.text();
	assert.equal(answer.status, 200, `the resume link answered HTTP ${answer.status}: ${text.slice(0, 300)}`);
	return text;
}

/** Executions of a workflow, newest first: [{ id, status, mode, startedAt, stoppedAt }]. */
export async function listExecutions(port, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await editorRest(port, cookie, 'GET', `/executions?filter=${filter}&limit=50`);
	return data?.results ?? data ?? [];
}

/** Waits until the workflow has an execution (beyond `knownIds`) in one of `statuses`; returns its summary. */
export async function waitForExecution(port, cookie, workflowId, { statuses = ['success', 'error', 'crashed', 'canceled'], knownIds = [], timeoutMs = 90_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last = [];
	while (Date.now() < deadline) {
		last = (await listExecutions(port, cookie, workflowId)).filter((e) => !knownIds.includes(String(e.id)));
		const done = last.find((e) => statuses.includes(e.status));
		if (done) return done;
		await sleep(500);
	}
	throw new Error(`no execution of ${workflowId} reached ${statuses.join('/')} within ${timeoutMs / 1000} s (seen: ${last.map((e) => `${e.id}:${e.status}`).join(', ') || 'none'})`);
}

/** One execution with its run data, unflattened: { id, status, resultData: { runData, error?, lastNodeExecuted } }. */
export async function readExecution(port, cookie, executionId) {
	const execution = await editorRest(port, cookie, 'GET', `/executions/${executionId}`);
	const data = typeof execution.data === 'string' ? parseFlatted(execution.data) : execution.data;
	return { id: String(execution.id), status: execution.status, finished: execution.finished, resultData: data?.resultData ?? {} };
}

/** The JSON items a node output (first run, output `outputIndex`) in an execution read by readExecution. */
export function executedNodeItems(execution, nodeName, outputIndex = 0) {
	const runs = execution.resultData.runData?.[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run in execution ${execution.id} (ran: ${Object.keys(execution.resultData.runData ?? {}).join(', ')})`);
	assert.ok(!runs[0].error, `node "${nodeName}" failed: ${runs[0].error?.message}`);
	return (runs[0].data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The data table of that name in the owner's projects, or undefined. */
export async function findDataTable(port, cookie, name) {
	const filter = encodeURIComponent(JSON.stringify({ name }));
	const data = await editorRest(port, cookie, 'GET', `/data-tables-global?filter=${filter}&take=50`);
	return (data?.data ?? data ?? []).find((table) => table.name === name);
}

/** Every row of a data table, oldest first. Pages until `count` (n8n caps a page below what `take` asks). */
export async function dataTableRows(port, cookie, projectId, dataTableId) {
	const rows = [];
	for (;;) {
		const page = await editorRest(port, cookie, 'GET', `/projects/${projectId}/data-tables/${dataTableId}/rows?take=500&skip=${rows.length}`);
		const batch = page?.data ?? [];
		rows.push(...batch);
		if (batch.length === 0 || rows.length >= (page?.count ?? 0)) return rows;
	}
}

/** POSTs JSON to a production webhook, retrying while n8n still registers it (404 right after start). */
export async function postToWebhook(url, body, { headers = {}, timeoutMs = 30_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let answer;
	let text = '';
	while (Date.now() < deadline) {
		answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
		text = await answer.text();
		if (answer.status !== 404) break;
		await sleep(1000);
	}
	return { status: answer.status, text, json: () => JSON.parse(text) };
}

/**
 * Starts a run as the editor's "Execute workflow" button does, from the
 * trigger named `triggerName` (a template started by a schedule runs from its
 * "Run now" Manual Trigger): POST /rest/workflows/:id/run answers
 * { executionId } at once. Returns the execution id.
 */
export async function startManualRun(port, cookie, workflowId, triggerName) {
	const answer = await editorRest(port, cookie, 'POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
	assert.ok(answer?.executionId, `POST /rest/workflows/${workflowId}/run answered no executionId: ${JSON.stringify(answer).slice(0, 300)}`);
	return String(answer.executionId);
}

/**
 * Re-runs one node of the saved workflow with an earlier execution's run data
 * (from readExecution), as the editor's "Execute step" does. The workflow needs
 * `"pinData": {}`: n8n 2.40's partial run fails on an imported workflow's null
 * pin data. Returns the new execution id.
 */
export async function rerunNode(port, cookie, workflowId, execution, nodeName) {
	const answer = await editorRest(port, cookie, 'POST', `/workflows/${workflowId}/run`, {
		runData: execution.resultData.runData,
		destinationNode: { nodeName, mode: 'inclusive' },
		dirtyNodeNames: [nodeName],
	});
	assert.ok(answer?.executionId, `re-running "${nodeName}" did not start: ${JSON.stringify(answer).slice(0, 300)}`);
	return String(answer.executionId);
}

/** Waits until execution `executionId` reaches one of `statuses` (default: ended); returns its summary from the list. */
export async function waitForRun(port, cookie, workflowId, executionId, { statuses = ['success', 'error', 'crashed', 'canceled'], timeoutMs = 600_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let seen;
	while (Date.now() < deadline) {
		// The list holds summaries only: polling the execution itself would fetch its run data each time.
		seen = (await listExecutions(port, cookie, workflowId)).find((e) => String(e.id) === String(executionId));
		if (statuses.includes(seen?.status)) return seen;
		await sleep(200);
	}
	throw new Error(`execution ${executionId} of ${workflowId} did not reach ${statuses.join('/')} within ${timeoutMs / 1000} s (last: ${seen?.status ?? 'not listed'})`);
}
