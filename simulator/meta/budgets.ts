/**
 * Minimum daily budgets per currency (minor units), as `GET /act_X/minimum_budgets`
 * reports them, and the checks create/update apply.
 */
import { invalidParam } from './errors';
import type { SimResponse } from '../types';

export interface MinimumBudgets {
	currency: string;
	min_daily_budget_imp: number;
	min_daily_budget_video_views: number;
	min_daily_budget_high_freq: number;
	min_daily_budget_low_freq: number;
}

export const MINIMUM_BUDGETS: readonly MinimumBudgets[] = [
	{ currency: 'EUR', min_daily_budget_imp: 100, min_daily_budget_video_views: 100, min_daily_budget_high_freq: 500, min_daily_budget_low_freq: 4000 },
	{ currency: 'USD', min_daily_budget_imp: 100, min_daily_budget_video_views: 100, min_daily_budget_high_freq: 500, min_daily_budget_low_freq: 4000 },
	{ currency: 'JPY', min_daily_budget_imp: 150, min_daily_budget_video_views: 150, min_daily_budget_high_freq: 750, min_daily_budget_low_freq: 6000 },
];

/**
 * Other currencies Meta lists on /minimum_budgets (with EUR's minimums here):
 * the edge holds dozens of rows, so an account's currency can be on a later page.
 */
const OTHER_CURRENCIES = [
	'AED', 'ARS', 'AUD', 'BDT', 'BOB', 'BRL', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CZK', 'DKK', 'DZD', 'EGP',
	'GBP', 'GTQ', 'HKD', 'HNL', 'HUF', 'IDR', 'ILS', 'INR', 'ISK', 'KES', 'KRW', 'MOP', 'MXN', 'MYR', 'NGN', 'NIO',
	'NOK', 'NZD', 'PEN', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'SAR', 'SEK', 'SGD', 'THB', 'TRY', 'TWD', 'UAH',
	'UYU', 'VES', 'VND', 'ZAR',
];

/** Every row of the edge, by currency code as Meta orders them. */
export const MINIMUM_BUDGET_LIST: readonly MinimumBudgets[] = [
	...MINIMUM_BUDGETS,
	...OTHER_CURRENCIES.map((currency) => ({ ...MINIMUM_BUDGETS[0], currency })),
].sort((a, b) => a.currency.localeCompare(b.currency));

export function minimumsFor(currency: string): MinimumBudgets {
	return MINIMUM_BUDGETS.find((m) => m.currency === currency) ?? MINIMUM_BUDGETS[0];
}

/** Which minimum applies: impressions-billed is cheapest, click-like events cost more, rare events most. */
export function minimumDaily(currency: string, billingEvent: string | undefined): number {
	const m = minimumsFor(currency);
	if (billingEvent === undefined || billingEvent === 'IMPRESSIONS') return m.min_daily_budget_imp;
	if (billingEvent === 'THRUPLAY' || billingEvent === 'VIDEO_VIEWS') return m.min_daily_budget_video_views;
	if (billingEvent === 'APP_INSTALLS' || billingEvent === 'OFFER_CLAIMS') return m.min_daily_budget_low_freq;
	return m.min_daily_budget_high_freq;
}

/** (#100) with subcode 1885272 "budget too low", in the account currency. */
export function budgetTooLow(minimum: number, currency: string, factor: number): SimResponse {
	const major = (minimum / factor).toFixed(factor === 1 ? 0 : 2);
	return invalidParam('Invalid parameter', {
		subcode: 1885272,
		userTitle: 'Your Budget Is Too Low',
		userMsg: `The minimum budget for this ad set is ${major} ${currency}.`,
	});
}

export function parseBudget(value: unknown): number | undefined | 'invalid' {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isInteger(n) && n >= 0 ? n : 'invalid';
}
