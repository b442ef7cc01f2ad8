/**
 * A deterministic, scripted "model" for agents that call tools through the
 * Responses API (n8n's AI Agent with the OpenAI Chat Model node, v1.3, which
 * uses Responses by default). No language understanding: keyword rules pick a
 * function tool for the user's last question, fill its arguments from the
 * tool's JSON schema, and once the tool's output comes back, answer from it
 * (CTR/spend/clicks by campaign, computed from AdPilot metric rows).
 */
export interface FunctionTool {
	type: 'function';
	name: string;
	description?: string;
	parameters?: { properties?: Record<string, { type?: string; description?: string; enum?: unknown[] }>; required?: string[] };
}

interface InputItem {
	type?: string;
	role?: string;
	content?: unknown;
	call_id?: string;
	name?: string;
	output?: unknown;
}

export type AssistantTurn = { kind: 'call'; tool: FunctionTool; arguments: Record<string, unknown> } | { kind: 'answer'; text: string };

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown })?.text ?? ''))).join(' ');
	return '';
}

/** Index and text of the last user message. */
function lastQuestion(items: InputItem[]): { index: number; text: string } {
	for (let i = items.length - 1; i >= 0; i--) {
		if (items[i].role === 'user') return { index: i, text: textOf(items[i].content) };
	}
	return { index: -1, text: '' };
}

/**
 * The tool whose name and description best match the question: the platform
 * named (Meta unless Google is), then the level (ad set, campaign), then a
 * reading tool (insights, report). Ties go to the first tool listed.
 */
export function pickTool(question: string, tools: FunctionTool[]): FunctionTool | undefined {
	const wantsGoogle = /google/i.test(question);
	const wantsAdSets = /ad ?sets?|ad groups?/i.test(question);
	const score = (tool: FunctionTool) => {
		const about = `${tool.name} ${tool.description ?? ''}`.toLowerCase().replace(/_/g, ' ');
		let points = 0;
		if (wantsGoogle ? /google/.test(about) : /meta|facebook/.test(about)) points += 4;
		if (wantsAdSets ? /ad ?set|ad group/.test(about) : /campaign/.test(about)) points += 2;
		if (/insight|report|metric/.test(about)) points += 1;
		return points;
	};
	let best: FunctionTool | undefined;
	for (const tool of tools) if (!best || score(tool) > score(best)) best = tool;
	return best;
}

/** A Meta date preset named by the question, e.g. "yesterday" → yesterday. */
function presetFor(question: string): string {
	if (/yesterday/i.test(question)) return 'yesterday';
	if (/today/i.test(question)) return 'today';
	if (/last (30 days|month)/i.test(question)) return 'last_30d';
	return 'last_7d';
}

/** Google Ads names the same ranges YESTERDAY, LAST_7_DAYS…; a parameter described with those names gets them. */
const GOOGLE_PRESETS: Record<string, string> = { yesterday: 'YESTERDAY', today: 'TODAY', last_7d: 'LAST_7_DAYS', last_30d: 'LAST_30_DAYS' };

/** Arguments for every property of the tool's schema: date-like ones from the question, others empty or a sane default. */
export function argumentsFor(question: string, tool: FunctionTool): Record<string, unknown> {
	const args: Record<string, unknown> = {};
	for (const [name, schema] of Object.entries(tool.parameters?.properties ?? {})) {
		const described = `${name} ${schema.description ?? ''}`;
		if (/date|preset|period|range/i.test(described)) args[name] = /LAST_7_DAYS|YESTERDAY/.test(described) ? GOOGLE_PRESETS[presetFor(question)] : presetFor(question);
		else if (/level/i.test(described)) args[name] = /ad ?set/i.test(question) ? 'adset' : /campaign/i.test(question) ? 'campaign' : 'campaign';
		else if (Array.isArray(schema.enum) && schema.enum.length > 0) args[name] = schema.enum[0];
		else if (schema.type === 'number' || schema.type === 'integer') args[name] = 0;
		else if (schema.type === 'boolean') args[name] = false;
		else args[name] = '';
	}
	return args;
}

