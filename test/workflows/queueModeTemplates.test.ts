/**
 * The two templates for n8n in queue mode (PostgreSQL): the PostgreSQL variant
 * of "Meta metrics every 30 minutes" and "Interrupted runs to alerts". Both
 * need a PostgreSQL server, so they run for real only in `npm run test:scale`
 * (test/scale/); here: the variant stays the Data Table template with only its
 * storage swapped, and the SQL the sticky notes give users is the SQL the
 * nodes run and the rows they write need.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowJson } from '../harness/runWorkflow';
import { codeOf, runCode } from './templateSteps';

interface Node {
	id: string;
	name: string;
	type: string;
	position: number[];
	parameters: Record<string, any>;
	credentials?: Record<string, { name: string }>;
	executeOnce?: boolean;
	onError?: string;
}
interface Workflow {
	name: string;
	nodes: Node[];
	connections: Record<string, unknown>;
	settings: Record<string, unknown>;
}

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8')) as Workflow;
const node = (workflow: Workflow, name: string) => {
	const found = workflow.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`${workflow.name} has no node "${name}"`);
	return found;
};
const notes = (workflow: Workflow) => workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
/** The ```sql blocks of a workflow's sticky notes. */
const noteSql = (workflow: Workflow) => notes(workflow).flatMap((text) => [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]));

