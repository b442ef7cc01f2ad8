// The n8n Data Tables the templates in workflows/ read, with sandbox rows that
// point at the simulator's dataset (simulator/meta/store.ts). `npm start` and
// the e2e run create them through the editor's REST API, so every template
// works in the sandbox as imported. test/workflows/sandboxDataTables.test.ts
// checks that every table and column a template names is here.
import { createDataTable, editorRest, insertDataTableRows, personalProjectId } from './n8n.mjs';

/** The simulator's Meta ad account and one of its pages. */
export const SANDBOX_META_ACCOUNT = '100010000000001';
export const SANDBOX_META_PAGE = '1000000000001';

export const SANDBOX_DATA_TABLES = [
	{
		// workflows/meta-full-hierarchy-from-webhook.json: "Find Client" maps a client name to its account and page.
		name: 'adpilot_clients',
		columns: [
			{ name: 'client', type: 'string' },
			{ name: 'adAccountId', type: 'string' },
			{ name: 'pageId', type: 'string' },
		],
		rows: [{ client: 'Acme Shoes', adAccountId: SANDBOX_META_ACCOUNT, pageId: SANDBOX_META_PAGE }],
	},
	{
		// workflows/meta-performance-guard.json: one row per proposed change, PENDING until a person decides (ACCEPTED, REJECTED, EXPIRED).
		name: 'adpilot_suggestions',
		columns: ['planRunId', 'digest', 'status', 'platform', 'accountId', 'level', 'entityId', 'entityName', 'kind', 'property', 'currency', 'before', 'after', 'decision', 'reason', 'idempotencyKey', 'action', 'proposedAt', 'decidedAt'].map((name) => ({ name, type: 'string' })),
		rows: [],
	},
	{
		// workflows/meta-performance-guard.json writes Ads Apply's audit rows; revert-last-apply.json reads them back.
		name: 'adpilot_audit',
		columns: ['runId', 'planDigest', 'operation', 'platform', 'accountId', 'level', 'entityId', 'entityName', 'kind', 'property', 'currency', 'before', 'after', 'decision', 'reason', 'applied', 'appliedAt', 'error', 'revertOf', 'idempotencyKey', 'schema', 'audit'].map((name) => ({ name, type: name === 'applied' ? 'boolean' : 'string' })),
		rows: [],
	},
	{
		// workflows/meta-metrics-every-30-minutes.json: one row per ad and day, upserted by (entityId, date); starts empty.
		name: 'adpilot_meta_ad_metrics',
		columns: [
			...['platform', 'level', 'entityId', 'entityName', 'accountId', 'campaignId', 'campaignName', 'adSetId', 'adSetName', 'date', 'currency'].map((name) => ({ name, type: 'string' })),
			...['impressions', 'clicks', 'spend', 'conversions', 'value', 'reach'].map((name) => ({ name, type: 'number' })),
		],
		rows: [],
	},
	{
		// workflows/meta-events-to-alerts.json: one row per Lead Ads lead, upserted by leadId (Meta retries deliveries); starts empty.
		name: 'adpilot_meta_leads',
		columns: ['leadId', 'createdTime', 'pageId', 'formId', 'adId', 'fullName', 'email', 'answers'].map((name) => ({ name, type: 'string' })),
		rows: [],
	},
];

/** The names of the data tables in the owner's personal project. */
export async function dataTableNames(port, cookie, projectId) {
	const listed = await editorRest(port, cookie, 'GET', `/projects/${projectId}/data-tables`);
	return (listed?.data ?? listed ?? []).map((table) => table.name);
}

/**
 * Creates every sandbox table that does not exist yet, with its rows. A table
 * that exists already (a second `npm start`) is left as the user left it.
 * Returns the names of the tables it created.
 */
export async function ensureSandboxDataTables(port, cookie, tables = SANDBOX_DATA_TABLES) {
	const projectId = await personalProjectId(port, cookie);
	const existing = new Set(await dataTableNames(port, cookie, projectId));
	const created = [];
	for (const table of tables) {
		if (existing.has(table.name)) continue;
		const { id } = await createDataTable(port, cookie, projectId, table.name, table.columns);
		if (table.rows.length > 0) await insertDataTableRows(port, cookie, projectId, id, table.rows);
		created.push(table.name);
	}
	return created;
}
