// The templates the scale run drives at once (issue 15: templates 1, 2 and 4),
// each from workflows/ when that file exists, else from its equivalent in
// test/scale/workflows/ (same nodes and settings as the issue describes the
// template; used until the template lands). `batchSize` is how many accounts
// one execution takes: the rebalance reallocates within one account (one
// currency), so it runs one account per execution.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/n8n.mjs';
import { wrapForLoad } from './wrap.mjs';

export const ERROR_WORKFLOW_ID = 'adpilotErrorAlerts';
export const ALERTS_WORKFLOW_ID = 'adpilotAlerts';
export const INTERRUPTED_WORKFLOW_ID = 'adpilotInterrupted';

export const LOAD_TEMPLATES = [
	{ key: 'metrics', template: 'meta-metrics-every-30-minutes.json', equivalent: 'scale-meta-metrics.json', id: 'adpilotScaleT1', webhookPath: 'adpilot-scale/metrics', batchSize: 3 },
	{ key: 'guard', template: 'meta-performance-guard.json', equivalent: 'scale-performance-guard.json', id: 'adpilotScaleT2', webhookPath: 'adpilot-scale/guard', batchSize: 3 },
	{ key: 'rebalance', template: 'cross-platform-budget-rebalance.json', equivalent: 'scale-budget-rebalance.json', id: 'adpilotScaleT4', webhookPath: 'adpilot-scale/rebalance', batchSize: 1 },
];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** `only` (e.g. ['metrics']) limits the load to some templates: the bench uses the metrics one alone. */
export function loadTemplates(only) {
	return LOAD_TEMPLATES.filter((t) => !only || only.includes(t.key)).map((t) => {
		const real = join(repoRoot, 'workflows', t.template);
		const source = existsSync(real) && !process.env.ADPILOT_SCALE_EQUIVALENTS ? real : join(repoRoot, 'test', 'scale', 'workflows', t.equivalent);
		return { ...t, source, fromTemplate: source === real, workflow: wrapForLoad(readJson(source), { id: t.id, webhookPath: t.webhookPath, errorWorkflow: ERROR_WORKFLOW_ID }) };
	});
}

/** The alert sub-workflow and the error workflow, as users import them, and the interrupted-runs step. */
export function alertWorkflows() {
	return [
		readJson(join(repoRoot, 'workflows', 'multi-channel-alerts.json')),
		readJson(join(repoRoot, 'workflows', 'error-alerts.json')),
		readJson(join(repoRoot, 'test', 'scale', 'workflows', 'scale-interrupted-runs.json')),
	];
}
