/**
 * The CSV attachment: the metric rows behind the report (the chart window),
 * RFC 4180 (CRLF, fields with a comma, quote or line break quoted, quotes
 * doubled), UTF-8 with a byte-order mark so spreadsheet apps detect the
 * encoding. Text cells that a spreadsheet would run as a formula (=, +, -, @
 * at the start) get a leading apostrophe (OWASP "CSV injection").
 */
import type { Report } from '../report/types';

const COLUMNS = [
	'window', 'date', 'dateStop', 'platform', 'accountId', 'accountName', 'level', 'entityId', 'entityName', 'campaignId', 'campaignName',
	'currency', 'impressions', 'clicks', 'spend', 'conversions', 'value', 'ctr', 'cpc', 'cpa', 'roas',
] as const;

export const CSV_BOM = '\ufeff';

function neutralise(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutralise(String(value));
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: Report): string {
	const lines = [COLUMNS.join(',')];
	for (const { row, window } of report.rows) {
		const record: Record<string, unknown> = { ...row, window };
		lines.push(COLUMNS.map((c) => csvField(record[c])).join(','));
	}
	return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
