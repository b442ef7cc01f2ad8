import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { loadAdPilotCredentialTypes, loadAdPilotNodes } from '../harness/nodeTypes';
import builtIns from './n8nBuiltins.json';

// Rules every template in workflows/ keeps (issue 14): it imports into n8n
// 2.40 with AdPilot installed, holds no secret and no sandbox value, and
// explains its setup in sticky notes.
const dir = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((file) => {
		const text = readFileSync(join(dir, file), 'utf8');
		return { file, text, workflow: JSON.parse(text) as Record<string, unknown> };
	});

/** AdPilot's node types with their versions, plus the `<type>Tool` variant n8n generates for `usableAsTool` nodes. */
function adPilotTypes(): Map<string, number[]> {
	const types = new Map<string, number[]>();
	for (const [type, node] of Object.entries(loadAdPilotNodes())) {
		const versions = [node.description.version].flat();
		types.set(type, versions);
		if (node.description.usableAsTool) types.set(`${type}Tool`, versions);
	}
	return types;
}
const ownTypes = adPilotTypes();
const builtInTypes = new Map(Object.entries(builtIns.nodes as Record<string, number[]>));
const credentialTypes = new Set([...Object.keys(loadAdPilotCredentialTypes()), ...builtIns.credentials]);

/** Values only the sandbox or a real account may hold. */
const FORBIDDEN = [
	{ what: 'a simulator secret', pattern: /\bsim-[a-z]+-[a-z-]+/ },
	{ what: 'a sandbox credential id', pattern: /adpilot\w*Sandbox/ },
	{ what: 'the simulator’s Meta account', pattern: /\b10001000000000\d\b/ },
	{ what: 'the simulator’s Google customer', pattern: /\b555000000\d\b/ },
	{ what: 'a local URL', pattern: /\b(127\.0\.0\.1|localhost)\b/ },
	{ what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{8,}/ },
	{ what: 'an OpenAI key', pattern: /\bsk-[A-Za-z0-9_-]{20,}/ },
	{ what: 'a Meta access token', pattern: /\bEAA[A-Za-z0-9]{20,}/ },
	{ what: 'a Google OAuth secret or token', pattern: /\b(GOCSPX-[A-Za-z0-9_-]+|ya29\.[A-Za-z0-9_-]+|1\/\/0[A-Za-z0-9_-]{20,})/ },
];

/** Nodes that start a run: a template needs one, so the editor (and the e2e run) can start it. */
const STARTERS = /\.(manualTrigger|webhook|scheduleTrigger|errorTrigger|executeWorkflowTrigger|chatTrigger|mcpTrigger|[a-zA-Z]+Trigger)$/;

interface TemplateNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
}

describe.each(templates)('template $file', ({ workflow, text }) => {
	const nodes = workflow.nodes as TemplateNode[];

	it('has an id n8n can import and execute (1 to 21 characters) and a name', () => {
		expect(typeof workflow.id).toBe('string');
		expect((workflow.id as string).length).toBeGreaterThan(0);
		expect((workflow.id as string).length).toBeLessThanOrEqual(21);
		expect(String(workflow.name)).toMatch(/^AdPilot: /);
	});

	it('uses only node types (and versions) that AdPilot or n8n 2.40 ship', () => {
		for (const node of nodes) {
			const versions = node.type.startsWith('n8n-nodes-adpilot.') ? ownTypes.get(node.type) : builtInTypes.get(node.type);
			expect({ node: node.name, type: node.type, known: versions !== undefined }).toEqual({ node: node.name, type: node.type, known: true });
			expect({ node: node.name, versions }).toEqual({ node: node.name, versions: expect.arrayContaining([node.typeVersion]) });
		}
	});

	it('refers to credentials of known types, by name only (no credential id)', () => {
		for (const node of nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect({ node: node.name, type, known: credentialTypes.has(type) }).toEqual({ node: node.name, type, known: true });
				expect({ node: node.name, id: ref.id }).toEqual({ node: node.name, id: undefined });
				expect(ref.name).toMatch(/\S/);
			}
		}
	});

	it('holds no secret and no sandbox value', () => {
		for (const { what, pattern } of FORBIDDEN) expect({ what, found: pattern.exec(text)?.[0] ?? null }).toEqual({ what, found: null });
	});

	it('has a node that starts it', () => {
		expect(nodes.some((n) => STARTERS.test(n.type))).toBe(true);
	});

	it('explains its setup in a sticky note: the credentials and what to change first', () => {
		const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
		expect(notes.length).toBeGreaterThan(0);
		const all = notes.join('\n');
		expect(all).toMatch(/credential/i);
		expect(all).toMatch(/change first|set up/i);
	});

	it('connects only nodes that exist, on every connection kind (main, ai_tool, ai_languageModel…)', () => {
		const names = new Set(nodes.map((n) => n.name));
		for (const [from, kinds] of Object.entries(workflow.connections as Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>)) {
			expect(names).toContain(from);
			for (const [kind, outputs] of Object.entries(kinds)) {
				for (const link of outputs.flat()) {
					expect(names).toContain(link.node);
					expect(link.type).toBe(kind);
				}
			}
		}
	});
});
