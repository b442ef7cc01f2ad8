/**
 * The report's sections as email-safe HTML: headline tiles, platform,
 * account and campaign tables with change vs the previous window, top and
 * bottom entities, pacing, anomalies and applied actions.
 */
import { metricFromTotals } from '../../shared/analysis';
import { lowerIsBetter } from '../report/rank';
import type { Comparison, CurrencySection, Kpi, Report, Totals } from '../report/types';
import { KPI_LABELS, PLATFORM_LABELS, change, count, kpiValue, money, percent, ratio, signedPercent } from './format';
import { COLORS, bulletList, callout, dataTable, esc, heading, paragraph, table, tiles, type Cell } from './htmlKit';

type Metric = 'spend' | 'conversions' | 'value' | 'cpa' | 'roas' | 'clicks' | 'ctr';
const UP_IS_GOOD: Record<Metric, boolean | null> = { spend: null, conversions: true, value: true, cpa: false, roas: true, clicks: true, ctr: true };

function metric(t: Totals, m: Metric): number | null {
	return metricFromTotals(m, t);
}

/** "+12.3 %" coloured by whether the move is good for this metric. */
export function deltaHtml(c: Comparison, m: Metric, locale: string): string {
	const d = change(metric(c.current, m), metric(c.previous, m));
	const good = UP_IS_GOOD[m];
	const color = d === null || d === 0 || good === null ? COLORS.muted : d > 0 === good ? COLORS.good : COLORS.bad;
	return `<span style="color:${color};">${esc(signedPercent(d, locale))}</span>`;
}

function show(t: Totals, m: Metric, currency: string, locale: string): string {
	const v = metric(t, m);
	if (m === 'spend' || m === 'value' || m === 'cpa') return v === null ? '—' : esc(money(v, currency, locale));
	if (m === 'roas') return v === null ? '—' : `${esc(ratio(v, locale))}×`;
	if (m === 'ctr') return esc(percent(v, locale, 2));
	return esc(count(v ?? 0, locale));
}

export function headlineTiles(s: CurrencySection, locale: string): string {
	const metrics: Array<[string, Metric]> = [['Spend', 'spend'], ['Conversions', 'conversions'], ['CPA', 'cpa'], ['ROAS', 'roas']];
	return tiles(metrics.map(([label, m]) => ({ label, value: show(s.totals.current, m, s.currency, locale), delta: `${deltaHtml(s.totals, m, locale)} <span style="color:${COLORS.muted};">vs ${show(s.totals.previous, m, s.currency, locale)}</span>` })));
}

const COMPARE_COLUMNS: Metric[] = ['spend', 'conversions', 'cpa', 'roas'];

function compareHeaders(first: string[]): Cell[] {
	return [...first.map((html) => ({ html })), ...COMPARE_COLUMNS.flatMap((m) => [{ html: esc(m === 'cpa' || m === 'roas' ? m.toUpperCase() : m[0].toUpperCase() + m.slice(1)), align: 'right' as const }, { html: 'Δ', align: 'right' as const }])];
}

function compareCells(c: Comparison, currency: string, locale: string): Cell[] {
	return COMPARE_COLUMNS.flatMap((m) => [{ html: show(c.current, m, currency, locale), align: 'right' as const }, { html: deltaHtml(c, m, locale), align: 'right' as const }]);
}

export function platformTable(s: CurrencySection, locale: string): string {
	if (s.platforms.length < 2) return '';
	return heading('By platform', 3) + dataTable(compareHeaders(['Platform']), s.platforms.map((p) => [{ html: esc(PLATFORM_LABELS[p.platform] ?? p.platform) }, ...compareCells(p.totals, s.currency, locale)]));
}

export function accountTable(s: CurrencySection, locale: string): string {
	const rows = [...s.accounts].sort((a, b) => b.current.spend - a.current.spend);
	return (
		heading('By account', 3) +
		dataTable(
			compareHeaders(['Account']),
			rows.map((a) => [{ html: `${esc(a.accountName ?? a.accountId)}<br><span style="color:${COLORS.muted};font-size:11px;">${esc(PLATFORM_LABELS[a.platform] ?? a.platform)} · ${esc(a.accountId)}</span>` }, ...compareCells(a, s.currency, locale)]),
		)
	);
}

export function campaignTable(s: CurrencySection, locale: string, maxListed: number): string {
	if (s.campaigns.length === 0) return '';
	const rows = [...s.campaigns].sort((a, b) => b.current.spend - a.current.spend || b.previous.spend - a.previous.spend);
	const shown = rows.slice(0, maxListed);
	const more = rows.length - shown.length;
	return (
		heading('By campaign', 3) +
		dataTable(compareHeaders(['Campaign']), shown.map((c) => [{ html: `${esc(c.campaignName ?? c.campaignId)}<br><span style="color:${COLORS.muted};font-size:11px;">${esc(PLATFORM_LABELS[c.platform] ?? c.platform)} · ${esc(c.accountId)}</span>` }, ...compareCells(c, s.currency, locale)])) +
		(more > 0 ? paragraph(`and ${more} more campaign(s) with less spend — every row is in the CSV attachment.`, `color:${COLORS.muted};font-size:12px;padding-top:6px;`) : '')
	);
}

