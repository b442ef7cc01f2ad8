/**
 * Numbers people read: money with its currency code, ratios as percentages,
 * ROAS as a multiple, and relative changes with their sign. The unit of a
 * metric comes from its name (the same names the metric row uses).
 */
import type { FindingNumber, NumberUnit } from '../findings/types';

const MONEY = /(spend|cost|cpa|cpc|cpm|cpl|budget|bid|value|revenue|amount|cap)/i;
const RATIO = /(ctr|cvr|rate|share|frequency_pct)/i;
const MULTIPLE = /roas/i;

export function unitOf(metric: string, currency: string | null | undefined): NumberUnit {
	if (MULTIPLE.test(metric)) return { kind: 'multiple' };
	if (RATIO.test(metric)) return { kind: 'percent' };
	if (MONEY.test(metric) && currency) return { kind: 'money', currency };
	return { kind: 'count' };
}

function plain(value: number, maximumFractionDigits: number, minimumFractionDigits = 0): string {
	return new Intl.NumberFormat('en-US', { maximumFractionDigits, minimumFractionDigits }).format(value);
}

export function formatNumber(value: unknown, unit: NumberUnit): string {
	if (value === null || value === undefined || value === '') return 'n/a';
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return String(value);
	switch (unit.kind) {
		case 'money':
			return `${plain(number, 2, 2)} ${unit.currency}`;
		case 'percent':
			// Ratios arrive as fractions (0.0135 → 1.35 %).
			return `${plain(number * 100, 2)} %`;
		case 'multiple':
			return `${plain(number, 2, 2)}×`;
		case 'text':
			return String(value);
		default:
			return plain(number, Math.abs(number) < 10 ? 4 : 2);
	}
}

/** "+20.0 %", "−12.5 %"; null when there is no meaningful base. */
export function percentChange(before: unknown, after: unknown): string | null {
	const from = Number(before);
	const to = Number(after);
	if (!Number.isFinite(from) || !Number.isFinite(to) || from === 0 || before === null || after === null) return null;
	return signedPercent((to - from) / Math.abs(from));
}

/** A fraction as a signed percentage: 0.2 → "+20.0 %". */
export function signedPercent(fraction: number): string {
	const pct = fraction * 100;
	const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
	return `${sign}${plain(Math.abs(pct), 1, 1)} %`;
}

/** A before → after number with its change. */
export function changedNumber(label: string, before: unknown, after: unknown, unit: NumberUnit): FindingNumber {
	const change = percentChange(before, after);
	return { label, value: formatNumber(after, unit), before: formatNumber(before, unit), ...(change ? { change } : {}) };
}

/** One line: "Budget: 50.00 USD → 60.00 USD (+20.0 %)". */
export function numberLine(n: FindingNumber): string {
	const body = n.before !== undefined ? `${n.before} → ${n.value}` : n.value;
	return `${n.label}: ${body}${n.change ? ` (${n.change})` : ''}`;
}
