// Template "Weekly report" (workflows/weekly-report.json) in a real n8n
// (`n8n execute` from "Run now"): Meta and Google campaign rows → Ads Report →
// n8n's Send Email. The mail in the simulator's SMTP sink carries the chart
// inline (a PNG part whose Content-ID the HTML references as cid:) and the CSV
// as an attachment holding exactly the rows of the two reported weeks.
// On a started editor, with both ad APIs throttled for an hour, the steps'
// error outputs reach the Multi-channel alerts sub-workflow instead.
import assert from 'node:assert/strict';

import { PNG } from 'pngjs';

import { nodeOutput } from '../cases.mjs';
import { hookMessages, listExecutions, readExecution, startManualRun, waitForExecution, waitForHookMessages } from '../n8nLoop.mjs';
import { simFetch } from '../simFetch.mjs';
import { resetSimulatorAndSinks } from '../templateRuns.mjs';

const META = 'Meta campaigns, last 14 days';
const GOOGLE = 'Google campaigns, last 14 days';

/** RFC 4180 records of the report's CSV (no field of these rows holds a line break), BOM dropped. */
function csvRecords(text) {
	assert.ok(text.startsWith('\ufeff'), 'the CSV has no UTF-8 byte-order mark');
	const split = (line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
	const [header, ...lines] = text.slice(1).trim().split('\r\n');
	const columns = split(header);
	return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [columns[i], v])));
}

export const executeCases = [
	{
		name: 'Template "Weekly report": Meta + Google rows → Ads Report → Send Email; the mail in the SMTP sink has the PNG chart inline (cid) and the CSV of exactly the two weeks\' rows attached',
		workflowId: 'adpilotWeeklyReport',
		before: resetSimulatorAndSinks,
		async check(result, simulatorUrl) {
			const rows = [...nodeOutput(result, META), ...nodeOutput(result, GOOGLE)];
			const [report] = nodeOutput(result, 'Weekly report');
			assert.equal(report.empty, false, report.summary);
			const { current, previous } = report.period;
			const inWeeks = rows.filter((r) => r.date >= previous.from && r.date <= current.to);
			assert.ok(inWeeks.some((r) => r.platform === 'meta') && inWeeks.some((r) => r.platform === 'google'), 'the report does not hold both platforms');

			const [mail] = await waitForHookMessages(simulatorUrl, '/email');
			const body = mail.body;
			assert.equal(body.subject, report.subject);
			assert.deepEqual(body.to, ['ads-team@example.com']);
			assert.ok(report.charts.length > 0, 'the report has no chart');
			for (const chart of report.charts) {
				assert.ok(body.html.includes(`src="cid:${chart.cid}"`), `the HTML does not show cid:${chart.cid}`);
				const part = body.parts.find((p) => p.contentId === chart.cid);
				assert.ok(part, `no inline part with Content-ID ${chart.cid}: ${JSON.stringify(body.parts.map(({ contentBase64, ...p }) => p))}`);
				assert.equal(part.contentType, 'image/png');
				const png = PNG.sync.read(Buffer.from(part.contentBase64, 'base64'));
				assert.deepEqual([png.width, png.height], [1280, 720]);
			}

			const csvPart = body.parts.find((p) => p.contentType === 'text/csv');
			assert.ok(csvPart, 'no CSV attachment');
			assert.equal(csvPart.filename, `ads-report-${current.to}.csv`);
			assert.notEqual(csvPart.disposition, 'inline');
			assert.equal(csvPart.contentId, null, 'the CSV is inline, not an attachment');
			const records = csvRecords(Buffer.from(csvPart.contentBase64, 'base64').toString('utf8'));
			assert.equal(records.length, report.rowCount);
			const key = (r) => `${r.platform}:${r.entityId}:${r.date}:${Number(r.spend)}:${Number(r.clicks)}`;
			assert.deepEqual(records.map(key).sort(), inWeeks.map(key).sort(), 'the CSV rows are not the rows of the two weeks');
			for (const record of records) assert.equal(record.window, record.date >= current.from ? 'current' : 'previous', `${record.date} is in the wrong window`);
		},
	},
];

const WORKFLOW_NAME = 'AdPilot: Weekly report by email, Meta and Google';

export const editorCases = [
	{
		name: 'Template "Weekly report": Meta and Google throttled for an hour → both report steps fail fast onto their error outputs → "Describe the failure" → Multi-channel alerts mails one critical message per failed step; no report is mailed',
		workflowId: 'adpilotWeeklyReport',
		async run({ port, cookie, simulatorUrl }) {
			await resetSimulatorAndSinks(simulatorUrl);
			// Longer than AdPilot waits for a rate limit (5 min): the platforms' transports give up at once.
			await simFetch(`${simulatorUrl}/_sim/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ throttle: { forMs: 3_600_000, regainMinutes: 60 } }) });
			try {
				const known = (await listExecutions(port, cookie, 'adpilotWeeklyReport')).map((e) => String(e.id));
				await startManualRun(port, cookie, 'adpilotWeeklyReport', 'Run now');
				const run = await waitForExecution(port, cookie, 'adpilotWeeklyReport', { knownIds: known, timeoutMs: 240_000 });
				const execution = await readExecution(port, cookie, run.id);
				assert.equal(run.status, 'success', `the run ended ${run.status}: ${execution.resultData.error?.message}`);
				const ran = execution.resultData.runData;
				assert.ok(!ran['Weekly report'] && !ran['Email the report'], 'a report was built from no rows');
				const failed = [META, GOOGLE];
				const mails = await waitForHookMessages(simulatorUrl, '/email', { count: failed.length, timeoutMs: 60_000 });
				assert.deepEqual(mails.map((m) => m.body.subject).sort(), failed.map((step) => `AdPilot: "${WORKFLOW_NAME}" failed at "${step}"`).sort());
				for (const mail of mails) assert.match(mail.body.text, /Error: .*(limit|too many|quota|exhausted)/i, `the mail does not quote the rate-limit error: ${mail.body.text}`);
				assert.equal((await hookMessages(simulatorUrl, '/email')).length, failed.length, 'more mails than failed steps');
			} finally {
				await simFetch(`${simulatorUrl}/_sim/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ throttle: null }) });
			}
		},
	},
];