export function rankingTables(s: CurrencySection, kpi: Kpi, level: string, locale: string): string {
	if (s.rankedCount === 0) return paragraph(`No ${esc(level)} had a ${esc(KPI_LABELS[kpi])} value in this period to rank.`, `color:${COLORS.muted};`);
	const direction = lowerIsBetter(kpi) ? 'lower is better' : 'higher is better';
	const list = (title: string, entities: CurrencySection['top']) =>
		entities.length === 0
			? ''
			: heading(title, 3) +
				dataTable(
					[{ html: esc(level[0].toUpperCase() + level.slice(1)) }, { html: esc(KPI_LABELS[kpi]), align: 'right' }, { html: 'Spend', align: 'right' }, { html: 'Conversions', align: 'right' }],
					entities.map((e) => [
						{ html: `${esc(e.entityName ?? e.entityId)}<br><span style="color:${COLORS.muted};font-size:11px;">${esc(PLATFORM_LABELS[e.platform] ?? e.platform)} · ${esc(e.entityId)}</span>` },
						{ html: esc(kpiValue(kpi, e.kpiValue, s.currency, locale)), align: 'right' },
						{ html: esc(money(e.totals.spend, s.currency, locale)), align: 'right' },
						{ html: esc(count(e.totals.conversions, locale)), align: 'right' },
					]),
				);
	return `${list(`Top by ${KPI_LABELS[kpi]} (${direction})`, s.top)}${list(`Bottom by ${KPI_LABELS[kpi]}`, s.bottom)}`;
}

export function pacingBlock(report: Report): string {
	const p = report.pacing;
	if (!p) return '';
	const { locale } = report.layout;
	const color = p.status === 'on' ? '#D1FAE5' : p.status === 'over' ? '#FEE2E2' : COLORS.warn;
	const lines = [
		`<b>${esc(p.status === 'on' ? 'On pace' : p.status === 'over' ? 'Pacing over budget' : 'Pacing under budget')}</b> for ${esc(p.month)}: ${esc(money(p.projectedMonthEndSpend, p.currency, locale))} projected against a budget of ${esc(money(p.monthlyBudget, p.currency, locale))} (${esc(ratio(p.pacePercent, locale, 1))} %, ${esc(p.sourceNote)}).`,
		`Month to date: ${esc(money(p.monthToDateSpend, p.currency, locale))} after ${p.daysElapsed} of ${p.daysInMonth} days (a straight line would be at ${esc(money(p.expectedToDate, p.currency, locale))}).`,
	];
	if (p.interval80) lines.push(`80 % interval: ${esc(money(p.interval80.lower, p.currency, locale))} – ${esc(money(p.interval80.upper, p.currency, locale))}${p.probabilityOverBudget !== null ? `; probability of overspending ${esc(percent(p.probabilityOverBudget, locale, 0))}` : ''}.`);
	if (p.dailySpendToHitBudget !== null) lines.push(`To land on budget: ${esc(money(p.dailySpendToHitBudget, p.currency, locale))} per day for the rest of the month.`);
	return heading('Budget pacing') + callout(lines.join('<br>'), color);
}

export function anomalyList(report: Report): string {
	if (report.anomaliesTotal === 0) return '';
	const items = report.anomalies.map((a) => {
		const badge = a.severity === 'critical' ? `<b style="color:${COLORS.bad};">CRITICAL</b>` : `<b style="color:#B45309;">WARNING</b>`;
		return `${badge} ${esc(a.entityName ?? a.entityId)} <span style="color:${COLORS.muted};">(${esc(PLATFORM_LABELS[a.platform] ?? a.platform)} ${esc(a.level)})</span>: ${esc(a.message)}`;
	});
	const more = report.anomaliesTotal - report.anomalies.length;
	if (more > 0) items.push(`and ${more} more`);
	return heading('Notable anomalies') + table(bulletList(items));
}

export function actionList(report: Report): string {
	if (report.actionsTotal === 0) return '';
	const items = report.actions.map((a) => {
		const color = a.decision === 'applied' ? COLORS.good : a.error ? COLORS.bad : COLORS.muted;
		const when = a.appliedAt ? ` <span style="color:${COLORS.muted};">${esc(a.appliedAt.replace('T', ' ').slice(0, 16))}</span>` : '';
		const what = a.changes.length > 0 ? `: ${esc(a.changes.join('; '))}` : '';
		const why = a.reason ? `<br><span style="color:${COLORS.muted};font-size:12px;">${esc(a.reason)}${a.planDigest ? ` · plan ${esc(a.planDigest.slice(0, 12))}` : ''}</span>` : '';
		const error = a.error ? `<br><span style="color:${COLORS.bad};font-size:12px;">${esc(a.error)}</span>` : '';
		return `<b style="color:${color};">${esc(a.decision)}</b> ${esc(a.kind)} on ${esc(a.entityName ?? a.entityId ?? 'unknown entity')}${what}${when}${why}${error}`;
	});
	const more = report.actionsTotal - report.actions.length;
	if (more > 0) items.push(`and ${more} more`);
	return heading('Changes through Ads Apply') + table(bulletList(items));
}
