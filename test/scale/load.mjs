// Drives the load workflow on a running queue-mode stack and reads back what
// a user would see: executions in n8n's list, rows in both stores, the
// simulator's call counts.
import { editorRest } from '../../scripts/lib/n8n.mjs';
import { simFetch } from '../e2e/simFetch.mjs';
import { DATA_TABLE_NAME, LOAD_WEBHOOK_PATH, LOAD_WORKFLOW_ID } from './stack.mjs';

/** Every ad account id the simulator serves (the Meta API's own list). */
export async function simulatorAccountIds(simulatorUrl) {
	const answer = await simFetch(`${simulatorUrl}/meta/v25.0/me/adaccounts?limit=1000&fields=account_id`, {
		headers: { Authorization: 'Bearer sim-meta-token' },
	});
	const body = await answer.json();
	if (!answer.ok) throw new Error(`listing the simulator's accounts failed: ${JSON.stringify(body)}`);
	return body.data.map((a) => a.account_id ?? String(a.id).replace(/^act_/, ''));
}

export function batchesOf(list, size) {
	const batches = [];
	for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
	return batches;
}

/** One production-webhook call per batch, as a scheduler fanning out would make; main enqueues each as an execution. */
export async function postBatches(port, batches, { run, since, until }) {
	for (const accounts of batches) {
		const answer = await fetch(`http://127.0.0.1:${port}/webhook/${LOAD_WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ run, since, until, accounts }),
		});
		if (!answer.ok) throw new Error(`POST /webhook/${LOAD_WEBHOOK_PATH} answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
	}
}

/** The load workflow's executions as n8n's execution list shows them (newest first). */
export async function listExecutions(stack) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: LOAD_WORKFLOW_ID }));
	const page = await editorRest(stack.main.port, stack.cookie, 'GET', `/executions?filter=${filter}&limit=500`);
	return page.results ?? [];
}

const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);

/** Polls the list until `expected` executions exist and none is unfinished; returns them. */
export async function waitForExecutions(stack, expected, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let last = [];
	while (Date.now() < deadline) {
		last = await listExecutions(stack);
		if (last.length >= expected && !last.some((e) => UNFINISHED.has(e.status))) return last;
		await new Promise((r) => setTimeout(r, 2000));
	}
	const byStatus = statusCounts(last);
	throw new Error(`after ${timeoutMs / 1000} s: ${last.length} of ${expected} executions, by status ${JSON.stringify(byStatus)}`);
}

/** Polls until at least `count` executions are running (so a kill lands mid-run). */
export async function waitForRunning(stack, count, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const running = (await listExecutions(stack)).filter((e) => e.status === 'running');
		if (running.length >= count) return running;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`fewer than ${count} executions were running within ${timeoutMs / 1000} s`);
}

export function statusCounts(executions) {
	const counts = {};
	for (const e of executions) counts[e.status] = (counts[e.status] ?? 0) + 1;
	return counts;
}

/** Keys "entity|date" of every stored row in PostgreSQL (duplicates kept, so a double insert shows). */
export function postgresRowKeys(stack) {
	const out = stack.postgres.psql(`SELECT entity_id || '|' || date FROM metric_rows`, 'adpilot_metrics');
	return out.split('\n').filter(Boolean);
}

/** Keys "entity|date" of every row in the Data Table (read from n8n's own database, where data tables live). */
export function dataTableRowKeys(stack) {
	const table = `data_table_user_${stack.dataTableId}`;
	const out = stack.postgres.psql(`SELECT entity_id || '|' || date FROM "${table}"`, 'n8n');
	return out.split('\n').filter(Boolean);
}

export function clearStores(stack) {
	stack.postgres.psql('TRUNCATE metric_rows', 'adpilot_metrics');
	stack.postgres.psql(`TRUNCATE "data_table_user_${stack.dataTableId}"`, 'n8n');
}

/**
 * What the platform says should be stored: every (ad, day) with delivery in
 * the range, read from the simulator's insights endpoint itself (faults off).
 */
export async function expectedRowKeys(simulatorUrl, accounts, { since, until }) {
	const keys = [];
	for (const account of accounts) {
		let after;
		do {
			const qs = new URLSearchParams({
				level: 'adset',
				fields: 'adset_id,impressions',
				time_range: JSON.stringify({ since, until }),
				time_increment: '1',
				limit: '500',
				...(after ? { after } : {}),
			});
			const answer = await simFetch(`${simulatorUrl}/meta/v25.0/act_${account}/insights?${qs}`, {
				headers: { Authorization: 'Bearer sim-meta-token' },
			});
			const body = await answer.json();
			if (!answer.ok) throw new Error(`expected rows of act_${account}: ${JSON.stringify(body).slice(0, 300)}`);
			for (const row of body.data) keys.push(`${row.adset_id}|${row.date_start}`);
			after = body.paging?.next ? body.paging.cursors?.after : undefined;
		} while (after);
	}
	return keys;
}

export async function simulator(simulatorUrl, path, body) {
	const answer = await simFetch(`${simulatorUrl}/_sim/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const text = await answer.text();
	if (!answer.ok) throw new Error(`/_sim/${path} answered HTTP ${answer.status}: ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : undefined;
}

export { DATA_TABLE_NAME };
