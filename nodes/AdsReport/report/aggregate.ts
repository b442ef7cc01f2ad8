/**
 * Totals per currency, platform, account and campaign for the current and
 * previous windows, and the daily series the chart draws.
 *
 * Levels are never mixed in a sum: for each account the coarsest level the
 * input has is the basis of its totals (account rows if present, else
 * campaign rows, ...), and campaign lines come from the coarsest level below
 * the account, grouped by campaign id. Amounts are grouped by currency first,
 * so different currencies are never added.
 */
import { addTotals, zeroTotals, type Totals } from '../../shared/analysis';
import type { InputRow } from '../../shared/n8n/decisionNode';
import { ENTITY_LEVELS, type EntityLevel, type MetricRow } from '../../shared/contracts/metricRow';
import { dayNumber } from '../../shared/days';
import { contains } from './period';
import type { AccountLine, CampaignLine, Comparison, CurrencySection, DailyPoint, Periods, Report } from './types';

export type RowWindow = Report['rows'][number]['window'];

export interface Aggregated {
	sections: CurrencySection[];
	rows: Report['rows'];
	notes: string[];
}

const zeroComparison = (): Comparison => ({ current: zeroTotals(), previous: zeroTotals() });

/** Which window a row belongs to; null when outside the chart range; 'straddles' when it crosses a boundary. */
export function windowOf(row: MetricRow, periods: Periods): RowWindow | null | 'straddles' {
	const start = dayNumber(row.date);
	const stop = dayNumber(row.dateStop);
	if (stop < periods.chart.from || start > periods.chart.to) return null;
	if (contains(periods.current, start) && contains(periods.current, stop)) return 'current';
	if (contains(periods.previous, start) && contains(periods.previous, stop)) return 'previous';
	if (start >= periods.chart.from && stop < periods.current.from && (stop < periods.previous.from || start > periods.previous.to)) return 'history';
	return 'straddles';
}

function addToComparison(into: Comparison, window: RowWindow, row: Totals): void {
	if (window === 'current') addTotals(into.current, row);
	else if (window === 'previous') addTotals(into.previous, row);
}

function coarsest(levels: Iterable<EntityLevel>): EntityLevel | null {
	let best: EntityLevel | null = null;
	for (const level of levels) if (best === null || ENTITY_LEVELS.indexOf(level) < ENTITY_LEVELS.indexOf(best)) best = level;
	return best;
}

interface Included {
	row: MetricRow;
	window: RowWindow;
}

function accountLine(rows: Included[]): AccountLine {
	const first = rows[0].row;
	const basisLevel = coarsest(rows.map((r) => r.row.level)) as EntityLevel;
	const line: AccountLine = { platform: first.platform, accountId: first.accountId, accountName: null, currency: first.currency, basisLevel, ...zeroComparison() };
	for (const { row, window } of rows) {
		line.accountName ??= row.accountName ?? (row.level === 'account' ? row.entityName : null);
		if (row.level === basisLevel) addToComparison(line, window, row);
	}
	return line;
}

function campaignLines(rows: Included[]): CampaignLine[] {
	const level = coarsest(rows.filter((r) => r.row.level !== 'account').map((r) => r.row.level));
	if (level === null) return [];
	const lines = new Map<string, CampaignLine>();
	for (const { row, window } of rows) {
		if (row.level !== level) continue;
		const campaignId = row.campaignId ?? (level === 'campaign' ? row.entityId : '(no campaign)');
		let line = lines.get(campaignId);
		if (!line) {
			line = { platform: row.platform, accountId: row.accountId, campaignId, campaignName: null, currency: row.currency, ...zeroComparison() };
			lines.set(campaignId, line);
		}
		line.campaignName ??= row.campaignName ?? (level === 'campaign' ? row.entityName : null);
		addToComparison(line, window, row);
	}
	return [...lines.values()];
}

function sectionFor(sections: Map<string, CurrencySection>, currency: string): CurrencySection {
	let section = sections.get(currency);
	if (!section) {
		section = { currency, totals: zeroComparison(), platforms: [], accounts: [], campaigns: [], top: [], bottom: [], rankedCount: 0 };
		sections.set(currency, section);
	}
	return section;
}

/** Adds an account's basis rows to its section: totals, platform totals and the daily series. */
function addAccount(section: CurrencySection, line: AccountLine, rows: Included[], periods: Periods): void {
	section.accounts.push(line);
	addTotals(section.totals.current, line.current);
	addTotals(section.totals.previous, line.previous);
	let platform = section.platforms.find((p) => p.platform === line.platform);
	if (!platform) {
		const daily: DailyPoint[] = [];
		for (let day = periods.chart.from; day <= periods.chart.to; day++) daily.push({ day, totals: zeroTotals() });
		platform = { platform: line.platform, totals: zeroComparison(), daily };
		section.platforms.push(platform);
	}
	addTotals(platform.totals.current, line.current);
	addTotals(platform.totals.previous, line.previous);
	for (const { row } of rows) {
		if (row.level !== line.basisLevel || row.date !== row.dateStop) continue; // multi-day rows have no single day on the chart
		addTotals(platform.daily[dayNumber(row.date) - periods.chart.from].totals, row);
	}
}

export function aggregate(input: readonly InputRow[], periods: Periods): Aggregated {
	const notes: string[] = [];
	const included: Included[] = [];
	const straddling: number[] = [];
	let multiDay = 0;
	for (const { row, itemIndex } of input) {
		const window = windowOf(row, periods);
		if (window === null) continue;
		if (window === 'straddles') {
			straddling.push(itemIndex);
			continue;
		}
		if (row.date !== row.dateStop) multiDay++;
		included.push({ row, window });
	}
	if (straddling.length > 0) {
		notes.push(`${straddling.length} row(s) span a window boundary and are left out (items ${straddling.slice(0, 10).join(', ')}${straddling.length > 10 ? ', …' : ''}); use daily rows (time increment 1).`);
	}
	if (multiDay > 0) notes.push(`${multiDay} multi-day row(s) count in the totals but not on the daily chart.`);

	const byAccount = new Map<string, Included[]>();
	for (const entry of included) {
		const key = `${entry.row.currency}|${entry.row.platform}|${entry.row.accountId}`;
		const list = byAccount.get(key);
		if (list) list.push(entry);
		else byAccount.set(key, [entry]);
	}
	const sections = new Map<string, CurrencySection>();
	for (const rows of byAccount.values()) {
		const section = sectionFor(sections, rows[0].row.currency);
		addAccount(section, accountLine(rows), rows, periods);
		section.campaigns.push(...campaignLines(rows));
	}
	const ordered = [...sections.values()].sort((a, b) => b.totals.current.spend - a.totals.current.spend || a.currency.localeCompare(b.currency));
	return { sections: ordered, rows: included, notes };
}
