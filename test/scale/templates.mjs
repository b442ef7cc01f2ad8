// The templates the scale run drives at once (issue 15: templates 1, 2 and 4,
// template 1 in both of its stores: the Data Table original and the
// PostgreSQL variant a queue-mode installation uses), and the alert workflows
// around them, all read from workflows/ as users import them. `batchSize` is
// how many accounts one execution takes: the rebalance reallocates within one
// account (one currency), so it runs one account per execution.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from '../../scripts/lib/n8n.mjs';
import { wrapForLoad } from './wrap.mjs';

export const ERROR_WORKFLOW_ID = 'adpilotErrorAlerts';
export const ALERTS_WORKFLOW_ID = 'adpilotAlerts';
export const INTERRUPTED_WORKFLOW_ID = 'adpilotInterrupted';

export const LOAD_TEMPLATES = [
	{ key: 'metrics', template: 'meta-metrics-every-30-minutes.json', id: 'adpilotScaleT1', webhookPath: 'adpilot-scale/metrics', batchSize: 3 },
	{ key: 'metricsPostgres', template: 'meta-metrics-every-30-minutes-postgres.json', id: 'adpilotScaleT1pg', webhookPath: 'adpilot-scale/metrics-postgres', batchSize: 3 },
	{ key: 'guard', template: 'meta-performance-guard.json', id: 'adpilotScaleT2', webhookPath: 'adpilot-scale/guard', batchSize: 3 },
	{ key: 'rebalance', template: 'cross-platform-budget-rebalance.json', id: 'adpilotScaleT4', webhookPath: 'adpilot-scale/rebalance', batchSize: 1 },
];

export const readTemplate = (file) => JSON.parse(readFileSync(join(repoRoot, 'workflows', file), 'utf8'));

/** `only` (e.g. ['metricsPostgres']) limits the load to some templates. */
export function loadTemplates(only) {
	return LOAD_TEMPLATES.filter((t) => !only || only.includes(t.key)).map((t) => ({
		...t,
		workflow: wrapForLoad(readTemplate(t.template), { id: t.id, webhookPath: t.webhookPath, errorWorkflow: ERROR_WORKFLOW_ID }),
	}));
}

/** The alert sub-workflow, the error workflow and the interrupted-runs template, as users import them. */
export function alertWorkflows() {
	return ['multi-channel-alerts.json', 'error-alerts.json', 'queue-mode-interrupted-runs.json'].map(readTemplate);
}

/** The SQL a template's sticky note gives the user to run once (its ```sql block), so the test runs exactly what users are told. */
export function setupSql(template) {
	const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
	const blocks = notes.flatMap((text) => [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]));
	if (blocks.length !== 1) throw new Error(`${template.name}: expected one SQL block in its sticky notes, found ${blocks.length}`);
	return blocks[0];
}
