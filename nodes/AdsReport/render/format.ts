/**
 * Number, money and text formatting shared by the HTML, the summary and the
 * chart legend. Money always carries its currency; Intl does the locale work.
 */
import type { Kpi } from '../report/types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		try {
			f = new Intl.NumberFormat(locale, options);
		} catch {
			// An unknown currency code still prints, with the code after the number.
			f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
		}
		formatters.set(key, f);
	}
	return f;
}

export function money(amount: number, currency: string, locale: string): string {
	const f = formatter(locale, { style: 'currency', currency, currencyDisplay: 'code' });
	const text = f.format(amount);
	return f.resolvedOptions().style === 'currency' ? text.replace(/\u00a0/g, ' ') : `${text} ${currency}`;
}

export function count(n: number, locale: string): string {
	return formatter(locale, { maximumFractionDigits: Number.isInteger(n) ? 0 : 1 }).format(n);
}

export function ratio(n: number | null, locale: string, digits = 2): string {
	return n === null ? '—' : formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function percent(n: number | null, locale: string, digits = 1): string {
	return n === null ? '—' : `${formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n * 100)} %`;
}

/** Relative change, or null when the previous value was 0 (a change from nothing has no percentage). */
export function change(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return (current - previous) / Math.abs(previous);
}

export function signedPercent(n: number | null, locale: string): string {
	if (n === null) return 'n/a';
	const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
	return `${sign}${percent(Math.abs(n), locale)}`;
}

export const KPI_LABELS: Record<Kpi, string> = {
	roas: 'ROAS',
	cpa: 'CPA',
	conversions: 'Conversions',
	value: 'Conversion value',
	ctr: 'CTR',
	cpc: 'CPC',
	spend: 'Spend',
	clicks: 'Clicks',
};

/** A KPI value in its own unit. */
export function kpiValue(kpi: Kpi, value: number | null, currency: string, locale: string): string {
	if (value === null) return '—';
	switch (kpi) {
		case 'cpa':
		case 'cpc':
		case 'spend':
		case 'value':
			return money(value, currency, locale);
		case 'ctr':
			return percent(value, locale, 2);
		case 'roas':
			return `${ratio(value, locale)}×`;
		default:
			return count(value, locale);
	}
}

export const PLATFORM_LABELS: Record<string, string> = { meta: 'Meta', google: 'Google Ads', other: 'Other' };
export const PLATFORM_COLORS: Record<string, string> = { meta: '#1877F2', google: '#EA8600', other: '#7C3AED' };
