/**
 * Money in whole platform units (Meta minor units, Google cents of micros):
 * guardrails compare integers, so a clamp never lands a fraction over a cap.
 * The factors come from shared/money.ts; nothing here knows a currency.
 */
import { fromMetaMinorUnits, metaMinorUnitFactor, toGoogleMicros } from '../../shared/money';

/** Google budgets and bids must be multiples of 10,000 micros: one unit is 0.01 of the currency. */
const GOOGLE_UNIT_MICROS = 10_000;

export function unitsPerMajor(platform: string, currency: string): number {
	return platform === 'meta' ? metaMinorUnitFactor(currency) : toGoogleMicros(1) / GOOGLE_UNIT_MICROS;
}

export function toUnits(amountMajor: number, perMajor: number): number {
	return Math.round(amountMajor * perMajor);
}

/** Whole units at or below an amount (a cap may not be exceeded by rounding). */
export function unitsAtMost(amountMajor: number, perMajor: number): number {
	return Math.floor(amountMajor * perMajor + 1e-9);
}

/** Whole units at or above an amount (a floor may not be undercut by rounding). */
export function unitsAtLeast(amountMajor: number, perMajor: number): number {
	return Math.ceil(amountMajor * perMajor - 1e-9);
}

export function fromUnits(units: number, platform: string, currency: string): number {
	return platform === 'meta' ? fromMetaMinorUnits(units, currency) : units / unitsPerMajor(platform, currency);
}
