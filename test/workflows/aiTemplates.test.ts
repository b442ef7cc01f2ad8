import type { INode } from 'n8n-workflow';

import { parseMetricRow } from '../../nodes/shared/contracts';
import { runWorkflow, type WorkflowJson } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from './templates';

// The AdPilot path of the chat assistant and MCP server templates: each
// AdPilot tool node, with the argument the model (or MCP client) supplies in
// place of its $fromAI() expression, run as the plain AdPilot node in
// process against the simulator. The agent and the MCP transport are n8n's:
// the real-n8n e2e run drives those.
const TOOL_SUFFIX = 'Tool';
const TODAY = '2026-11-20';

/** The tool nodes of a template, each as a one-node workflow of the plain AdPilot node with `$fromAI` arguments filled in. */
function toolsAsWorkflows(file: string, argumentsByKey: Record<string, string>): Array<{ name: string; workflow: WorkflowJson }> {
	const template = loadTemplate(file);
	return template.nodes
		.filter((node) => node.type.startsWith('n8n-nodes-adpilot.') && node.type.endsWith(TOOL_SUFFIX))
		.map((tool) => {
			let parameters = JSON.stringify(tool.parameters);
			parameters = parameters.replace(/=\{\{ \$fromAI\('(\w+)'[^}]*\}\}/g, (_, key: string) => {
				if (!(key in argumentsByKey)) throw new Error(`${tool.name}: no test argument for $fromAI('${key}')`);
				return argumentsByKey[key];
			});
			const node: INode = { ...tool, type: tool.type.slice(0, -TOOL_SUFFIX.length), parameters: JSON.parse(parameters) };
			const trigger: INode = { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
			return {
				name: tool.name,
				workflow: { name: `${file} / ${tool.name}`, nodes: [trigger, node], connections: { Start: { main: [[{ node: tool.name, type: 'main', index: 0 }]] } } },
			};
		});
}

describe.each(['ads-chat-assistant.json', 'adpilot-mcp-server.json'])('template %s: its AdPilot tools, run as nodes', (file) => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: TODAY, accounts: 1, campaignsPerAccount: 4, adSetsPerCampaign: 3 } });
	});
	afterAll(async () => sim.close());

	const tools = toolsAsWorkflows(file, { datePreset: 'yesterday', dateRange: 'YESTERDAY' });

	it('has read tools only, each with a description written for the model', () => {
		expect(tools.length).toBeGreaterThanOrEqual(3);
		for (const node of loadTemplate(file).nodes.filter((n) => n.type.endsWith(TOOL_SUFFIX))) {
			expect(node.parameters).toMatchObject({ descriptionType: 'manual', toolDescription: expect.stringMatching(/Read-only\.$/) });
			expect(['get', 'getMany']).toContain(node.parameters.operation);
		}
	});

	it.each(tools.map((t) => [t.name, t.workflow] as const))('%s returns what the question needs from the simulator', async (name, workflow) => {
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
		expect(result.nodeError(name)).toBeUndefined();
		const items = result.output(name);
		expect(items.length).toBeGreaterThan(0);
		if (/insights|report/i.test(name)) {
			for (const row of items) {
				expect(parseMetricRow(row).ok).toBe(true);
				expect(row).toMatchObject({ level: /ad set/i.test(name) ? 'adSet' : 'campaign' });
			}
			// One day, as one row per entity: what "CTR by campaign yesterday" needs. (Meta's presets follow
			// the simulator's "today"; Google resolves YESTERDAY itself, from the real clock.)
			const days = new Set(items.map((r) => `${r.date}..${r.dateStop}`));
			expect(days.size).toBe(1);
			const [day] = [...days];
			expect(day.split('..')[0]).toBe(day.split('..')[1]);
			if (!/google/i.test(name)) expect(day).toBe('2026-11-19..2026-11-19');
			expect(new Set(items.map((r) => r.entityId)).size).toBe(items.length);
		} else {
			for (const campaign of items) expect(campaign).toMatchObject({ id: expect.any(String), name: expect.any(String) });
		}
	});
});
