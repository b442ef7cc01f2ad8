/** The account currencies the dataset rotates through: cents currencies and one offset-1 currency (JPY). */
export interface CurrencyInfo {
	code: string;
	/** Meta minor-unit factor: 100 for cents, 1 for offset-1 currencies. */
	minorFactor: number;
	/** Rough EUR value of one unit, to keep prices plausible. */
	eurPerUnit: number;
	timezone: string;
	timezoneOffsetHours: number;
}

export const DATASET_CURRENCIES: readonly CurrencyInfo[] = [
	{ code: 'EUR', minorFactor: 100, eurPerUnit: 1, timezone: 'Europe/Berlin', timezoneOffsetHours: 1 },
	{ code: 'USD', minorFactor: 100, eurPerUnit: 0.92, timezone: 'America/New_York', timezoneOffsetHours: -5 },
	{ code: 'JPY', minorFactor: 1, eurPerUnit: 0.006, timezone: 'Asia/Tokyo', timezoneOffsetHours: 9 },
];

export function currencyInfo(code: string): CurrencyInfo {
	return DATASET_CURRENCIES.find((c) => c.code === code) ?? DATASET_CURRENCIES[0];
}
