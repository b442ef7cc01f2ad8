/**
 * Money conversion at the platform edges. Inside AdPilot every amount is in
 * major units of its currency; Meta speaks minor units ("offset" currencies),
 * Google speaks micros.
 */

/**
 * Currencies Meta treats with offset 1 (no minor unit): the budget integer is
 * the amount itself. Every other Meta currency uses offset 100.
 */
const META_OFFSET_ONE = new Set([
	'CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND',
]);

export function metaMinorUnitFactor(currency: string): number {
	return META_OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100;
}

/** 50 EUR → 5000; 5000 JPY → 5000. Rounds to the nearest minor unit. */
export function toMetaMinorUnits(amountMajor: number, currency: string): number {
	return Math.round(amountMajor * metaMinorUnitFactor(currency));
}

export function fromMetaMinorUnits(amountMinor: number | string, currency: string): number {
	return Number(amountMinor) / metaMinorUnitFactor(currency);
}

/** Google micros: 1 unit = 1,000,000 micros. Budgets must be a multiple of 10,000 micros (0.01). */
export function toGoogleMicros(amountMajor: number): number {
	return Math.round(amountMajor * 100) * 10_000;
}

export function fromGoogleMicros(amountMicros: number | string): number {
	return Number(amountMicros) / 1_000_000;
}

/**
 * The one amount parser: a number, or a numeric string (sheets, Graph and
 * Google send strings); undefined for anything else, NaN and infinities.
 */
export function parseAmount(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
	if (typeof raw === 'string' && raw.trim() !== '') {
		const value = Number(raw);
		return Number.isFinite(value) ? value : undefined;
	}
	return undefined;
}

/**
 * A money amount that must be above 0 (or ≥ 0 with `allowZero`): the value,
 * or the problem in the words every node uses after the field's name
 * ("must be a number, got …", "must be greater than 0, got …").
 */
export function checkAmount(raw: unknown, { allowZero = false } = {}): { value: number } | { problem: string } {
	const value = parseAmount(raw);
	if (value === undefined) return { problem: `must be a number, got ${JSON.stringify(raw ?? null)}` };
	if (allowZero ? value < 0 : value <= 0) return { problem: `must be greater than ${allowZero ? 'or equal to ' : ''}0, got ${value}` };
	return { value };
}

/** Decimal places of a currency's minor unit (ISO 4217, via Intl), capped at 2: platform budgets are in cents at most. */
export function minorDigits(currency: string): number {
	try {
		return Math.min(2, new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
	} catch {
		return 2;
	}
}
