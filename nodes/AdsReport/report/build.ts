/**
 * Builds the report model from parsed metric rows and context items:
 * windows → aggregates → ranking → pacing → anomalies and actions in the
 * period → summary. Pure: no n8n context, so every number is testable.
 */
import type { InputRow } from '../../shared/n8n/decisionNode';
import { dayNumber } from '../../shared/days';
import { aggregate } from './aggregate';
import type { ContextItem, ForecastPacing } from './context';
import { computePacing, monthOf } from './pacing';
import { contains, dateIn } from './period';
import { rankEntities } from './rank';
import { writeSummary } from './summary';
import type { AnomalyNote, AppliedAction, Periods, Report, ReportLayout } from './types';

export interface BuildInput {
	rows: InputRow[];
	context: ContextItem[];
	periods: Periods;
	layout: ReportLayout;
	/** 0 = no pacing. */
	monthlyBudget: number;
	/** Required when pacing and the rows have several currencies. */
	budgetCurrency: string;
}

const SEVERITY_ORDER: Record<string, number> = { critical: 0, warning: 1 };

function anomaliesInPeriod(context: ContextItem[], periods: Periods): AnomalyNote[] {
	return context
		.flatMap((c) => (c.kind === 'anomaly' ? [c.anomaly] : []))
		.filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.date) && contains(periods.current, dayNumber(a.date)))
		.sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2) || b.date.localeCompare(a.date) || Math.abs(b.pctVsTrailing ?? 0) - Math.abs(a.pctVsTrailing ?? 0));
}

/** Audit items whose appliedAt falls in the current window (in the report's time zone); undated ones are kept. */
function actionsInPeriod(context: ContextItem[], periods: Periods, notes: string[]): AppliedAction[] {
	const all = context.flatMap((c) => (c.kind === 'audit' ? [c.action] : []));
	const inPeriod = all.filter((a) => {
		if (a.appliedAt === null) return true;
		const t = new Date(a.appliedAt);
		return Number.isNaN(t.getTime()) || contains(periods.current, dayNumber(dateIn(periods.timezone, t)));
	});
	if (inPeriod.length < all.length) notes.push(`${all.length - inPeriod.length} audit item(s) outside the period are not listed.`);
	return inPeriod.sort((a, b) => (b.appliedAt ?? '').localeCompare(a.appliedAt ?? ''));
}

function forecastPacing(context: ContextItem[]): ForecastPacing | null {
	const found = context.flatMap((c) => (c.kind === 'forecastPacing' ? [c.pacing] : []));
	return found.length > 0 ? found[found.length - 1] : null;
}

/** The pacing currency, or a problem when it cannot be chosen. */
export function pacingCurrency(budgetCurrency: string, currencies: string[]): string | { problem: string } {
	const chosen = budgetCurrency.trim().toUpperCase();
	if (chosen !== '') return chosen;
	if (currencies.length <= 1) return currencies[0] ?? '';
	return { problem: `Budget Currency: the rows have several currencies (${currencies.join(', ')}); say which one the monthly budget is in` };
}

export function buildReport(input: BuildInput): Report | { problem: string } {
	const periods: Periods = { ...input.periods };
	// Pacing needs the whole month to date on the series.
	if (input.monthlyBudget > 0) periods.chart = { from: Math.min(periods.chart.from, monthOf(periods.current.to).start), to: periods.chart.to };
	const { sections, rows, notes } = aggregate(input.rows, periods);
	rankEntities(sections, input.rows, periods, input.layout.kpi, input.layout.rankLevel, input.layout.topN, input.layout.minSpend);

	let pacing: Report['pacing'] = null;
	if (input.monthlyBudget > 0 && sections.length > 0) {
		const currency = pacingCurrency(input.budgetCurrency, sections.map((s) => s.currency));
		if (typeof currency !== 'string') return currency;
		const section = sections.find((s) => s.currency === currency);
		if (!section) notes.push(`Pacing: no rows in ${currency}, the Budget Currency; month-to-date spend is 0.`);
		pacing = computePacing({ monthlyBudget: input.monthlyBudget, currency, section, periods, forecast: forecastPacing(input.context) }, notes);
	}
	if (sections.length > 1) notes.unshift(`Amounts are grouped by currency (${sections.map((s) => s.currency).join(', ')}) and never added across currencies.`);

	const anomalies = anomaliesInPeriod(input.context, periods);
	const actions = actionsInPeriod(input.context, periods, notes);
	const upstreamErrors = input.context.filter((c) => c.kind === 'upstreamError').length;
	if (upstreamErrors > 0) notes.push(`${upstreamErrors} error item(s) from an earlier node were ignored.`);
	const empty = !rows.some((r) => r.window !== 'history');
	const { maxListed } = input.layout;
	const report: Omit<Report, 'summary'> = {
		layout: input.layout,
		periods,
		sections,
		pacing,
		anomalies: anomalies.slice(0, maxListed),
		anomaliesTotal: anomalies.length,
		anomaliesCritical: anomalies.filter((a) => a.severity === 'critical').length,
		actions: actions.slice(0, maxListed),
		actionsTotal: actions.length,
		actionsApplied: actions.filter((a) => a.decision === 'applied').length,
		notes,
		rows,
		empty,
	};
	return { ...report, summary: writeSummary(report) };
}
