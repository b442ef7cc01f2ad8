// The n8n Data Tables the templates in workflows/ read, with sandbox rows that
// point at the simulator's dataset (simulator/meta/store.ts). `npm start` and
// the e2e run create them through the editor's REST API, so every template
// works in the sandbox as imported. test/workflows/sandboxDataTables.test.ts
// checks that every table and column a template names is here.
import { createDataTable, editorRest, insertDataTableRows, personalProjectId } from './n8n.mjs';

/** The simulator's Meta ad account and one of its pages. */
export const SANDBOX_META_ACCOUNT = '100010000000001';
export const SANDBOX_META_PAGE = '1000000000001';
/** The simulator's first Google Ads customer (EUR), as scripts/lib/sandbox-placeholders.json names it. */
export const SANDBOX_GOOGLE_CUSTOMER = '5550000001';

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
		// Ads Apply's audit rows (nodes/AdsApply/engine/audit.ts: one column per key of the audit item),
		// appended by every template that applies changes (performance guard, cross-platform rebalance, A/B test
		// watcher, revert). before/requested/after and the structured fields are JSON text; `audit` is the whole
		// audit item as JSON, which Revert the last apply reads back.
		name: 'adpilot_audit',
		columns: [
			{ name: 'schema', type: 'string' },
			{ name: 'operation', type: 'string' },
			{ name: 'runId', type: 'string' },
			{ name: 'planDigest', type: 'string' },
			{ name: 'platform', type: 'string' },
			{ name: 'accountId', type: 'string' },
			{ name: 'level', type: 'string' },
			{ name: 'entityId', type: 'string' },
			{ name: 'entityName', type: 'string' },
			{ name: 'kind', type: 'string' },
			{ name: 'property', type: 'string' },
			{ name: 'currency', type: 'string' },
			{ name: 'before', type: 'string' },
			{ name: 'requested', type: 'string' },
			{ name: 'after', type: 'string' },
			{ name: 'decision', type: 'string' },
			{ name: 'reason', type: 'string' },
			{ name: 'validated', type: 'boolean' },
			{ name: 'applied', type: 'boolean' },
			{ name: 'appliedAt', type: 'string' },
			{ name: 'error', type: 'string' },
			{ name: 'revertOf', type: 'string' },
			{ name: 'idempotencyKey', type: 'string' },
			{ name: 'source', type: 'string' },
			{ name: 'guardrails', type: 'string' },
			{ name: 'response', type: 'string' },
			{ name: 'action', type: 'string' },
			{ name: 'audit', type: 'string' },
		],
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
		// workflows/google-ads-traffic-manager.json: the brief its FIRST_RUN plans a campaign from.
		name: 'campaign_templates',
		columns: [
			{ name: 'client', type: 'string' },
			{ name: 'customerId', type: 'string' },
			{ name: 'product', type: 'string' },
			{ name: 'landingPage', type: 'string' },
			{ name: 'audience', type: 'string' },
			{ name: 'goal', type: 'string' },
			{ name: 'dailyBudget', type: 'number' },
			{ name: 'currency', type: 'string' },
			{ name: 'language', type: 'string' },
			{ name: 'locationIds', type: 'string' },
			{ name: 'languageIds', type: 'string' },
		],
		rows: [
			{
				client: 'Acme Shoes',
				customerId: SANDBOX_GOOGLE_CUSTOMER,
				product: 'Trail running shoes for long mountain runs',
				landingPage: 'https://shop.example/trail',
				audience: 'Trail runners 25-45 in German cities near mountains',
				goal: 'sales',
				dailyBudget: 25,
				currency: 'EUR',
				language: 'English',
				locationIds: '2276',
				languageIds: '1000',
			},
		],
	},
	{
		// workflows/google-ads-traffic-manager.json: the campaign it manages per client; empty, so the first run is FIRST_RUN.
		name: 'campaign_metadata',
		columns: [
			{ name: 'client', type: 'string' },
			{ name: 'customerId', type: 'string' },
			{ name: 'campaignId', type: 'string' },
			{ name: 'campaignName', type: 'string' },
			{ name: 'campaignResourceName', type: 'string' },
			{ name: 'dailyBudget', type: 'number' },
			{ name: 'currency', type: 'string' },
			{ name: 'status', type: 'string' },
			{ name: 'traceId', type: 'string' },
		],
		rows: [],
	},
	{
		// workflows/google-ads-traffic-manager.json: one row per step (create, approval, apply); payload and result are JSON text.
		name: 'execution_history',
		columns: [
			{ name: 'traceId', type: 'string' },
			{ name: 'client', type: 'string' },
			{ name: 'stage', type: 'string' },
			{ name: 'status', type: 'string' },
			{ name: 'payload', type: 'string' },
			{ name: 'result', type: 'string' },
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
