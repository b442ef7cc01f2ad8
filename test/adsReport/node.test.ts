/** The node as n8n calls it: bad items, Continue On Fail, empty input, parameters, binary outputs. */
import { PNG } from 'pngjs';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AdsReport } from '../../nodes/AdsReport/AdsReport.node';
import { binaryBuffer, reportContext } from './context';
import { fixtureRows, forecastSummary, metricRow } from './fixture';

async function execute(rows: IDataObject[], context: IDataObject[] | null, parameters: IDataObject = {}, continueOnFail = false): Promise<INodeExecutionData[]> {
	const [out] = await new AdsReport().execute.call(reportContext(rows, context, parameters, { continueOnFail }));
	return out;
}

describe('Ads Report node', () => {
	it('outputs one item: JSON with the email HTML, a PNG chart per currency, the CSV and the PDF-ready HTML', async () => {
		const [item] = await execute(fixtureRows(), null, { operation: 'executiveReport' });
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['chart_EUR', 'chart_USD', 'csv', 'pdfHtml']);
		expect(item.binary?.chart_EUR).toMatchObject({ mimeType: 'image/png', fileName: 'chart_EUR.png' });
		expect(item.binary?.csv).toMatchObject({ mimeType: 'text/csv', fileName: 'ads-report-2026-11-30.csv' });
		expect(PNG.sync.read(binaryBuffer(item, 'chart_USD')).width).toBe(1280);
		expect(item.json).toMatchObject({ schema: 'adpilot.report/v1', kind: 'executive', subject: 'Weekly ads report: 2026-11-24 – 2026-11-30', attachments: 'chart_EUR,chart_USD,csv' });
		expect(item.json.html).toContain('src="cid:chart_EUR"');
		expect(item.json.html).toContain('src="cid:chart_USD"');
		// Executive layout: no campaign table.
		expect(item.json.html).not.toContain('By campaign');
		expect(binaryBuffer(item, 'pdfHtml').toString('utf8')).toContain('<svg');
	});

	it('one currency: the chart is "chart"; CSV and PDF can be switched off', async () => {
		const eurOnly = fixtureRows().filter((r) => r.currency === 'EUR');
		const [item] = await execute(eurOnly, null, { reportOptions: { includeCsv: false, includePdfHtml: false } });
		expect(Object.keys(item.binary ?? {})).toEqual(['chart']);
		expect(item.json.attachments).toBe('chart');
		expect(item.json.html).toContain('By campaign');
	});

	it('empty input → a report that says "no data for …", never an empty email', async () => {
		for (const rows of [[], [{}]]) {
			const [item] = await execute(rows, null);
			expect(item.json.empty).toBe(true);
			expect(item.json.subject).toBe('Weekly ads report: 2026-11-24 – 2026-11-30 (no data)');
			expect(item.json.summary).toBe('No data for the week 2026-11-24 – 2026-11-30: the input had no metric rows in this period or the one before it.');
			expect(item.json.html).toContain('No data for 2026-11-24 – 2026-11-30.');
			expect(Object.keys(item.binary ?? {})).toEqual(['csv', 'pdfHtml']);
		}
	});

	it('rows only outside the windows are "no data" too', async () => {
		const [item] = await execute([metricRow({ entityId: 'old', date: '2026-09-01', spend: 5, conversions: 0, value: 0 })], null);
		expect(item.json.empty).toBe(true);
	});

	it('a bad row fails the node with an error naming the item and the field', async () => {
		const rows = [...fixtureRows().slice(0, 2), { ...metricRow({ entityId: 'x', date: '30/11/2026', spend: 'a lot' }) }];
		await expect(execute(rows, null)).rejects.toMatchObject({ message: expect.stringContaining('Item 2 is not a valid metric row: date: expected YYYY-MM-DD, got "30/11/2026"; spend: expected a number, got "a lot"') });
		await expect(execute(rows, null)).rejects.toMatchObject({ context: { itemIndex: 2 } });
	});

	it('under Continue On Fail bad items become error items and the report is built from the rest', async () => {
		const rows = [...fixtureRows(), { hello: 'world' }];
		const out = await execute(rows, [{ surprise: true }], {}, true);
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({ json: { error: expect.stringContaining(`Item ${rows.length - 1} is not a valid metric row`) }, pairedItem: { item: rows.length - 1, input: 0 } });
		expect(out[1]).toEqual({ json: { error: 'Item 0 of the second input: not a metric row, Ads Analytics forecast/anomaly or Ads Apply audit item (fields: surprise)' }, pairedItem: { item: 0, input: 1 } });
		expect(out[2].json.schema).toBe('adpilot.report/v1');
		expect(out[2].json.rowCount).toBe(fixtureRows().length);
	});

	it('metric rows on the second input get a hint', async () => {
		await expect(execute([], [fixtureRows()[0]])).rejects.toMatchObject({ message: expect.stringContaining('(metric rows go on the first input)') });
	});

	it('context items mixed into the first input are recognised', async () => {
		const [item] = await execute([...fixtureRows(), forecastSummary()], null, { monthlyBudget: 400, budgetCurrency: 'EUR' });
		expect(item.json.pacing).toMatchObject({ source: 'forecast' });
	});

	it('pacing with several currencies needs Budget Currency', async () => {
		await expect(execute(fixtureRows(), null, { monthlyBudget: 400 })).rejects.toThrow('Budget Currency: the rows have several currencies (EUR, USD); say which one the monthly budget is in');
		const out = await execute(fixtureRows(), null, { monthlyBudget: 400 }, true);
		expect(out[0].json.error).toMatch(/^Budget Currency/);
	});

	it('rejects bad parameters by name', async () => {
		await expect(execute(fixtureRows(), null, { timezone: 'Nowhere/Land' })).rejects.toThrow(/^Timezone: "Nowhere\/Land"/);
		await expect(execute(fixtureRows(), null, { reportOptions: { topN: 0 } })).rejects.toThrow('Top / Bottom Count must be a whole number ≥ 1, got 0');
		await expect(execute(fixtureRows(), null, { referenceDate: 'tomorrow' })).rejects.toThrow(/^Reference Date/);
	});

	it("uses the workflow's time zone when none is set", async () => {
		const [item] = await execute(fixtureRows(), null, { timezone: '' });
		expect((item.json.period as IDataObject).timezone).toBe('UTC');
	});
});
