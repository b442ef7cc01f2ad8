import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

// test/scale/wrap.mjs turns a template into what the scale run drives (the run
// itself is `npm run test:scale`); this checks the wrapping alone, on the
// templates the scale run drives and on one more with a schedule and a placeholder.
const root = join(__dirname, '..', '..');

type Node = { name: string; type: string; parameters: Record<string, unknown>; disabled?: boolean };
type Workflow = { id: string; name: string; nodes: Node[]; connections: Record<string, { main: Array<Array<{ node: string }>> }>; settings: Record<string, unknown> };

function wrap(file: string): Workflow {
	const script = `
		const { wrapForLoad } = await import('./test/scale/wrap.mjs');
		const template = JSON.parse(process.argv[1]);
		process.stdout.write(JSON.stringify(wrapForLoad(template, { id: 'scaleTest', webhookPath: 'scale/test', errorWorkflow: 'errors' })));`;
	const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, readFileSync(join(root, file), 'utf8')], { cwd: root, encoding: 'utf8' });
	return JSON.parse(out) as Workflow;
}

const FILES = [
	'workflows/meta-metrics-every-30-minutes.json',
	'workflows/meta-metrics-every-30-minutes-postgres.json',
	'workflows/meta-performance-guard.json',
	'workflows/cross-platform-budget-rebalance.json',
	'workflows/meta-ads-rules-alerts.json',
];

describe.each(FILES)('wrapForLoad(%s)', (file) => {
	const template = JSON.parse(readFileSync(join(root, file), 'utf8')) as Workflow;
	const wrapped = wrap(file);
	const byName = new Map(wrapped.nodes.map((n) => [n.name, n]));

	it('replaces the schedule and manual triggers by one webhook taking a batch of accounts, split per account', () => {
		expect(wrapped.nodes.filter((n) => /scheduleTrigger|manualTrigger/.test(n.type))).toEqual([]);
		expect(byName.get('Load request')).toMatchObject({ type: 'n8n-nodes-base.webhook', parameters: { httpMethod: 'POST', path: 'scale/test' } });
		expect(byName.get('One item per account')).toMatchObject({ type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.accounts' } });
		const schedule = template.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
		const firstSteps = template.connections[schedule.name].main.flat().map((e) => e.node);
		expect(wrapped.connections['One item per account'].main[0].map((e) => e.node)).toEqual(firstSteps);
		expect(wrapped.connections['Load request'].main[0].map((e) => e.node)).toEqual(['One item per account']);
	});

	it("puts the batch item's account where the template has its placeholder, and keeps every other node", () => {
		const text = JSON.stringify(wrapped.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote'));
		expect(text).not.toContain('YOUR_META_AD_ACCOUNT_ID');
		expect(text).toContain("$('One item per account').item.json.accountId");
		const kept = template.nodes.filter((n) => !/scheduleTrigger|manualTrigger/.test(n.type)).map((n) => n.name);
		expect(kept.every((name) => byName.has(name))).toBe(true);
	});

	it('answers a Send and Wait approval with the item of an Approve click, and sets the error workflow', () => {
		for (const original of template.nodes.filter((n) => n.parameters?.operation === 'sendAndWait')) {
			const standIn = byName.get(original.name)!;
			expect(standIn.type).toBe('n8n-nodes-base.set');
			expect(JSON.parse(String(standIn.parameters.jsonOutput))).toEqual({ data: { approved: true } });
		}
		expect(wrapped.settings).toMatchObject({ errorWorkflow: 'errors', saveDataSuccessExecution: 'all' });
		expect(wrapped.id).toBe('scaleTest');
	});
});

it('wrapForLoad refuses a workflow without a schedule to replace', () => {
	const script = `
		const { wrapForLoad } = await import('./test/scale/wrap.mjs');
		try { wrapForLoad({ name: 'No schedule', nodes: [], connections: {} }, { id: 'x', webhookPath: 'x' }); } catch (e) { process.stdout.write(e.message); }`;
	expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })).toMatch(/No schedule: no Schedule Trigger/);
});
