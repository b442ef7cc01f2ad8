/** Parses and validates insights parameters the way Graph does. */
import type { SimResponse } from '../../types';
import { addDays, isValidDay, parseDay } from '../../dataset/dates';
import type { MetaCall } from '../call';
import { invalidParam } from '../errors';
import { parseFields } from '../fields';
import { parseFiltering, type FilterClause } from '../filtering';
import { jsonParam, listParam, str } from '../params';
import { BREAKDOWNS } from './breakdowns';
import { INSIGHTS_FIELDS } from './format';

export type InsightsLevel = 'account' | 'campaign' | 'adset' | 'ad';
export const LEVELS: readonly InsightsLevel[] = ['account', 'campaign', 'adset', 'ad'];

export interface InsightsQuery {
	level: InsightsLevel;
	fields: string[];
	since: string;
	until: string;
	increment: number | 'all_days' | 'monthly';
	breakdowns: string[];
	windows: string[] | undefined;
	filtering: FilterClause[];
}

const DEFAULT_FIELDS = ['impressions', 'spend'];
const WINDOWS = new Set(['1d_click', '7d_click', '28d_click', '1d_view', '1d_ev', 'default']);
const RETIRED_WINDOWS = new Set(['7d_view', '28d_view']);

/** [since, until] for a date preset, relative to the dataset's "today". */
export function presetRange(preset: string, today: string): [string, string] | undefined {
	const yesterday = addDays(today, -1);
	const lastN = /^last_(\d+)d$/.exec(preset);
	if (lastN) return [addDays(today, -Number(lastN[1])), yesterday];
	const month = today.slice(0, 7);
	switch (preset) {
		case 'today': return [today, today];
		case 'yesterday': return [yesterday, yesterday];
		case 'this_month': return [`${month}-01`, today];
		case 'last_month': {
			const firstThis = `${month}-01`;
			const lastPrev = addDays(firstThis, -1);
			return [`${lastPrev.slice(0, 7)}-01`, lastPrev];
		}
		case 'this_year': return [`${today.slice(0, 4)}-01-01`, today];
		case 'maximum': return [addDays(today, -37 * 30), yesterday];
		case 'this_week_mon_today': {
			const offset = (new Date(parseDay(today)).getUTCDay() + 6) % 7;
			return [addDays(today, -offset), today];
		}
		case 'last_week_mon_sun': {
			const offset = (new Date(parseDay(today)).getUTCDay() + 6) % 7;
			return [addDays(today, -offset - 7), addDays(today, -offset - 1)];
		}
		default: return undefined;
	}
}

export function parseInsightsQuery(call: MetaCall, objectLevel: InsightsLevel, today: string): InsightsQuery | SimResponse {
	const levelText = str(call.params, 'level') ?? objectLevel;
	if (!LEVELS.includes(levelText as InsightsLevel)) return invalidParam(`Param level must be one of {${LEVELS.join(', ')}}`);
	const level = levelText as InsightsLevel;
	if (LEVELS.indexOf(level) < LEVELS.indexOf(objectLevel)) return invalidParam(`Cannot request level ${level} on a ${objectLevel} object`);
	let fields: string[];
	let breakdowns: string[];
	let windows: string[] | undefined;
	let timeRange: unknown;
	let filteringRaw: unknown;
	try {
		fields = parseFields(str(call.params, 'fields'))?.map((f) => f.name) ?? DEFAULT_FIELDS;
		breakdowns = listParam(call.params, 'breakdowns') ?? [];
		windows = listParam(call.params, 'action_attribution_windows');
		timeRange = jsonParam(call.params, 'time_range');
		filteringRaw = jsonParam(call.params, 'filtering');
	} catch {
		return invalidParam('One of fields, breakdowns, time_range, filtering or action_attribution_windows is not valid JSON');
	}
	const badField = fields.find((f) => !INSIGHTS_FIELDS.has(f));
	if (badField) return invalidParam(`${badField} is not valid for fields param. Please check https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values`);
	const badBreakdown = breakdowns.find((b) => !(b in BREAKDOWNS));
	if (badBreakdown) return invalidParam(`breakdowns[0] must be one of the following values: ${Object.keys(BREAKDOWNS).join(', ')}`);
	const retired = windows?.find((w) => RETIRED_WINDOWS.has(w));
	if (retired) return invalidParam(`The attribution window ${retired} is no longer supported`);
	const badWindow = windows?.find((w) => !WINDOWS.has(w));
	if (badWindow) return invalidParam(`action_attribution_windows[0] must be one of the following values: ${[...WINDOWS].join(', ')}`);

	let since: string;
	let until: string;
	if (timeRange !== undefined) {
		const range = timeRange as { since?: unknown; until?: unknown };
		if (!isValidDay(range?.since) || !isValidDay(range?.until)) return invalidParam('Param time_range must be {since: YYYY-MM-DD, until: YYYY-MM-DD}');
		since = range.since;
		until = range.until;
		if (since > until) return invalidParam('Param time_range: since must not be after until');
	} else {
		const preset = str(call.params, 'date_preset') ?? 'last_30d';
		const range = presetRange(preset, today);
		if (!range) return invalidParam(`Param date_preset is invalid: ${preset}`);
		[since, until] = range;
	}
	// Graph keeps about 37 months of history.
	const earliest = addDays(today, -37 * 30);
	if (since < earliest) since = earliest;

	const incrementText = str(call.params, 'time_increment') ?? 'all_days';
	let increment: InsightsQuery['increment'];
	if (incrementText === 'all_days' || incrementText === 'monthly') increment = incrementText;
	else {
		const n = Number(incrementText);
		if (!Number.isInteger(n) || n < 1 || n > 90) return invalidParam('Param time_increment must be all_days, monthly or an integer 1..90');
		increment = n;
	}
	const filtering = parseFiltering(filteringRaw);
	if (typeof filtering === 'string') return invalidParam(filtering);
	return { level, fields, since, until, increment, breakdowns, windows, filtering };
}
