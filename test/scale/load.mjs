// Drives the load templates on a running queue-mode stack and reads back what
// a user would see: executions in n8n's list, rows in both stores (Data Table, PostgreSQL), audit rows,
// the simulator's change log and call counts.
import { editorRest } from '../../scripts/lib/n8n.mjs';
import { readExecution } from '../e2e/n8nLoop.mjs';
import { simFetch } from '../e2e/simFetch.mjs';
import { USER_DATABASE } from './stack.mjs';

/**
 * The simulator's "today" is the real date: the real templates ask for days
 * relative to n8n's own clock ($today), so a fixed dataset day would give them
 * nothing to store. METRIC_DAYS is what template 1 reads: yesterday and today.
 */
export const SCALE_TODAY = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.parse(SCALE_TODAY) - 86_400_000).toISOString().slice(0, 10);
export const METRIC_DAYS = { since: yesterday, until: SCALE_TODAY };

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

/** How many load requests are in flight at once: schedules fire together, not one after another's answer. */
const POSTS_IN_FLIGHT = 10;

/**
 * One production-webhook call per batch of accounts for every load template,
 * the templates interleaved, up to POSTS_IN_FLIGHT at once, as their
 * schedules firing together would start them; main enqueues each as an
 * execution. Returns how many were started.
 */
export async function postLoad(stack, accounts, run) {
	// The simulator seeds the n-th Google client (5550000001, …) beside the n-th Meta account, in the same currency.
	const customerOf = (account) => String(5550000001 + accounts.indexOf(account));
	const perTemplate = stack.templates.map((t) => batchesOf(accounts, t.batchSize).map((batch) => [t, batch]));
	const calls = [];
	for (let i = 0; perTemplate.some((list) => i < list.length); i++) for (const list of perTemplate) if (i < list.length) calls.push(list[i]);
	let next = 0;
	const post = async () => {
		while (next < calls.length) {
			const [template, batch] = calls[next++];
			const answer = await fetch(`http://127.0.0.1:${stack.main.port}/webhook/${template.webhookPath}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ run, accounts: batch, customers: Object.fromEntries(batch.map((a) => [a, customerOf(a)])) }),
			});
			if (!answer.ok) throw new Error(`POST /webhook/${template.webhookPath} answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
		}
	};
	await Promise.all(Array.from({ length: POSTS_IN_FLIGHT }, post));
	return calls.length;
}

/** Executions of the given workflows (default: the load templates) as n8n's execution list shows them, newest first. */
export async function listExecutions(stack, workflowIds = stack.templates.map((t) => t.id)) {
	const all = [];
	for (const workflowId of workflowIds) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		// n8n serves at most 100 per page (newest first); older pages by `lastId`.
		let lastId;
		for (;;) {
			const page = await editorRest(stack.main.port, stack.cookie, 'GET', `/executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`);
			const results = page.results ?? [];
			all.push(...results);
			if (results.length < 100) break;
			lastId = String(Math.min(...results.map((e) => Number(e.id))));
		}
	}
	return all.sort((a, b) => Number(b.id) - Number(a.id));
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

/** "execution N of <workflow> <status> at "<last node>": <error>", as n8n stored it: what a failed check names. */
export async function describeExecution(stack, execution) {
	const { resultData } = await readExecution(stack.main.port, stack.cookie, execution.id);
	return `execution ${execution.id} of ${execution.workflowId} ${execution.status} at "${resultData.lastNodeExecuted ?? 'no node'}": ${resultData.error?.message ?? 'no error recorded'}`;
}

export function statusCounts(executions) {
	const counts = {};
	for (const e of executions) counts[e.status] = (counts[e.status] ?? 0) + 1;
	return counts;
}

const WRITES = new Set(['insert', 'upsert', 'update']);

/**
 * Every enabled node of a workflow that writes a table: its store (n8n's Data
 * Table or the user's PostgreSQL), operation, table, and for an upsert the
 * columns it matches on (Data Table: its conditions; Postgres: "Columns to match on").
 */
export function tableWrites(workflow) {
	return workflow.nodes
		.filter((n) => WRITES.has(n.parameters?.operation) && !n.disabled)
		.flatMap((n) => {
			if (n.type === 'n8n-nodes-base.dataTable') {
				return [{ store: 'dataTable', operation: n.parameters.operation, table: n.parameters.dataTableId?.value, keys: (n.parameters.filters?.conditions ?? []).map((c) => c.keyName) }];
			}
			if (n.type === 'n8n-nodes-base.postgres') {
				return [{ store: 'postgres', operation: n.parameters.operation, table: n.parameters.table?.value, keys: n.parameters.columns?.matchingColumns ?? [] }];
			}
			return [];
		});
}

const keyExpression = (keys) => keys.map((k) => `coalesce("${k}"::text, '')`).join(` || '|' || `);
const dataTableId = (stack, name) => stack.postgres.psql(`SELECT id FROM data_table WHERE name = '${name.replace(/'/g, "''")}'`, 'n8n').trim();

/** Key tuples ("a|b") of every row of a Data Table found by name (n8n keeps its tables in its own database); duplicates kept. */
export function dataTableKeysByName(stack, name, keys) {
	const id = dataTableId(stack, name);
	if (!id) throw new Error(`no Data Table named ${name}`);
	return stack.postgres.psql(`SELECT ${keyExpression(keys)} FROM "data_table_user_${id}"`, 'n8n').split('\n').filter(Boolean);
}

/** Key tuples of every row of a table in the user's database (the PostgreSQL variant's); duplicates kept. */
export function postgresKeys(stack, table, keys) {
	return stack.postgres.psql(`SELECT ${keyExpression(keys)} FROM "${table}"`, USER_DATABASE).split('\n').filter(Boolean);
}

/**
 * Empties what the load templates write (their Data Tables and PostgreSQL
 * tables), so that a bench pass starts from the state the one before did.
 */
export function clearStores(stack) {
	for (const { store, table } of stack.templates.flatMap((t) => tableWrites(t.workflow))) {
		if (store === 'postgres') {
			stack.postgres.psql(`TRUNCATE "${table}"`, USER_DATABASE);
			continue;
		}
		const id = dataTableId(stack, table);
		if (id) stack.postgres.psql(`TRUNCATE "data_table_user_${id}"`, 'n8n');
	}
}

/**
 * What the platform says template 1 stores: every (ad, day) with delivery in
 * its two days, read from the simulator's insights endpoint itself (faults off).
 */
export async function expectedRowKeys(simulatorUrl, accounts, { since, until } = METRIC_DAYS) {
	const keys = [];
	for (const account of accounts) {
		let after;
		do {
			const qs = new URLSearchParams({
				level: 'ad',
				fields: 'ad_id,impressions',
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
			for (const row of body.data) keys.push(`${row.ad_id}|${row.date_start}`);
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

/** Ads Apply's audit rows as { entity_id, account_id, after, decision, applied }, from the templates' `adpilot_audit` Data Table. */
export function auditRows(stack) {
	const id = dataTableId(stack, 'adpilot_audit');
	if (!id) throw new Error('no Data Table named adpilot_audit');
	const sql = `SELECT coalesce(json_agg(json_build_object('entity_id', "entityId", 'account_id', "accountId", 'after', "after", 'decision', decision, 'applied', applied)), '[]') FROM "data_table_user_${id}"`;
	return JSON.parse(stack.postgres.psql(sql, 'n8n').trim());
}

/** The simulator's own change log: every write the platforms accepted. */
export async function simulatorChanges(simulatorUrl) {
	return (await simulator(simulatorUrl, 'changes')).changes;
}

