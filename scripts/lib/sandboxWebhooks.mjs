// Templates that start from a webhook. `npm start` publishes them (n8n serves
// a production webhook only for a published workflow) and prints a ready curl
// line for each; the e2e run posts exactly the same request. README.md quotes
// the line for the default ports (test/workflows/sandboxWebhooks.test.ts checks it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './n8n.mjs';

export const SANDBOX_WEBHOOKS = [
	{
		workflowId: 'adpilotMetaHierarchy',
		path: 'adpilot/meta-launch',
		// A client of the sandbox "adpilot_clients" data table (sandboxDataTables.mjs).
		fields: {
			client: 'Acme Shoes',
			name: 'Sandbox launch',
			message: 'New season, new shoes.',
			headline: 'Acme Shoes',
			linkUrl: 'https://example.com/shoes',
			countries: 'US',
			dailyBudget: '25',
		},
		file: { field: 'creative', path: 'workflows/samples/creative.png', type: 'image/png' },
		// The template posts its report here; `GET <simulator>/hooks` lists it.
		callbackPath: '/hooks/callback',
	},
];

export function webhookUrl(webhook, editorPort) {
	return `http://localhost:${editorPort}/webhook/${webhook.path}`;
}

/** The one-line curl command that launches the webhook template against the sandbox. */
export function curlLine(webhook, editorPort, simulatorUrl) {
	const fields = { ...webhook.fields, callbackUrl: `${simulatorUrl}${webhook.callbackPath}` };
	const parts = Object.entries(fields).map(([key, value]) => `-F '${key}=${value}'`);
	parts.push(`-F '${webhook.file.field}=@${webhook.file.path};type=${webhook.file.type}'`);
	return `curl ${parts.join(' ')} ${webhookUrl(webhook, editorPort)}`;
}

/** The same request as curlLine, as a FormData for fetch. */
export function webhookForm(webhook, simulatorUrl) {
	const form = new FormData();
	for (const [key, value] of Object.entries(webhook.fields)) form.append(key, value);
	form.append('callbackUrl', `${simulatorUrl}${webhook.callbackPath}`);
	const bytes = readFileSync(join(repoRoot, webhook.file.path));
	form.append(webhook.file.field, new Blob([bytes], { type: webhook.file.type }), webhook.file.path.split('/').pop());
	return form;
}
