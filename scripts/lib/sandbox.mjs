// One sandbox instance: real n8n + AdPilot + credentials that point at the
// local simulator. Shared by `npm start` and the e2e run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ensureN8n,
	importCredentials,
	importWorkflows,
	installIntoInstance,
	packAdPilot,
	publishInEditor,
	repoRoot,
} from './n8n.mjs';
import { ensureNode24 } from './node24.mjs';
import { builtInSandboxCredentials, fillTemplateForSandbox } from './sandboxTemplates.mjs';

/** Credential ids the templates in workflows/ refer to. */
export const SANDBOX_CREDENTIAL_IDS = {
	meta: 'adpilotMetaSandbox',
	google: 'adpilotGoogleSandbox',
	openAi: 'adpilotOpenAiSandbox',
};

/** The secrets of sandboxCredentials(): no output, log or stored execution may contain any of them. */
export const SANDBOX_SECRETS = ['sim-meta-token', 'sim-meta-app-secret', 'sim-google-client-secret', 'sim-google-refresh-token', 'sim-google-dev-token', 'sim-openai-key', 'sim-telegram-token', 'xoxb-sim-slack-token', 'sim-whatsapp-token', 'sim-mcp-token'];

/** Credentials that reach the simulator with the secrets it accepts (see simulator/credentials.ts). */
export function sandboxCredentials(simulatorUrl) {
	return [
		{
			id: SANDBOX_CREDENTIAL_IDS.meta,
			name: 'AdPilot Meta Ads (sandbox)',
			type: 'adPilotMetaAdsApi',
			data: {
				accessToken: 'sim-meta-token',
				appSecret: 'sim-meta-app-secret',
				apiVersion: 'v25.0',
				baseUrl: `${simulatorUrl}/meta`,
			},
		},
		{
			id: SANDBOX_CREDENTIAL_IDS.google,
			name: 'AdPilot Google Ads (sandbox)',
			type: 'adPilotGoogleAdsApi',
			data: {
				clientId: 'sim-google-client-id',
				clientSecret: 'sim-google-client-secret',
				refreshToken: 'sim-google-refresh-token',
				tokenUrl: `${simulatorUrl}/google/oauth/token`,
				developerToken: 'sim-google-dev-token',
				loginCustomerId: '5550000000',
				apiVersion: 'v26',
				baseUrl: `${simulatorUrl}/google`,
				accessToken: '',
			},
		},
		{
			id: SANDBOX_CREDENTIAL_IDS.openAi,
			name: 'AdPilot OpenAI (sandbox)',
			type: 'adPilotOpenAiApi',
			data: { apiKey: 'sim-openai-key', organization: '', baseUrl: `${simulatorUrl}/openai/v1` },
		},
	];
}

/** The alert URL templates ship with; users replace it with their Slack incoming webhook. */
export const SLACK_WEBHOOK_PLACEHOLDER = 'https://hooks.slack.com/services/REPLACE/WITH/YOURS';

/**
 * Every template in workflows/, plus any extra workflow files (e2e fixtures).
 * In the sandbox, alert placeholders post to the simulator's recorder instead
 * (GET <simulator>/hooks lists what people would have been told).
 */
export function collectWorkflows(extraFiles = [], simulatorUrl, credentials = []) {
	const dir = join(repoRoot, 'workflows');
	const templates = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.map((f) => join(dir, f))
		: [];
	return [...templates, ...extraFiles].map((file) => {
		const text = readFileSync(file, 'utf8');
		const parsed = JSON.parse(simulatorUrl ? text.split(SLACK_WEBHOOK_PLACEHOLDER).join(`${simulatorUrl}/hooks/slack`) : text);
		const workflow = simulatorUrl ? fillTemplateForSandbox(parsed, credentials) : parsed;
		// n8n's import needs an id, and `n8n execute --id` accepts at most 21 characters.
		if (typeof workflow.id !== 'string' || workflow.id.length === 0 || workflow.id.length > 21) {
			throw new Error(`${file}: every workflow needs an "id" of 1 to 21 characters`);
		}
		return workflow;
	});
}

const hasNode = (workflow, type) => (workflow.nodes ?? []).some((node) => node.type === type);

/**
 * n8n 2.x runs a sub-workflow (Execute Workflow Trigger) or an error workflow
 * (Error Trigger) only once it is published through the editor, and refuses
 * to publish a workflow whose sub-workflows are not: sub-workflows go first.
 * Call once the editor is up and the owner logged in.
 */
export async function publishCalledWorkflows(port, cookie, workflows) {
	const subWorkflows = workflows.filter((w) => hasNode(w, 'n8n-nodes-base.executeWorkflowTrigger'));
	const errorWorkflows = workflows.filter((w) => hasNode(w, 'n8n-nodes-base.errorTrigger') && !subWorkflows.includes(w));
	for (const workflow of [...subWorkflows, ...errorWorkflows]) await publishInEditor(port, cookie, workflow.id);
}

/**
 * Creates (or refreshes) an instance folder: n8n installed, AdPilot packed
 * and installed, sandbox credentials and workflows imported.
 */
export function prepareInstance({ userFolder, simulatorUrl, smtpPort, extraWorkflowFiles = [] }) {
	ensureN8n();
	const work = mkdtempSync(join(tmpdir(), 'adpilot-pack-'));
	const tarball = packAdPilot(work);
	installIntoInstance(userFolder, tarball);

	const credentialsFile = join(work, 'credentials.json');
	const credentials = [...sandboxCredentials(simulatorUrl), ...builtInSandboxCredentials(simulatorUrl, smtpPort)];
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	importCredentials(userFolder, credentialsFile);

	const workflows = collectWorkflows(extraWorkflowFiles, simulatorUrl, credentials);
	const workflowsFile = join(work, 'workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(workflows));
	if (workflows.length > 0) importWorkflows(userFolder, workflowsFile);
	return { workflows };
}

/**
 * Starts the simulator CLI (compiled by `npm run build:tools`) and waits for
 * it; its SMTP sink listens on the next port (mails land under GET /hooks).
 */
export async function startSimulatorProcess(port, args = []) {
	const smtpPort = port + 1;
	const child = spawn(process.execPath, [join(repoRoot, 'build', 'simulator', 'cli.js'), '--port', String(port), '--smtp-port', String(smtpPort), ...args], {
		env: ensureNode24(),
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the simulator exited with code ${child.exitCode}`);
		try {
			const answer = await fetch(`${url}/_sim/counts`);
			if (answer.ok) return { child, url, smtpPort };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGTERM');
	throw new Error('the simulator did not start within 30 s');
}
