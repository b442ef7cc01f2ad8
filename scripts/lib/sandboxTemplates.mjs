// What `npm start` and the e2e run change in a template on import, so the
// shipped JSON holds no sandbox value: placeholders become the simulator's
// ids, credential references (by name in the templates) get the sandbox
// credentials' ids, and channel nodes that n8n 2.40 cannot point at a local
// host are imported disabled.

import { readFileSync } from 'node:fs';

/**
 * Placeholder → sandbox value (the simulator's first Meta account, Google
 * customer, a Telegram chat). Templates use these where a user must put
 * their own id; the in-process tests read the same file.
 */
export const SANDBOX_PLACEHOLDERS = JSON.parse(readFileSync(new URL('./sandbox-placeholders.json', import.meta.url), 'utf8'));

/**
 * Node types whose host is hard-coded in n8n 2.40 (Slack: https://slack.com/api,
 * WhatsApp: https://graph.facebook.com): no base URL or host field can send
 * them to the simulator, so the sandbox imports them disabled (they pass
 * their input through) instead of letting a fake token reach the internet.
 */
export const UNREACHABLE_IN_SANDBOX = {
	'n8n-nodes-base.slack': 'slack.com',
	'n8n-nodes-base.whatsApp': 'graph.facebook.com',
};

/** Credentials of n8n's built-in nodes, pointed at the simulator (SMTP sink, hook recorder, OpenAI emulation). */
export function builtInSandboxCredentials(simulatorUrl, smtpPort) {
	const credentials = [
		{ id: 'adpilotN8nOpenAiSandbox', name: 'OpenAI (AdPilot sandbox)', type: 'openAiApi', data: { apiKey: 'sim-openai-key', url: `${simulatorUrl}/openai/v1` } },
		{ id: 'adpilotTelegramSandbox', name: 'Telegram (AdPilot sandbox)', type: 'telegramApi', data: { accessToken: '123456:sim-telegram-token', baseUrl: `${simulatorUrl}/hooks/telegram` } },
		{ id: 'adpilotSlackSandbox', name: 'Slack (AdPilot sandbox, node disabled)', type: 'slackApi', data: { accessToken: 'xoxb-sim-slack-token' } },
		{ id: 'adpilotWhatsAppSandbox', name: 'WhatsApp (AdPilot sandbox, node disabled)', type: 'whatsAppApi', data: { accessToken: 'sim-whatsapp-token', businessAccountId: '100000000000001' } },
		{ id: 'adpilotMcpTokenSandbox', name: 'AdPilot MCP token (sandbox)', type: 'httpBearerAuth', data: { token: 'sim-mcp-token' } },
	];
	if (smtpPort) {
		credentials.push({
			id: 'adpilotSmtpSandbox',
			name: 'SMTP (AdPilot sandbox)',
			type: 'smtp',
			data: { user: '', password: '', host: '127.0.0.1', port: smtpPort, secure: false, disableStartTls: true, hostName: '' },
		});
	}
	return credentials;
}

/** Fills one template (parsed JSON) for the sandbox; `credentials` are every sandbox credential. */
export function fillTemplateForSandbox(workflow, credentials) {
	const fill = (node) => {
		// Sticky notes keep the placeholder names: they tell the user what to replace.
		if (node.type === 'n8n-nodes-base.stickyNote') return node;
		let text = JSON.stringify(node);
		for (const [placeholder, value] of Object.entries(SANDBOX_PLACEHOLDERS)) text = text.split(placeholder).join(value);
		return JSON.parse(text);
	};
	const filled = { ...workflow, nodes: (workflow.nodes ?? []).map(fill) };
	const byType = new Map(credentials.map((credential) => [credential.type, credential]));
	for (const node of filled.nodes ?? []) {
		for (const type of Object.keys(node.credentials ?? {})) {
			const credential = byType.get(type);
			if (credential) node.credentials[type] = { id: credential.id, name: credential.name };
		}
		const host = UNREACHABLE_IN_SANDBOX[node.type];
		if (host) {
			node.disabled = true;
			node.notes = `${node.notes ? `${node.notes}\n` : ''}Sandbox: disabled, n8n 2.40 sends this node to ${host} and has no base URL to point it at the simulator.`;
		}
	}
	return filled;
}
