import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { loadAdPilotNodes } from '../harness/nodeTypes';

// Rules every template in workflows/ keeps, so it imports and runs in a real n8n.
const dir = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown> }));
const ownTypes = new Set(Object.keys(loadAdPilotNodes()));

interface TemplateNode {
	name: string;
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
}

describe.each(templates)('template $file', ({ workflow }) => {
	const nodes = workflow.nodes as TemplateNode[];

	it('has an id n8n can import and execute (1 to 21 characters) and a name', () => {
		expect(typeof workflow.id).toBe('string');
		expect((workflow.id as string).length).toBeGreaterThan(0);
		expect((workflow.id as string).length).toBeLessThanOrEqual(21);
		expect(String(workflow.name)).toMatch(/^AdPilot: /);
	});

	it('uses only n8n’s own node types and AdPilot’s published ones, never CUSTOM.*', () => {
		for (const node of nodes) {
			expect(node.type).toMatch(/^(n8n-nodes-base|n8n-nodes-adpilot)\./);
			if (node.type.startsWith('n8n-nodes-adpilot.')) expect(ownTypes).toContain(node.type);
		}
	});

	it('has a Manual Trigger, so `n8n execute` and the editor can run it on demand', () => {
		expect(nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger' || n.type === 'n8n-nodes-base.webhook')).toBe(true);
	});

	it('refers to the sandbox credentials by id, and to AdPilot credential types only', () => {
		for (const node of nodes.filter((n) => n.type.startsWith('n8n-nodes-adpilot.'))) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(type).toMatch(/^adPilot/);
				expect(ref.id).toMatch(/^adpilot(Meta|Google|OpenAi)Sandbox$/);
			}
		}
	});

	it('connects only nodes that exist', () => {
		const names = new Set(nodes.map((n) => n.name));
		for (const [from, outputs] of Object.entries(workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names).toContain(from);
			for (const link of outputs.main.flat()) expect(names).toContain(link.node);
		}
	});
});
