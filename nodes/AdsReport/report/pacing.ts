/**
 * Spend pacing against a monthly budget, in one currency: month-to-date
 * spend from the rows, and a month-end projection from Ads Analytics'
 * Forecast summary when one is given for the same month (with its interval
 * and probability of overspending), otherwise from the run rate of the last
 * 7 days (or fewer early in the month).
 */
import { dayNumber, dayString } from '../../shared/days';
import type { ForecastPacing } from './context';
import type { CurrencySection, Pacing, Periods } from './types';

const RUN_RATE_DAYS = 7;
const TOLERANCE = 0.05;

export interface PacingInput {
	monthlyBudget: number;
	currency: string;
	section: CurrencySection | undefined;
	periods: Periods;
	forecast: ForecastPacing | null;
}

function spendBetween(section: CurrencySection | undefined, from: number, to: number): number {
	let spend = 0;
	for (const platform of section?.platforms ?? []) for (const point of platform.daily) if (point.day >= from && point.day <= to) spend += point.totals.spend;
	return spend;
}

/** The month of the reference date, as day numbers. */
export function monthOf(day: number): { start: number; end: number; month: string } {
	const text = dayString(day);
	const start = dayNumber(`${text.slice(0, 8)}01`);
	const next = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)), 1));
	const end = dayNumber(next.toISOString().slice(0, 10)) - 1;
	return { start, end, month: text.slice(0, 7) };
}

export function computePacing(input: PacingInput, notes: string[]): Pacing {
	const ref = input.periods.current.to;
	const { start, end, month } = monthOf(ref);
	// build.ts widens the chart window to the month start when pacing is on, so the daily series holds the whole month.
	const monthToDate = spendBetween(input.section, start, ref);
	const daysElapsed = ref - start + 1;
	const daysInMonth = end - start + 1;
	const remaining = end - ref;
	const budget = input.monthlyBudget;

	let projected: number;
	let source: Pacing['source'] = 'runRate';
	let sourceNote: string;
	let interval80: Pacing['interval80'] = null;
	let probabilityOverBudget: number | null = null;
	const forecast = input.forecast;
	if (forecast && forecast.month === month) {
		projected = forecast.projectedMonthEndSpend;
		source = 'forecast';
		interval80 = forecast.interval80;
		probabilityOverBudget = forecast.probabilityOverBudget;
		sourceNote = 'projection from Ads Analytics Forecast';
		if (forecast.monthToDateSpend !== null && Math.abs(forecast.monthToDateSpend - monthToDate) > Math.max(0.01, monthToDate * 0.01)) {
			notes.push(`Pacing: the forecast counted ${forecast.monthToDateSpend} month to date, the report's rows ${round2(monthToDate)} (different rows or days).`);
		}
		if (forecast.monthlyBudget !== null && forecast.monthlyBudget !== budget) notes.push(`Pacing: the forecast was paced against ${forecast.monthlyBudget}, the report against ${budget}; the report's budget is used for the status.`);
	} else {
		if (forecast) notes.push(`Pacing: the forecast is for ${forecast.month || 'an unknown month'}, not ${month}; the run rate is used instead.`);
		const days = Math.min(RUN_RATE_DAYS, daysElapsed);
		const rate = spendBetween(input.section, ref - days + 1, ref) / days;
		projected = monthToDate + rate * remaining;
		sourceNote = `projection at the run rate of the last ${days} day(s)`;
	}
	const ratio = projected / budget;
	return {
		currency: input.currency,
		month,
		monthlyBudget: budget,
		monthToDateSpend: round2(monthToDate),
		daysElapsed,
		daysInMonth,
		expectedToDate: round2((budget * daysElapsed) / daysInMonth),
		projectedMonthEndSpend: round2(projected),
		interval80,
		probabilityOverBudget,
		pacePercent: Math.round(ratio * 1000) / 10,
		status: ratio > 1 + TOLERANCE ? 'over' : ratio < 1 - TOLERANCE ? 'under' : 'on',
		dailySpendToHitBudget: remaining > 0 ? round2(Math.max(0, budget - monthToDate) / remaining) : null,
		source,
		sourceNote,
	};
}

function round2(n: number): number {
	return Math.round(n * 100) / 100;
}
