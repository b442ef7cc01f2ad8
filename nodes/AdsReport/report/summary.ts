/**
 * The executive summary: a short paragraph written from the numbers by
 * rules (no AI). One sentence group per currency, largest spend first, and
 * an explicit line saying currencies are not added together.
 */
import { metricFromTotals } from '../../shared/analysis';
import { KPI_LABELS, change, count, kpiValue, money, ratio, signedPercent } from '../render/format';
import { periodPhrase } from './period';
import type { CurrencySection, Report } from './types';

type SummaryInput = Omit<Report, 'summary'>;

const COMPARED: Record<string, string> = { daily: 'the day before', weekly: 'the week before', monthly: 'the same days last month', custom: 'the previous period' };

function sectionSentence(section: CurrencySection, input: SummaryInput): string {
	const { locale } = input.layout;
	const { current, previous } = section.totals;
	const accounts = section.accounts.length;
	const roas = metricFromTotals('roas', current);
	const roasBefore = metricFromTotals('roas', previous);
	const parts = [
		`${money(current.spend, section.currency, locale)} spent across ${accounts} account${accounts === 1 ? '' : 's'} (${signedPercent(change(current.spend, previous.spend), locale)})`,
		`${count(current.conversions, locale)} conversion${current.conversions === 1 ? '' : 's'} (${signedPercent(change(current.conversions, previous.conversions), locale)})`,
	];
	if (current.value > 0 || previous.value > 0) parts.push(`ROAS ${ratio(roas, locale)} (was ${ratio(roasBefore, locale)})`);
	let sentence = `${parts.join(', ')}.`;
	const kpi = input.layout.kpi;
	const best = section.top[0];
	const worst = section.bottom[0];
	if (best) sentence += ` Best by ${KPI_LABELS[kpi]}: ${best.entityName ?? best.entityId} (${kpiValue(kpi, best.kpiValue, section.currency, locale)})`;
	if (best && worst) sentence += `; weakest: ${worst.entityName ?? worst.entityId} (${kpiValue(kpi, worst.kpiValue, section.currency, locale)}).`;
	else if (best) sentence += '.';
	return sentence;
}

function pacingSentence(input: SummaryInput): string {
	const p = input.pacing;
	if (!p) return '';
	const { locale } = input.layout;
	const status = p.status === 'on' ? 'on pace' : p.status === 'over' ? 'pacing over' : 'pacing under';
	return ` Spend is ${status} for the ${money(p.monthlyBudget, p.currency, locale)} budget of ${p.month}: ${money(p.projectedMonthEndSpend, p.currency, locale)} projected by month end (${ratio(p.pacePercent, locale, 0)} %).`;
}

function eventsSentence(input: SummaryInput): string {
	const parts: string[] = [];
	if (input.anomaliesTotal > 0) {
		const critical = input.anomaliesCritical;
		parts.push(`${input.anomaliesTotal} anomal${input.anomaliesTotal === 1 ? 'y' : 'ies'}${critical > 0 ? ` (${critical} critical)` : ''}`);
	}
	if (input.actionsTotal > 0) {
		const applied = input.actionsApplied;
		parts.push(`${input.actionsTotal} change${input.actionsTotal === 1 ? '' : 's'} through Ads Apply (${applied} applied)`);
	}
	return parts.length > 0 ? ` ${parts.join(' and ')} in this period.` : '';
}

export function writeSummary(input: SummaryInput): string {
	const phrase = periodPhrase(input.periods);
	if (input.empty) return `No data for the ${phrase}: the input had no metric rows in this period or the one before it.`;
	const compared = COMPARED[input.periods.type];
	const sections = input.sections;
	if (sections.length === 1) return `In the ${phrase}: ${sectionSentence(sections[0], input)} Changes are against ${compared}.${pacingSentence(input)}${eventsSentence(input)}`;
	const perCurrency = sections.map((s) => `${s.currency}: ${sectionSentence(s, input)}`).join(' ');
	return `In the ${phrase}, across ${sections.length} currencies (reported separately, never added together) — ${perCurrency} Changes are against ${compared}.${pacingSentence(input)}${eventsSentence(input)}`;
}
