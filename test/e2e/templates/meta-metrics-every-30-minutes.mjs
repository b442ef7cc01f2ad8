// Template 1 "Meta metrics every 30 minutes" in a real n8n: run from its
// "Run now" trigger through the editor (as its button does), twice, against
// the simulator; the Data Table rows are read through n8n's REST API and the
// alerts at the simulator's recorder (the sub-workflow's email and Telegram;
// Slack and WhatsApp stand disabled in the sandbox).
import assert from 'node:assert/strict';

import { insertDataTableRows, personalProjectId } from '../../../scripts/lib/n8n.mjs';
import { clearHooks, dataTableRows, executedNodeItems, findDataTable, readExecution, startManualRun, waitForHookMessages, waitForRun } from '../n8nLoop.mjs';

const WORKFLOW = 'adpilotMetaMetrics';
const TABLE = 'adpilot_meta_ad_metrics';
const key = (row) => `${row.entityId}|${row.date}`;

async function run(port, cookie) {
	const executionId = await startManualRun(port, cookie, WORKFLOW, 'Run now');
	const { status } = await waitForRun(port, cookie, WORKFLOW, executionId);
	const execution = await readExecution(port, cookie, executionId);
	assert.equal(status, 'success', `run ${executionId} ended ${status}: ${execution.resultData.error?.message}`);
	return execution;
}

export const editorCases = [
	{
		name: 'Template "Meta metrics every 30 minutes": two runs → one Data Table row per (ad, date) (upsert) → a stored month under two ads → their spike → Ads Alert → sub-workflow → email and Telegram',
		workflowId: WORKFLOW,
		async run({ port, cookie, simulatorUrl }) {
			// Compiled by the run's `tsc -p tsconfig.tools.json`, hence imported here and not at the top.
			const { historyBefore } = await import('../../../build/test/helpers/metricHistory.js');
			const projectId = await personalProjectId(port, cookie);
			const table = await findDataTable(port, cookie, TABLE);
			assert.ok(table, `the sandbox set-up did not create the Data Table ${TABLE}`);
			await clearHooks(simulatorUrl);

			const first = await run(port, cookie);
			const read = executedNodeItems(first, 'Ad insights, today and yesterday');
			assert.ok(read.length > 0, 'the insights node read no rows');
			for (const row of read) assert.equal(row.level, 'ad');
			const stored = await dataTableRows(port, cookie, projectId, table.id);
			assert.deepEqual(stored.map(key).sort(), read.map(key).sort(), 'the table does not hold exactly the rows read');
			const sample = stored[0];
			const insight = read.find((row) => key(row) === key(sample));
			for (const column of ['entityName', 'accountId', 'campaignId', 'adSetId', 'currency', 'impressions', 'clicks', 'spend', 'conversions']) {
				assert.equal(sample[column], insight[column], `column ${column} of ${key(sample)}`);
			}

			// A month at a quarter of their volume under two ads, before the first stored day: whichever
			// stored day n8n's "today" makes the latest complete one, it is a spike for these two.
			const firstDay = stored.map((row) => row.date).sort()[0];
			const spiking = stored.filter((row) => row.date === firstDay && row.impressions > 100).slice(0, 2);
			assert.equal(spiking.length, 2, 'fewer than two ads with volume on the first stored day');
			const history = historyBefore(spiking, { days: 28, scale: 0.25 });
			await insertDataTableRows(port, cookie, projectId, table.id, history);

			const second = await run(port, cookie);
			const after = await dataTableRows(port, cookie, projectId, table.id);
			assert.equal(after.length, stored.length + history.length, `the second run added rows: ${after.length} vs ${stored.length} + ${history.length} seeded`);
			assert.equal(new Set(after.map(key)).size, after.length, 'a (entityId, date) is stored twice');
			const updated = after.filter((row) => read.some((r) => key(r) === key(row)));
			assert.ok(updated.every((row) => row.updatedAt >= row.createdAt), 'rows were not updated in place');

			const anomalies = executedNodeItems(second, 'Detect anomalies').filter((finding) => finding.skipped !== true);
			assert.deepEqual([...new Set(anomalies.map((a) => a.entityId))].sort(), spiking.map((row) => row.entityId).sort());
			assert.ok(anomalies.some((a) => a.metric === 'spend' && a.direction === 'spike' && a.severity === 'critical'), JSON.stringify(anomalies).slice(0, 500));

			// Ads Alert's digest, through the published Multi-channel alerts sub-workflow.
			const names = spiking.map((row) => row.entityName);
			const [mail] = await waitForHookMessages(simulatorUrl, '/email', { accept: (m) => names.every((name) => String(m.body.text).includes(name)) });
			assert.deepEqual(mail.body.to, ['ads-team@example.com']);
			const [telegram] = await waitForHookMessages(simulatorUrl, '/telegram/', { accept: (m) => names.every((name) => String(m.body.text).includes(name)) });
			assert.match(telegram.path, /\/sendMessage$/);
		},
	},
];
