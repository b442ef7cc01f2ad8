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