interface Row {
	campaignName?: string | null;
	campaignId?: string | null;
	entityName?: string | null;
	entityId?: string;
	impressions?: number;
	clicks?: number;
	spend?: number;
	currency?: string;
}

/** Tool output as rows: n8n hands the agent a JSON string of the tool's items. */
function rowsFrom(output: unknown): Row[] {
	let value = output;
	for (let depth = 0; depth < 3 && typeof value === 'string'; depth++) {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return [];
		}
	}
	if (Array.isArray(value)) return value.map((entry) => ((entry as { json?: Row })?.json ?? entry) as Row);
	if (value && typeof value === 'object') return [((value as { json?: Row }).json ?? value) as Row];
	return [];
}

/** CTR per campaign (or per entity: ad set, ad group) from metric rows, highest first, one line each. */
export function ctrLines(rows: Row[], per: 'campaign' | 'entity' = 'campaign'): string[] {
	const totals = new Map<string, { impressions: number; clicks: number; spend: number; currency: string }>();
	for (const row of rows) {
		if (typeof row.impressions !== 'number' || typeof row.clicks !== 'number') continue;
		const name = (per === 'campaign' ? row.campaignName ?? row.campaignId : null) ?? row.entityName ?? row.entityId ?? 'unknown';
		const total = totals.get(name) ?? { impressions: 0, clicks: 0, spend: 0, currency: row.currency ?? '' };
		total.impressions += row.impressions;
		total.clicks += row.clicks;
		total.spend += row.spend ?? 0;
		totals.set(name, total);
	}
	return [...totals.entries()]
		.map(([name, t]) => ({ name, ctr: t.impressions > 0 ? t.clicks / t.impressions : 0, ...t }))
		.sort((a, b) => b.ctr - a.ctr || a.name.localeCompare(b.name))
		.map((t) => `- ${t.name}: CTR ${(t.ctr * 100).toFixed(2)} % (${t.clicks} clicks / ${t.impressions} impressions, spend ${t.spend.toFixed(2)} ${t.currency})`.trim());
}

/** The next turn for a tool-using conversation. */
export function assistantTurn(input: unknown, tools: FunctionTool[]): AssistantTurn {
	const items: InputItem[] = Array.isArray(input) ? (input as InputItem[]) : [{ role: 'user', content: textOf(input) }];
	const { index, text: question } = lastQuestion(items);
	const outputs = items.slice(index + 1).filter((item) => item.type === 'function_call_output');
	if (outputs.length === 0) {
		const tool = pickTool(question, tools);
		if (tool) return { kind: 'call', tool, arguments: argumentsFor(question, tool) };
		return { kind: 'answer', text: 'I have no tools to look that up.' };
	}
	const rows = outputs.flatMap((item) => rowsFrom(item.output));
	const when = presetFor(question).replace('last_7d', 'the last 7 days').replace('last_30d', 'the last 30 days');
	if (/pause/i.test(question)) {
		const lowest = ctrLines(rows, 'entity').reverse().slice(0, 3);
		if (lowest.length === 0) return { kind: 'answer', text: `The tool returned ${rows.length} item(s) without impressions and clicks.` };
		return { kind: 'answer', text: `I would look at pausing the lowest-CTR ones (${when}); this is a proposal, changes go through Plan → approval → Apply:\n${lowest.join('\n')}` };
	}
	const lines = ctrLines(rows, 'campaign');
	if (lines.length === 0) return { kind: 'answer', text: `The tool returned ${rows.length} item(s) without impressions and clicks, so I cannot compute a CTR from them.` };
	return { kind: 'answer', text: `CTR by campaign (${when}), from ${rows.length} row(s):\n${lines.join('\n')}` };
}
