/**
 * The output item: the report as JSON (numbers, summary, email HTML) and
 * binary attachments — one PNG chart per currency (its binary property name
 * is its Content-ID: n8n's Send Email attaches binaries under their property
 * name, so `<img src="cid:chart">` finds it), the CSV and the PDF-ready HTML.
 */
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { metricFromTotals, round } from '../../shared/analysis';
import { dayString } from '../../shared/days';
import { windowDays } from '../report/period';
import type { Comparison, DayWindow, Report } from '../report/types';
import { chartGeometry } from '../render/chartModel';
import { renderChartPng } from '../render/chartPng';
import { reportCsv } from '../render/csv';
import { change } from '../render/format';
import { renderHtml, type ChartRef } from '../render/html';
import type { ReportParameters } from './parameters';

export const REPORT_SCHEMA = 'adpilot.report/v1';
const METRICS = ['impressions', 'clicks', 'spend', 'conversions', 'value', 'ctr', 'cpc', 'cpa', 'roas'] as const;

function windowJson(w: DayWindow): IDataObject {
	return { from: dayString(w.from), to: dayString(w.to), days: windowDays(w) };
}

/** current / previous / change for every metric, rounded for output only. */
export function comparisonJson(c: Comparison): IDataObject {
	const out: IDataObject = {};
	for (const m of METRICS) {
		const current = metricFromTotals(m, c.current);
		const previous = metricFromTotals(m, c.previous);
		out[m] = { current: round(current), previous: round(previous), change: round(change(current, previous), 4) };
	}
	return out;
}

function sectionsJson(report: Report): IDataObject[] {
	return report.sections.map((s) => ({
		currency: s.currency,
		totals: comparisonJson(s.totals),
		platforms: s.platforms.map((p) => ({ platform: p.platform, totals: comparisonJson(p.totals) })),
		accounts: s.accounts.map((a) => ({ platform: a.platform, accountId: a.accountId, accountName: a.accountName, basisLevel: a.basisLevel, totals: comparisonJson(a) })),
		campaigns: s.campaigns.map((c) => ({ platform: c.platform, accountId: c.accountId, campaignId: c.campaignId, campaignName: c.campaignName, totals: comparisonJson(c) })),
		top: s.top.map(({ totals, ...e }) => ({ ...e, kpiValue: round(e.kpiValue), spend: round(totals.spend), conversions: round(totals.conversions) })),
		bottom: s.bottom.map(({ totals, ...e }) => ({ ...e, kpiValue: round(e.kpiValue), spend: round(totals.spend), conversions: round(totals.conversions) })),
		rankedCount: s.rankedCount,
	}));
}

function subject(report: Report): string {
	const name = report.layout.title || `${report.periods.type[0].toUpperCase()}${report.periods.type.slice(1)} ads report`;
	const { current } = report.periods;
	return `${name}: ${current.from === current.to ? dayString(current.from) : `${dayString(current.from)} – ${dayString(current.to)}`}${report.empty ? ' (no data)' : ''}`;
}

/** The report's numbers and text as JSON (no rendering). */
export function reportJson(report: Report): IDataObject {
	return {
		schema: REPORT_SCHEMA,
		kind: report.layout.kind,
		subject: subject(report),
		summary: report.summary,
		empty: report.empty,
		period: { type: report.periods.type, timezone: report.periods.timezone, referenceDate: report.periods.referenceDate, current: windowJson(report.periods.current), previous: windowJson(report.periods.previous) },
		kpi: report.layout.kpi,
		currencies: report.sections.map((s) => s.currency),
		sections: sectionsJson(report),
		pacing: report.pacing as unknown as IDataObject,
		anomalies: report.anomalies as unknown as IDataObject[],
		anomaliesTotal: report.anomaliesTotal,
		actions: report.actions as unknown as IDataObject[],
		actionsTotal: report.actionsTotal,
		actionsApplied: report.actionsApplied,
		notes: report.notes,
		rowCount: report.rows.length,
	};
}

export async function reportItem(ctx: IExecuteFunctions, report: Report, params: ReportParameters, pairedItem: INodeExecutionData['pairedItem']): Promise<INodeExecutionData> {
	const binary: IBinaryKeyData = {};
	const charts: ChartRef[] = [];
	const single = report.sections.length === 1;
	for (const s of report.empty ? [] : report.sections) {
		if (s.platforms.length === 0) continue;
		const cid = single ? 'chart' : `chart_${s.currency.replace(/[^A-Za-z0-9]/g, '')}`;
		const geometry = chartGeometry(s, report.layout, report.periods.current.from);
		charts.push({ currency: s.currency, geometry, cid });
		binary[cid] = await ctx.helpers.prepareBinaryData(renderChartPng(geometry).png, `${cid}.png`, 'image/png');
	}
	const stamp = dayString(report.periods.current.to);
	if (params.includeCsv) binary.csv = await ctx.helpers.prepareBinaryData(Buffer.from(reportCsv(report), 'utf8'), `ads-report-${stamp}.csv`, 'text/csv');
	if (params.includePdfHtml) binary.pdfHtml = await ctx.helpers.prepareBinaryData(Buffer.from(renderHtml(report, charts, 'pdf'), 'utf8'), `ads-report-${stamp}.html`, 'text/html');
	const json: IDataObject = {
		...reportJson(report),
		charts: charts.map((c) => ({ currency: c.currency, binaryProperty: c.cid, cid: c.cid })),
		// For Send Email's "Attachments" field: every binary property except the print variant.
		attachments: Object.keys(binary).filter((k) => k !== 'pdfHtml').join(','),
		html: renderHtml(report, charts, 'email'),
	};
	return { json, binary, pairedItem };
}