describe('Meta metrics every 30 minutes (PostgreSQL)', () => {
	const original = read('meta-metrics-every-30-minutes.json');
	const variant = read('meta-metrics-every-30-minutes-postgres.json');
	const STORAGE = ['Upsert by ad and date', 'Stored history, complete days'];
	const steps = (workflow: Workflow) => workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote' && !STORAGE.includes(n.name));

	it('is the Data Table template with only its two storage steps swapped: every other node and every connection the same', () => {
		expect(steps(variant)).toEqual(steps(original));
		expect(variant.connections).toEqual(original.connections);
		expect(variant.settings).toEqual(original.settings);
		expect(variant.name).toBe(`${original.name} (PostgreSQL)`);
	});

	it('upserts the same columns with the same values, matching on (entityId, date)', () => {
		const dataTable = node(original, 'Upsert by ad and date');
		const postgres = node(variant, 'Upsert by ad and date');
		expect(postgres).toMatchObject({ type: 'n8n-nodes-base.postgres', credentials: { postgres: { name: 'AdPilot PostgreSQL' } } });
		expect(postgres.parameters).toMatchObject({ operation: 'upsert', table: { value: 'adpilot_meta_ad_metrics' } });
		expect(postgres.parameters.columns.matchingColumns).toEqual(dataTable.parameters.filters.conditions.map((c: { keyName: string }) => c.keyName));
		expect(postgres.parameters.columns.value).toEqual(dataTable.parameters.columns.value);
	});

	it("reads the same history as the Data Table template (this account's days from 35 days ago up to yesterday), once a run, numbers as numbers", () => {
		const dataTable = node(original, 'Stored history, complete days');
		const postgres = node(variant, 'Stored history, complete days');
		const operator: Record<string, string> = { eq: 'equal', gte: '>=', lt: '<' };
		expect(postgres.parameters).toMatchObject({ operation: 'select', returnAll: true, combineConditions: 'AND', options: { largeNumbersOutput: 'numbers' } });
		expect(postgres.parameters.where.values).toEqual(
			dataTable.parameters.filters.conditions.map((c: { keyName: string; condition: string; keyValue: string }) => ({ column: c.keyName, condition: operator[c.condition], value: c.keyValue })),
		);
		expect(postgres.executeOnce).toBe(true);
	});

	it("its sticky note's CREATE TABLE has every upserted column and a primary key on the matched columns", () => {
		const [sql, ...more] = noteSql(variant);
		expect(more).toEqual([]);
		const table = /CREATE TABLE IF NOT EXISTS adpilot_meta_ad_metrics \(([\s\S]*?)\);/.exec(sql)?.[1] ?? '';
		const declared = table.split(',').map((part) => part.trim().split(/\s+/)[0].replace(/"/g, ''));
		const columns = Object.keys(node(variant, 'Upsert by ad and date').parameters.columns.value);
		expect(declared).toEqual(expect.arrayContaining(columns));
		expect(table.replace(/\s+/g, ' ')).toContain('PRIMARY KEY ("entityId", date)');
	});

	it('README gives users the same SQL as the sticky note', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain(`\`\`\`sql\n${noteSql(variant)[0]}\`\`\``);
	});
});

describe('Interrupted runs to alerts (queue mode)', () => {
	const workflow = read('queue-mode-interrupted-runs.json');
	const claim = node(workflow, 'Claim interrupted executions');

	it("creates the claim table its note documents, in n8n's own database", () => {
		const create = node(workflow, 'Claim table exists');
		expect(noteSql(workflow)).toEqual([`${create.parameters.query}\n`]);
		for (const step of [create, claim]) expect(step.credentials).toEqual({ postgres: { name: 'n8n database (PostgreSQL)' } });
	});

	it('claims each crashed execution n8n reported to no Error Workflow once, with one INSERT … ON CONFLICT DO NOTHING RETURNING', () => {
		const sql = String(claim.parameters.query);
		expect(sql).toMatch(/INSERT INTO adpilot_interrupted_alerts[\s\S]*ON CONFLICT \(execution_id\) DO NOTHING\s+RETURNING execution_id/);
		expect(sql).toContain("e.status = 'crashed'");
		// n8n 2.40's WorkflowCrashedError: written, and the Error Workflow run, when a process recovers an execution from its event log.
		expect(sql).toMatch(/NOT EXISTS[\s\S]*LIKE '%Workflow did not finish, possible out-of-memory issue%'/);
		// Queued executions that never started have no startedAt.
		expect(sql).toContain('e."createdAt" > now()');
		expect(sql).toMatch(/JOIN claimed/);
	});

	it('turns every failure of its own steps into a critical alert, and keeps no data of its quiet runs', () => {
		const connections = workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
		for (const step of ['Claim table exists', 'Claim interrupted executions']) {
			expect(node(workflow, step).onError).toBe('continueErrorOutput');
			expect(connections[step].main[1].map((e) => e.node)).toEqual(['Describe the failure']);
		}
		expect(connections['Describe the failure'].main[0].map((e) => e.node)).toEqual(['Send to the alert channels']);
		expect(workflow.settings).toMatchObject({ saveDataSuccessExecution: 'none' });
	});

	it('describes each claimed execution as one critical alert naming the workflow and the execution, with a link once EDITOR_URL is set', () => {
		const rows = [
			{ execution_id: '41', workflow_id: 'wf1', workflow_name: 'AdPilot: Performance guard', status: 'crashed', mode: 'webhook', started_at: '2026-12-03T08:00:00.000Z' },
			{ execution_id: '42', workflow_id: 'wf2', workflow_name: 'AdPilot: Meta metrics', status: 'error', mode: 'trigger', started_at: '2026-12-03T08:01:00.000Z' },
		];
		const code = codeOf(workflow as unknown as WorkflowJson, 'Describe the interruption');
		const alerts = runCode(code, rows).map((a) => a.json);
		expect(alerts.map((a) => [a.severity, a.heading, a.executionId, a.executionUrl])).toEqual([
			['critical', 'AdPilot: workflow "AdPilot: Performance guard" was interrupted (execution 41, crashed)', '41', null],
			['critical', 'AdPilot: workflow "AdPilot: Meta metrics" was interrupted (execution 42, error)', '42', null],
		]);
		expect(String(alerts[0].text)).toContain('ran no Error Workflow for it');
		expect(String(alerts[0].text)).toContain('started 2026-12-03T08:00:00.000Z');
		expect(String(runCode(code, [{ ...rows[0], started_at: null }])[0].json.text)).toContain('never started');
		const linked = runCode(code.replace("const EDITOR_URL = '';", "const EDITOR_URL = 'https://n8n.example.com/';"), rows).map((a) => a.json);
		expect(linked[1].executionUrl).toBe('https://n8n.example.com/workflow/wf2/executions/42');
		expect(String(linked[1].text)).toContain('Execution: https://n8n.example.com/workflow/wf2/executions/42');
	});
});
