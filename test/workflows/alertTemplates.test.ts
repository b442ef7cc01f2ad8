import { loadTemplate } from './templates';

// The Code nodes of the alert templates, run as n8n's Code node runs them
// ("Run Once for All Items": $input.all(), $json of the first item), on the
// message shapes Ads Alert and n8n's Error Trigger produce. Which channel
// node gets which item is the Switch's job, checked in the real-n8n e2e run.
type Json = Record<string, any>;

function codeOf(file: string, nodeName: string): string {
	const node = loadTemplate(file).nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`${file} has no node "${nodeName}"`);
	return String(node.parameters.jsCode);
}

function runCode(code: string, items: Json[]): Array<{ json: Json; pairedItem?: unknown }> {
	const input = { all: () => items.map((json) => ({ json })), first: () => ({ json: items[0] }) };
	return new Function('$input', '$json', code)(input, items[0]);
}

const route = (items: Json[]) => runCode(codeOf('multi-channel-alerts.json', 'Route by severity'), items);

describe('template: Multi-channel alerts, Route by severity', () => {
	const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*CPA spike*' } }];
	const adsAlert = (severity: string) => [
		{ channel: 'slack', severity, heading: 'h', text: 'CPA spike', blocks, slackBlocksJson: JSON.stringify({ blocks }) },
		{ channel: 'email', severity, heading: 'h', subject: 's', html: '<p>x</p>', text: 'x' },
		{ channel: 'whatsapp', severity, text: 'w' },
		{ channel: 'telegram', severity, text: 't' },
	];

	it('lets each severity reach its channels only, keeping Ads Alert’s own formats and the item pairing', () => {
		const routed = (severity: string) => route(adsAlert(severity)).map((r) => r.json.channel);
		expect(routed('critical')).toEqual(['slack', 'email', 'whatsapp', 'telegram']);
		expect(routed('warning')).toEqual(['slack', 'email', 'telegram']);
		expect(routed('info')).toEqual(['slack', 'email']);
		const [slack, email] = route(adsAlert('info'));
		expect(slack).toEqual({ json: adsAlert('info')[0], pairedItem: { item: 0 } });
		expect(email.json).toMatchObject({ subject: 's', html: '<p>x</p>', text: 'x' });
	});

	it('treats an unknown or missing severity as a warning rather than dropping it', () => {
		expect(route([{ channel: 'telegram', severity: 'urgent', text: 't' }]).map((r) => r.json)).toEqual([{ channel: 'telegram', severity: 'warning', text: 't' }]);
	});

	it('formats a message without channel for every channel its severity reaches, escaping HTML and capping text', () => {
		const long = `<script>alert(1)</script> ${'x'.repeat(5000)}`;
		const routed = route([{ severity: 'critical', heading: 'Workflow "A & B" failed', text: long }]).map((r) => r.json);
		expect(routed.map((m) => m.channel)).toEqual(['slack', 'email', 'whatsapp', 'telegram']);
		const [slack, email, whatsapp, telegram] = routed;
		expect(JSON.parse(slack.slackBlocksJson).blocks[0].text.text).toHaveLength(3000);
		expect(email.subject).toBe('Workflow "A & B" failed');
		expect(email.html).toContain('<h2>Workflow &quot;A &amp; B&quot; failed</h2>');
		expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(email.html).not.toContain('<script>');
		for (const text of [whatsapp.text, telegram.text]) {
			expect(text).toHaveLength(4096);
			expect(text.endsWith('...')).toBe(true);
		}
	});
});

describe('template: Error alerts, Describe the failure', () => {
	const describeFailure = (item: Json) => runCode(codeOf('error-alerts.json', 'Describe the failure'), [item])[0].json;

	it('names the workflow, the failed node, the error and the execution as a critical message', () => {
		const message = describeFailure({
			execution: { id: '231', url: 'https://n8n.example.com/workflow/w1/executions/231', mode: 'trigger', lastNodeExecuted: 'Insights', error: { message: 'Invalid OAuth access token', description: 'Code 190', node: { name: 'Insights' } } },
			workflow: { id: 'w1', name: 'Meta metrics' },
		});
		expect(message).toMatchObject({ source: 'errorTrigger', severity: 'critical', failedNode: 'Insights', executionId: '231', errorMessage: 'Invalid OAuth access token' });
		expect(message.heading).toBe('AdPilot: workflow "Meta metrics" failed at "Insights"');
		expect(message.text.split('\n')).toEqual([
			message.heading,
			'Error: Invalid OAuth access token',
			'Details: Code 190',
			'Execution: https://n8n.example.com/workflow/w1/executions/231',
			'Started by: trigger',
		]);
	});

	it('reports a failed trigger (no execution yet) with what it has', () => {
		const message = describeFailure({ trigger: { mode: 'trigger', error: { message: 'Token expired' } }, workflow: { id: 'w2', name: 'Leads' } });
		expect(message.heading).toBe('AdPilot: workflow "Leads" failed at "unknown node"');
		expect(message.text).toContain('Error: Token expired');
		expect(message.executionId).toBeNull();
	});
});
