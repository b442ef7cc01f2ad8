#!/usr/bin/env node
// Templates in a real n8n against the simulator, boot excluded
// (bench/support/realN8nTemplates.mjs). One entry per template.
import { benchTemplates } from './support/realN8nTemplates.mjs';
import { performanceGuard } from './templates/performanceGuard.mjs';
import { dataTableRows, findDataTable } from '../test/e2e/n8nLoop.mjs';
import { historyBefore } from '../build/test/helpers/metricHistory.js';
import { insertDataTableRows } from '../scripts/lib/n8n.mjs';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Template 1 at 2,000 ads: the first run (empty table), then the steady state (a month of stored history). */
const metaMetrics = (() => {
	const TABLE = 'adpilot_meta_ad_metrics';
	const INSIGHTS = 'Ad insights, today and yesterday';
	const stored = async (stack) => {
		const table = await findDataTable(stack.port, stack.cookie, TABLE);
		return { table, rows: await dataTableRows(stack.port, stack.cookie, stack.projectId, table.id) };
	};
	return {
		name: 'Template 1 "Meta metrics every 30 minutes", 2,000 ads (1 account), real n8n 2.40 + simulator',
		workflowId: 'adpilotMetaMetrics',
		trigger: 'Run now',
		simulatorArgs: ['--accounts', '1', '--ads', '2000'],
		runs: [
			{ label: 'first run, empty table (insert)' },
			{
				label: 'steady state, 28 days stored (upsert in place + anomalies over the month)',
				async before(stack) {
					// What a month of 30-minute runs leaves behind: 28 earlier days under every ad, made from its stored day.
					const { table, rows } = await stored(stack);
					const history = historyBefore(rows, { days: 28 });
					for (let i = 0; i < history.length; i += 2000) {
						await insertDataTableRows(stack.port, stack.cookie, stack.projectId, table.id, history.slice(i, i + 2000));
					}
				},
			},
		],
		async report(stack, runs) {
			const { rows } = await stored(stack);
			const keys = new Set(rows.map((r) => `${r.entityId}|${r.date}`));
			const [first, steady] = runs;
			const insightRows = steady.execution.resultData.runData[INSIGHTS][0].data.main[0].length;
			const share = (run) => `${seconds(run.nodeMs[INSIGHTS])}, ${Math.round((100 * run.nodeMs[INSIGHTS]) / run.wallMs)} % of the run`;
			return [
				`rows: ${insightRows} ad-days read per run, ${rows.length} stored, ${keys.size} distinct (entityId, date): the second run added none`,
				`floor, same runs: the Meta insights node alone (fetching the ${insightRows} rows is the least any such workflow does): first ${share(first)}; steady ${share(steady)}`,
				`TEMPLATE 1 WALL TIME, 2,000 ads: ${seconds(steady.wallMs)} steady state (${seconds(first.wallMs)} first run)`,
			];
		},
	};
})();

const TEMPLATE_BENCHES = [metaMetrics, performanceGuard];

const failed = await benchTemplates(TEMPLATE_BENCHES);
process.exit(failed === 0 ? 0 : 1);
