import type { IDataObject } from 'n8n-workflow';

import { fromMetaMinorUnits } from '../../../shared/money';

/** Meta money fields (minor units) and the camelCase names we give them in major units. */
const MONEY_FIELDS: Record<string, string> = {
	daily_budget: 'dailyBudget',
	lifetime_budget: 'lifetimeBudget',
	budget_remaining: 'budgetRemaining',
	spend_cap: 'spendCap',
	bid_amount: 'bidAmount',
};

export function hasMoneyFields(fields: string[]): boolean {
	return fields.some((field) => field in MONEY_FIELDS);
}

/**
 * Replaces Meta's minor-unit strings with `<name>` (major units) and
 * `<name>Minor` (Meta's integer), plus `currency`, so no output field leaves
 * its unit to guesswork. Without a currency the raw fields are kept as they are.
 */
export function withMajorUnits(object: IDataObject, currency: string | undefined): IDataObject {
	if (!currency) return object;
	const out: IDataObject = {};
	let converted = false;
	for (const [key, value] of Object.entries(object)) {
		const name = MONEY_FIELDS[key];
		if (name && value !== null && value !== undefined && value !== '' && Number.isFinite(Number(value))) {
			out[name] = fromMetaMinorUnits(value as string | number, currency);
			out[`${name}Minor`] = Number(value);
			converted = true;
		} else {
			out[key] = value;
		}
	}
	if (converted) out.currency = currency;
	return out;
}
