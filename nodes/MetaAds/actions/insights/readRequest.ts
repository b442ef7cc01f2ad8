/**
 * Reads and checks Insight → Get's parameters for one item, once, into plain
 * objects the pure insights code works on. Every error names the field and
 * the item.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_JOB_OPTIONS } from './asyncJob';
import { conversionSelection, parseActionTypes, type ConversionPreset } from './conversions';
import { DATE_PRESETS, parseDay } from './dates';
import { DEFAULT_MAX_JOBS, type FetchOptions } from './fetch';
import { insightsFields } from './fields';
import type { ClicksField, NormalizeOptions } from './normalize';
import { INSIGHTS_LEVELS, type InsightsLevel, type InsightsMode, type InsightsQuery } from './types';
import type { Sleep } from './clientTypes';
import { getAdAccountId, getObjectId } from '../common/ids';
import { assertAllOf, assertOneOf } from '../common/options';
import { ATTRIBUTION_WINDOWS, BREAKDOWNS } from './properties';

interface RawOptions {
	actionReportTime?: string;
	extraFields?: string;
	attributionWindows?: string[] | string;
	clicksField?: string;
	conversionWindow?: string;
	includeDeletedArchived?: boolean;
	includeEntityDetails?: boolean;
	includeRaw?: boolean;
	includeReach?: boolean;
	maxJobWaitMinutes?: number;
	mode?: string;
	pageSize?: number;
}

export interface InsightsRequest {
	query: InsightsQuery;
	normalize: NormalizeOptions;
	fetch: FetchOptions;
	/** Attach status, created time and budgets to the rows (not at account level). */
	entityDetails: boolean;
}

const SCOPE_PARAM: Record<Exclude<InsightsLevel, 'account'>, [string, string]> = {
	campaign: ['campaignId', 'Campaign'],
	adset: ['adSetId', 'Ad Set'],
	ad: ['adId', 'Ad'],
};

function fail(ctx: IExecuteFunctions, message: string, itemIndex: number, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function readPeriod(ctx: IExecuteFunctions, itemIndex: number): Pick<InsightsQuery, 'timeRange' | 'datePreset'> {
	const dateMode = assertOneOf(ctx, ctx.getNodeParameter('dateMode', itemIndex, 'preset'), ['preset', 'range'], 'Period', itemIndex);
	if (dateMode === 'preset') {
		return { datePreset: assertOneOf(ctx, ctx.getNodeParameter('datePreset', itemIndex, 'last_7d'), DATE_PRESETS, 'Date Preset', itemIndex) };
	}
	const rawSince = ctx.getNodeParameter('since', itemIndex, '');
	const rawUntil = ctx.getNodeParameter('until', itemIndex, '');
	const since = parseDay(rawSince);
	const until = parseDay(rawUntil);
	if (!since) fail(ctx, `Since on item ${itemIndex} is not a date: ${JSON.stringify(rawSince)}`, itemIndex, 'Use YYYY-MM-DD.');
	if (!until) fail(ctx, `Until on item ${itemIndex} is not a date: ${JSON.stringify(rawUntil)}`, itemIndex, 'Use YYYY-MM-DD.');
	if (since > until) fail(ctx, `Since (${since}) is after Until (${until}) on item ${itemIndex}`, itemIndex);
	return { timeRange: { since, until } };
}

function readObject(ctx: IExecuteFunctions, itemIndex: number): { objectId: string; objectType: InsightsLevel } {
	const scope = assertOneOf(ctx, ctx.getNodeParameter('scope', itemIndex, 'account'), INSIGHTS_LEVELS, 'Object', itemIndex);
	if (scope === 'account') return { objectId: getAdAccountId(ctx, itemIndex), objectType: 'account' };
	const [param, label] = SCOPE_PARAM[scope];
	return { objectId: getObjectId(ctx, param, label, itemIndex), objectType: scope };
}

function positive(ctx: IExecuteFunctions, value: unknown, fallback: number, field: string, itemIndex: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) fail(ctx, `${field} on item ${itemIndex} must be a number above 0, got ${JSON.stringify(value)}`, itemIndex);
	return n;
}

