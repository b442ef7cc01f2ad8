// Runs a workflow as the editor's buttons do, through the editor's REST API:
// "Execute workflow" from a trigger (a template started by a schedule runs
// from its "Run now" trigger), and "Execute step" on one node with the run
// data of an earlier execution (a person re-running a step).
import assert from 'node:assert/strict';

import { editorRest } from '../../scripts/lib/n8n.mjs';

/** Starts a manual run of the saved workflow from `triggerName`; returns its execution id. */
export async function runFromTrigger(port, cookie, workflowId, triggerName) {
	const started = await editorRest(port, cookie, 'POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
	assert.ok(started?.executionId, `the manual run of ${workflowId} did not start: ${JSON.stringify(started)}`);
	return String(started.executionId);
}

/** Re-runs one node of the saved workflow with an earlier execution's run data (read by readExecution); returns the new execution id. */
export async function rerunNode(port, cookie, workflowId, execution, nodeName) {
	const started = await editorRest(port, cookie, 'POST', `/workflows/${workflowId}/run`, {
		runData: execution.resultData.runData,
		destinationNode: { nodeName, mode: 'inclusive' },
		dirtyNodeNames: [nodeName],
	});
	assert.ok(started?.executionId, `re-running "${nodeName}" did not start: ${JSON.stringify(started)}`);
	return String(started.executionId);
}
