import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// What `npm start` sets up beside the templates (scripts/lib/sandboxDataTables.mjs,
// scripts/lib/sandboxWebhooks.mjs): every Data Table a template reads or writes,
// and a ready request for every webhook template, as README.md quotes it.
const root = join(__dirname, '..', '..');

interface SandboxTable {
	name: string;
	columns: Array<{ name: string; type: string }>;
	rows: Array<Record<string, unknown>>;
}
interface SandboxWebhook {
	workflowId: string;
	path: string;
	fields: Record<string, string>;
	file: { field: string; path: string; type: string };
	curl: string;
}

/** The ES modules' exports, read by a child Node (jest runs CommonJS). */
function sandboxSetup(): { tables: SandboxTable[]; webhooks: SandboxWebhook[] } {
	const script = `
		const { SANDBOX_DATA_TABLES } = await import('./scripts/lib/sandboxDataTables.mjs');
		const { SANDBOX_WEBHOOKS, curlLine } = await import('./scripts/lib/sandboxWebhooks.mjs');
		const webhooks = SANDBOX_WEBHOOKS.map((w) => ({ ...w, curl: curlLine(w, 5678, 'http://127.0.0.1:5680') }));
		console.log(JSON.stringify({ tables: SANDBOX_DATA_TABLES, webhooks }));`;
	return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
}
const templates = readdirSync(join(root, 'workflows'))
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(root, 'workflows', file), 'utf8')) as { id: string; nodes: TemplateNode[] } }));

/** The columns a Data Table node names: filter keys and mapped columns. */
function columnsUsed(node: TemplateNode): string[] {
	const p = node.parameters;
	const keys = (p.filters?.conditions ?? []).map((c: { keyName: string }) => c.keyName);
	const mapped = Object.keys(p.columns?.value ?? {});
	return [...keys, ...mapped];
}

const { tables, webhooks } = sandboxSetup();
const dataTableNodes = templates.flatMap(({ file, workflow }) =>
	workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable').map((node) => ({ file, node })),
);

describe('sandbox data tables', () => {
	it('some template uses a Data Table (else this suite checks nothing)', () => {
		expect(dataTableNodes.length).toBeGreaterThan(0);
	});

	it.each(dataTableNodes.map(({ file, node }) => [file, node.name, node]))('%s "%s" names a sandbox table with its columns', (_file, _name, node) => {
		const reference = (node as TemplateNode).parameters.dataTableId ?? (node as TemplateNode).parameters.tableName;
		// A name resolves in any n8n; an id or a picked list entry would exist only in the author's instance.
		expect(reference).toMatchObject({ mode: 'name' });
		const table = tables.find((t) => t.name === reference.value);
		expect(table).toBeDefined();
		const columns = table!.columns.map((c) => c.name);
		for (const column of columnsUsed(node as TemplateNode)) expect(columns).toContain(column);
	});

	it.each(tables.map((t) => [t.name, t]))('%s: valid column names and types, rows only in declared columns', (_name, table) => {
		const { columns, rows } = table as SandboxTable;
		for (const column of columns) {
			expect(column.name).toMatch(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/);
			expect(['string', 'number', 'boolean', 'date']).toContain(column.type);
		}
		for (const row of rows) for (const key of Object.keys(row)) expect(columns.map((c) => c.name)).toContain(key);
	});
});

describe('one audit table', () => {
	// Every template that applies changes appends to adpilot_audit and Revert the last apply reads
	// any of them back, so they must all write the same columns the same way (JSON text included).
	const auditWrites = dataTableNodes.filter(({ node }) => node.parameters.operation === 'insert' && node.parameters.dataTableId?.value === 'adpilot_audit');

	it('every applying template writes every column of the sandbox table, with the same expressions', () => {
		expect(auditWrites.map(({ file }) => file).sort()).toEqual(
			expect.arrayContaining(['ab-test-watcher.json', 'cross-platform-budget-rebalance.json', 'meta-performance-guard.json', 'revert-last-apply.json']),
		);
		const columns = tables.find((t) => t.name === 'adpilot_audit')!.columns.map((c) => c.name).sort();
		const [first, ...others] = auditWrites.map(({ node }) => node.parameters.columns.value as Record<string, string>);
		expect(Object.keys(first).sort()).toEqual(columns);
		for (const mapping of others) expect(mapping).toEqual(first);
		expect(first.audit).toBe('={{ JSON.stringify($json) }}');
	});
});

describe('sandbox webhooks', () => {
	const webhookTemplates = templates.filter(({ workflow }) => workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook'));

	it.each(webhookTemplates.map(({ file, workflow }) => [file, workflow]))('%s has a ready request at its webhook path', (_file, workflow) => {
		const { id, nodes } = workflow as { id: string; nodes: TemplateNode[] };
		const webhook = webhooks.find((w) => w.workflowId === id);
		expect(webhook).toBeDefined();
		expect(nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!.parameters.path).toBe(webhook!.path);
		expect(existsSync(join(root, webhook!.file.path))).toBe(true);
	});

	it.each(webhooks.map((w) => [w.workflowId, w]))('README.md quotes the curl line `npm start` prints for %s', (_id, webhook) => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		expect(readme).toContain((webhook as SandboxWebhook).curl);
	});

	it.each(webhooks.map((w) => [w.workflowId, w]))('%s: the request names a client of the sandbox data table', (_id, webhook) => {
		const clients = tables.find((t) => t.name === 'adpilot_clients')!.rows.map((r) => r.client);
		expect(clients).toContain((webhook as SandboxWebhook).fields.client);
	});
});