export function readInsightsRequest(ctx: IExecuteFunctions, itemIndex: number, sleep: Sleep): InsightsRequest {
	const { objectId, objectType } = readObject(ctx, itemIndex);
	const level = assertOneOf(ctx, ctx.getNodeParameter('level', itemIndex, 'campaign'), INSIGHTS_LEVELS, 'Level', itemIndex);
	const period = readPeriod(ctx, itemIndex);
	const timeIncrement = assertOneOf(ctx, ctx.getNodeParameter('timeIncrement', itemIndex, 'daily'), ['daily', 'all_days'] as const, 'Rows Per', itemIndex);
	const breakdowns = assertAllOf(ctx, ctx.getNodeParameter('breakdowns', itemIndex, []), BREAKDOWNS, 'Breakdowns', itemIndex);
	const preset = assertOneOf(
		ctx,
		ctx.getNodeParameter('conversionPreset', itemIndex, 'auto'),
		['auto', 'sales', 'leads', 'custom'] as ConversionPreset[],
		'Conversion Preset',
		itemIndex,
	);
	const customTypes = preset === 'custom' ? parseActionTypes(String(ctx.getNodeParameter('conversionActionTypes', itemIndex, ''))) : [];
	if (preset === 'custom' && customTypes.length === 0) {
		fail(ctx, `Conversion Action Types on item ${itemIndex} is empty`, itemIndex, 'List at least one action type, e.g. offsite_conversion.fb_pixel_purchase.');
	}

	const options = ctx.getNodeParameter('options', itemIndex, {}) as RawOptions;
	const attributionWindows = assertAllOf(ctx, options.attributionWindows ?? [], ATTRIBUTION_WINDOWS, 'Attribution Windows', itemIndex);
	const windowKey = assertOneOf(ctx, options.conversionWindow ?? 'value', ['value', ...ATTRIBUTION_WINDOWS], 'Conversion Window', itemIndex);
	if (windowKey !== 'value' && !(attributionWindows as string[]).includes(windowKey)) {
		fail(ctx, `Conversion Window ${windowKey} on item ${itemIndex} is not among the requested Attribution Windows`, itemIndex, `Add ${windowKey} to Attribution Windows.`);
	}
	const clicksField = assertOneOf(ctx, options.clicksField ?? 'clicks', ['clicks', 'inline_link_clicks'] as ClicksField[], 'Clicks Metric', itemIndex);
	const mode = assertOneOf(ctx, options.mode ?? 'auto', ['auto', 'sync', 'async'] as InsightsMode[], 'Mode', itemIndex);
	const actionReportTime = options.actionReportTime
		? assertOneOf(ctx, options.actionReportTime, ['impression', 'conversion', 'mixed'], 'Action Report Time', itemIndex)
		: undefined;
	const extraFields = parseActionTypes(String(options.extraFields ?? ''));
	const pageSize = Math.floor(positive(ctx, options.pageSize, DEFAULT_JOB_OPTIONS.pageSize, 'Page Size', itemIndex));
	const maxWaitMs = positive(ctx, options.maxJobWaitMinutes, DEFAULT_JOB_OPTIONS.maxWaitMs / 60_000, 'Max Job Wait (Minutes)', itemIndex) * 60_000;

	const conversions = conversionSelection(preset, customTypes, windowKey);
	const fields = insightsFields({
		level,
		clicksField,
		includeReach: options.includeReach ?? true,
		needsObjective: conversions.needsObjective,
		extraFields,
	});

	return {
		query: {
			objectId,
			objectType,
			level,
			fields,
			...period,
			timeIncrement,
			breakdowns,
			attributionWindows,
			actionReportTime,
			includeDeletedArchived: options.includeDeletedArchived === true,
		},
		normalize: {
			level,
			breakdowns,
			conversions,
			keepRaw: options.includeRaw === true || extraFields.length > 0,
			clicksField,
			accountId: objectType === 'account' ? objectId : '',
		},
		fetch: {
			...DEFAULT_JOB_OPTIONS,
			sleep,
			mode,
			pageSize,
			maxWaitMs,
			stuckMs: Math.min(DEFAULT_JOB_OPTIONS.stuckMs, maxWaitMs),
			maxJobs: DEFAULT_MAX_JOBS,
		},
		entityDetails: options.includeEntityDetails === true && level !== 'account',
	};
}
