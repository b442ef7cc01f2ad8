/**
 * Numbers against the hand-computed fixture (test/adsReport/fixture.ts).
 *
 * EUR current:  Meta 111 = c1 70 + c2 40 = 110 spend, 7 + 8 = 15 conv, 210 + 200 = 410 value
 *               Google  = a1 50 + a2 10 = 60 spend, 2 conv, 60 value (ad group rows: the account's coarsest level)
 *               total 170 spend, 17 conv, 470 value → CPA 10, ROAS 2.7647…
 * EUR previous: Meta c1 7 × 8 = 56 spend, 7 conv, 140 value; Google a1 25, 1, 40 → 81, 8, 180 → CPA 10.125, ROAS 2.2222…
 *               spend change (170 − 81) / 81 = 1.098765…
 * Campaign ROAS (current): c2 200/40 = 5, c1 210/70 = 3, g1 60/60 = 1 → top c2, c1; bottom g1
 * USD: 100 vs 80 spend, 5 vs 4 conv, ROAS 4 vs 3 — a section of its own.
 * Pacing (budget 400 EUR, Nov 2026, reference the 30th): month to date 170 + 81 = 251, no days left → 251, 62.75 % → under.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AdsReport } from '../../nodes/AdsReport/AdsReport.node';
import { reportJson } from '../../nodes/AdsReport/actions/output';
import { buildFixtureReport, defaultContext } from './buildFixture';
import { reportContext } from './context';
import { anomalyItems, auditItems, fixtureRows, forecastSummary, metricRow, QUOTED_NAME, SCRIPT_NAME } from './fixture';

async function run(parameters: IDataObject = {}, context: IDataObject[] = defaultContext()): Promise<{ json: IDataObject }> {
	return { json: reportJson(buildFixtureReport(parameters, context)) };
}

type Metric = { current: number; previous: number; change: number | null };
const section = (json: IDataObject, currency: string) => (json.sections as IDataObject[]).find((s) => s.currency === currency) as IDataObject & { totals: Record<string, Metric> };

describe('Ads Report numbers (hand-computed fixture)', () => {
	let json: IDataObject;
	beforeAll(async () => {
		json = (await run()).json;
	});

	it('defines the windows', () => {
		expect(json.period).toEqual({ type: 'weekly', timezone: 'Europe/Berlin', referenceDate: '2026-11-30', current: { from: '2026-11-24', to: '2026-11-30', days: 7 }, previous: { from: '2026-11-17', to: '2026-11-23', days: 7 } });
	});

	it('totals and change per currency, never across currencies', () => {
		expect(json.currencies).toEqual(['EUR', 'USD']);
		const eur = section(json, 'EUR').totals;
		expect(eur.spend).toEqual({ current: 170, previous: 81, change: 1.0988 });
		expect(eur.conversions).toEqual({ current: 17, previous: 8, change: 1.125 });
		expect(eur.value).toEqual({ current: 470, previous: 180, change: 1.6111 });
		expect(eur.cpa).toEqual({ current: 10, previous: 10.125, change: -0.0123 });
		expect(eur.roas.current).toBeCloseTo(470 / 170, 6);
		expect(eur.roas.previous).toBeCloseTo(180 / 81, 6);
		const usd = section(json, 'USD').totals;
		expect(usd.spend).toEqual({ current: 100, previous: 80, change: 0.25 });
		expect(usd.roas).toEqual({ current: 4, previous: 3, change: 0.3333 });
		// 170 + 100 would be a sum across currencies: it must appear nowhere.
		expect(JSON.stringify(json)).not.toMatch(/\b270(\.0+)?\b/);
		expect(json.notes).toContain('Amounts are grouped by currency (EUR, USD) and never added across currencies.');
	});

	it('per account, from each account’s coarsest level', () => {
		const accounts = section(json, 'EUR').accounts as Array<IDataObject & { totals: Record<string, Metric> }>;
		const meta = accounts.find((a) => a.accountId === '111')!;
		const google = accounts.find((a) => a.accountId === '2223334444')!;
		expect(meta).toMatchObject({ platform: 'meta', accountName: 'Acme EU', basisLevel: 'campaign' });
		expect(meta.totals.spend).toEqual({ current: 110, previous: 56, change: 0.9643 });
		expect(meta.totals.conversions).toEqual({ current: 15, previous: 7, change: 1.1429 });
		expect(google).toMatchObject({ platform: 'google', basisLevel: 'adSet' });
		expect(google.totals.spend).toEqual({ current: 60, previous: 25, change: 1.4 });
		expect(google.totals.clicks).toEqual({ current: 105, previous: 20, change: 4.25 });
	});

	it('per campaign, finer rows summed by campaign id; no previous → change null', () => {
		const campaigns = section(json, 'EUR').campaigns as Array<IDataObject & { totals: Record<string, Metric> }>;
		const byId = Object.fromEntries(campaigns.map((c) => [c.campaignId, c]));
		expect(Object.keys(byId).sort()).toEqual(['c1', 'c2', 'g1']);
		expect(byId.c1.totals.spend).toEqual({ current: 70, previous: 56, change: 0.25 });
		expect(byId.c2.totals.spend).toEqual({ current: 40, previous: 0, change: null });
		expect(byId.c2.campaignName).toBe(QUOTED_NAME);
		expect(byId.g1.totals.spend).toEqual({ current: 60, previous: 25, change: 1.4 });
		expect(byId.g1.campaignName).toBe(SCRIPT_NAME);
	});

	it('top and bottom by the KPI, best first, within a currency', () => {
		const eur = section(json, 'EUR');
		expect((eur.top as IDataObject[]).map((e) => [e.entityId, e.kpiValue])).toEqual([['c2', 5], ['c1', 3]]);
		expect((eur.bottom as IDataObject[]).map((e) => [e.entityId, e.kpiValue])).toEqual([['g1', 1]]);
		expect((section(json, 'USD').top as IDataObject[]).map((e) => e.entityId)).toEqual(['u1']);
	});

	it('CPA ranks lower first; entities without conversions are not ranked', async () => {
		const cpa = (await run({ kpi: 'cpa', rankLevel: 'adSet' })).json;
		const eur = section(cpa, 'EUR');
		// Ad groups: a1 50/2 = 25; a2 has no conversions (no CPA) → only a1 is ranked.
		expect(eur.rankedCount).toBe(1);
		expect((eur.top as IDataObject[]).map((e) => [e.entityId, e.kpiValue])).toEqual([['a1', 25]]);
	});

	it('CPA at campaign level: cheapest first', async () => {
		// c2 40/8 = 5, c1 70/7 = 10, g1 60/2 = 30.
		const eur = section((await run({ kpi: 'cpa' })).json, 'EUR');
		expect((eur.top as IDataObject[]).map((e) => [e.entityId, e.kpiValue])).toEqual([['c2', 5], ['c1', 10]]);
		expect((eur.bottom as IDataObject[]).map((e) => [e.entityId, e.kpiValue])).toEqual([['g1', 30]]);
	});

	it('one account reporting in two currencies is still never summed across them', async () => {
		const rows = [
			metricRow({ entityId: 'c1', date: '2026-11-30', spend: 10, conversions: 1, value: 30 }),
			metricRow({ entityId: 'c1', date: '2026-11-29', spend: 1000, conversions: 1, value: 30, currency: 'JPY' }),
		];
		const json = reportJson(buildFixtureReport({ monthlyBudget: 0 }, [], rows));
		expect(json.currencies).toEqual(['JPY', 'EUR']);
		expect(section(json, 'EUR').totals.spend.current).toBe(10);
		expect(section(json, 'JPY').totals.spend.current).toBe(1000);
	});

	it('paces against the monthly budget in its currency', () => {
		expect(json.pacing).toMatchObject({ currency: 'EUR', month: '2026-11', monthlyBudget: 400, monthToDateSpend: 251, daysElapsed: 30, daysInMonth: 30, projectedMonthEndSpend: 251, pacePercent: 62.8, status: 'under', source: 'runRate', dailySpendToHitBudget: null });
	});

	it('uses the forecast summary when one is given for the month', async () => {
		const withForecast = (await run({}, [forecastSummary()])).json;
		expect(withForecast.pacing).toMatchObject({ source: 'forecast', projectedMonthEndSpend: 251, interval80: { lower: 240, upper: 262 }, probabilityOverBudget: 0.01 });
		const otherMonth = (await run({}, [forecastSummary('2026-10')])).json;
		expect(otherMonth.pacing).toMatchObject({ source: 'runRate' });
		expect(otherMonth.notes).toContain('Pacing: the forecast is for 2026-10, not 2026-11; the run rate is used instead.');
	});

	it('lists anomalies and applied actions of the period only', () => {
		expect((json.anomalies as IDataObject[]).map((a) => [a.severity, a.date, a.metric])).toEqual([
			['critical', '2026-11-30', 'spend'],
			['warning', '2026-11-29', 'cpa'],
		]);
		// Newest first; the undated plan item last.
		expect(json.actionsTotal).toBe(4);
		expect(json.actionsApplied).toBe(2);
		const actions = json.actions as IDataObject[];
		expect(actions.map((a) => [a.decision, a.kind, a.entityId])).toEqual([
			['failed', 'pause', 'c1'],
			['applied', 'changeBudgetByPercent', 'c2'],
			['applied', 'setBudget', 'g1'],
			['planned', 'setBudget', 'g1'],
		]);
		expect(actions[0].error).toBe('Permissions error');
		expect(actions[1].changes).toEqual(['dailyBudget 50 → 57.5']);
		expect(actions[2]).toMatchObject({ changes: ['dailyBudget 30 → 39 EUR'], reason: 'capped at +30 %', planDigest: 'sha256:feedface', entityName: SCRIPT_NAME, platform: 'google' });
		expect(json.notes).toContain('1 audit item(s) outside the period are not listed.');
	});

	it('writes the executive summary from the numbers', () => {
		const summary = json.summary as string;
		expect(summary).toContain('across 2 currencies (reported separately, never added together)');
		expect(summary).toContain('EUR 170.00 spent across 2 accounts (+109.9 %)');
		expect(summary).toContain('17 conversions (+112.5 %)');
		expect(summary).toContain('ROAS 2.76 (was 2.22)');
		expect(summary).toContain('USD 100.00 spent across 1 account (+25.0 %)');
		expect(summary).toContain('pacing under for the EUR 400.00 budget of 2026-11');
		expect(summary).toContain('2 anomalies (1 critical) and 4 changes through Ads Apply (2 applied)');
	});

	it('pairs the report with every input item it used (whole node)', async () => {
		const [[item]] = (await new AdsReport().execute.call(reportContext(fixtureRows(), defaultContext(), {}))) as INodeExecutionData[][];
		const pairs = item.pairedItem as Array<{ item: number; input: number }>;
		expect(pairs.filter((p) => p.input === 0)).toHaveLength(fixtureRows().length);
		expect(pairs.filter((p) => p.input === 1)).toHaveLength(anomalyItems().length + auditItems().length);
	});
});

describe('Ads Report other periods', () => {
	it('daily: the reference day vs the day before', async () => {
		const json = (await run({ period: 'daily', monthlyBudget: 0 })).json;
		const eur = section(json, 'EUR').totals;
		// 11-30: c1 10 + c2 20 + a1 50 = 80; 11-29: c1 10 + c2 20 = 30.
		expect(eur.spend).toEqual({ current: 80, previous: 30, change: 1.6667 });
		expect(json.pacing).toBeNull();
	});

	it('custom: From → To vs as many days before', async () => {
		const json = (await run({ period: 'custom', customFrom: '2026-11-28', customTo: '2026-11-30', monthlyBudget: 0 })).json;
		expect(json.period).toMatchObject({ current: { from: '2026-11-28', to: '2026-11-30', days: 3 }, previous: { from: '2026-11-25', to: '2026-11-27', days: 3 } });
		// current: c1 30 + c2 40 + a1 50 + a2 10 = 130; previous: c1 30.
		expect(section(json, 'EUR').totals.spend).toEqual({ current: 130, previous: 30, change: 3.3333 });
	});
});
