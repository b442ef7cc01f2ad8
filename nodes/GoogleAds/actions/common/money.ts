import type { IDataObject } from 'n8n-workflow';

import { checkAmount, fromGoogleMicros, toGoogleMicros } from '../../../shared/money';
import { InputProblem } from './errors';

/**
 * A money amount in major units, from a parameter or template value, parsed
 * and checked by the package's one amount parser (shared/money.ts); this kit
 * only throws its problem as an InputProblem naming the field. Numeric
 * strings pass (sheets send strings); 0, negatives and non-numbers fail,
 * because a 0 budget is never what anyone meant.
 */
export function requireAmount(raw: unknown, field: string, { allowZero = false } = {}): number {
	const checked = checkAmount(raw, { allowZero });
	if ('problem' in checked) throw new InputProblem(field, checked.problem);
	return checked.value;
}

/** An optional amount: empty / null / undefined → undefined. */
export function optionalAmount(raw: unknown, field: string): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	return requireAmount(raw, field);
}

/** Google sends int64 as strings; proto JSON accepts strings back, which keeps big values exact. */
export function microsString(amountMajor: number): string {
	return String(toGoogleMicros(amountMajor));
}

/** `{ <name>: major, <name>Micros: raw, currency }` for output items, so units are never guessed. */
export function moneyFields(name: string, micros: unknown, currency?: string | null): IDataObject {
	const present = micros !== undefined && micros !== null && micros !== '';
	return {
		[name]: present ? fromGoogleMicros(micros as string | number) : null,
		[`${name}Micros`]: present ? String(micros) : null,
		...(currency !== undefined ? { currency: currency ?? null } : {}),
	};
}
