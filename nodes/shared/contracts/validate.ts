/**
 * Runtime checks for the two contracts. Decision nodes and Apply read items
 * that may come from anywhere (a sheet, a Code node), so they validate and
 * report every problem with its field path instead of computing nonsense.
 */
import { parseAmount } from '../money';
import { ACTION_KINDS, ACTION_SCHEMA, type AdAction } from './action';
import { deriveMetrics, deriveFrequency } from './derive';
import { ENTITY_LEVELS, METRIC_ROW_SCHEMA, type EntityLevel, type MetricRow } from './metricRow';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Accepts numbers and numeric strings (sheets and Graph send strings); rejects the rest. */
export const toFiniteNumber = parseAmount;

function optionalString(v: unknown): string | null {
	if (typeof v === 'string') return v === '' ? null : v;
	if (v === undefined || v === null) return null;
	return String(v);
}

const COUNTED_FIELDS = ['impressions', 'clicks', 'spend', 'conversions', 'value'] as const;

function isBlank(v: unknown): boolean {
	return v === undefined || v === null || v === '';
}

/** Reads one counted metric, pushing a problem naming the field when it is unusable. */
function readCount(input: Record<string, unknown>, field: string, problems: string[]): number {
	const raw = input[field];
	if (typeof raw === 'number' && raw >= 0 && Number.isFinite(raw)) return raw; // the common case, kept cheap
	if (isBlank(raw)) {
		problems.push(`${field}: required`);
		return 0;
	}
	const n = toFiniteNumber(raw);
	if (n === undefined) problems.push(`${field}: expected a number, got ${JSON.stringify(raw)}`);
	else if (n < 0) problems.push(`${field}: must not be negative, got ${n}`);
	return n ?? 0;
}

/**
 * Reads a metric row. Required: level, entityId, accountId, date, currency
 * and the counted metrics; derived ratios are recomputed from totals (never
 * trusted from input), and missing reach/frequency become null.
 * Decision nodes read 100,000s of rows per run, so this stays allocation-light.
 */
export function parseMetricRow(input: unknown): Parsed<MetricRow> {
	if (!isRecord(input)) return { ok: false, problems: ['row: expected an object'] };
	const problems: string[] = [];

	const level = input.level as EntityLevel;
	if (!ENTITY_LEVELS.includes(level)) problems.push(`level: expected one of ${ENTITY_LEVELS.join(', ')}, got ${JSON.stringify(input.level)}`);
	if (isBlank(input.entityId)) problems.push('entityId: required');
	if (isBlank(input.accountId)) problems.push('accountId: required');
	if (isBlank(input.currency)) problems.push('currency: required');
	const date = optionalString(input.date);
	if (date === null || !DATE.test(date)) problems.push(`date: expected YYYY-MM-DD, got ${JSON.stringify(input.date)}`);
	const dateStop = optionalString(input.dateStop) ?? date;
	if (dateStop !== date && dateStop !== null && !DATE.test(dateStop)) problems.push(`dateStop: expected YYYY-MM-DD, got ${JSON.stringify(input.dateStop)}`);

	const impressions = readCount(input, COUNTED_FIELDS[0], problems);
	const clicks = readCount(input, COUNTED_FIELDS[1], problems);
	const spend = readCount(input, COUNTED_FIELDS[2], problems);
	const conversions = readCount(input, COUNTED_FIELDS[3], problems);
	const value = readCount(input, COUNTED_FIELDS[4], problems);
	const reachRaw = input.reach;
	const reach = isBlank(reachRaw) ? null : toFiniteNumber(reachRaw);
	if (reach === undefined) problems.push(`reach: expected a number or null, got ${JSON.stringify(reachRaw)}`);

	if (problems.length > 0) return { ok: false, problems };

	const derived = deriveMetrics({ impressions, clicks, spend, conversions, value });
	const row: MetricRow = {
		schema: METRIC_ROW_SCHEMA,
		platform: input.platform === 'meta' || input.platform === 'google' ? input.platform : 'other',
		level,
		entityId: String(input.entityId),
		entityName: optionalString(input.entityName),
		accountId: String(input.accountId),
		accountName: optionalString(input.accountName),
		campaignId: optionalString(input.campaignId),
		campaignName: optionalString(input.campaignName),
		adSetId: optionalString(input.adSetId),
		adSetName: optionalString(input.adSetName),
		adId: optionalString(input.adId),
		adName: optionalString(input.adName),
		keywordId: optionalString(input.keywordId),
		keywordText: optionalString(input.keywordText),
		date: date as string,
		dateStop: dateStop as string,
		currency: String(input.currency),
		impressions,
		clicks,
		spend,
		conversions,
		value,
		reach: reach ?? null,
		frequency: deriveFrequency(impressions, reach ?? null),
		ctr: derived.ctr,
		cpc: derived.cpc,
		cpm: derived.cpm,
		cpa: derived.cpa,
		roas: derived.roas,
	};
	if (isRecord(input.breakdowns)) row.breakdowns = input.breakdowns as Record<string, string>;
	if (isRecord(input.attributes)) row.attributes = input.attributes;
	return { ok: true, value: row };
}

/** Checks an action item's shape before Apply touches a platform. */
export function parseAction(input: unknown): Parsed<AdAction> {
	const problems: string[] = [];
	if (!isRecord(input)) return { ok: false, problems: ['action: expected an object'] };
	if (input.schema !== ACTION_SCHEMA) problems.push(`schema: expected ${ACTION_SCHEMA}`);
	if (input.platform !== 'meta' && input.platform !== 'google') problems.push('platform: expected meta or google');
	if (!ENTITY_LEVELS.includes(input.level as EntityLevel)) problems.push(`level: expected one of ${ENTITY_LEVELS.join(', ')}`);
	if (!ACTION_KINDS.includes(input.kind as AdAction['kind'])) problems.push(`kind: expected one of ${ACTION_KINDS.join(', ')}`);
	for (const field of ['accountId', 'entityId', 'reason', 'idempotencyKey'] as const) {
		if (typeof input[field] !== 'string' || input[field] === '') problems.push(`${field}: required string`);
	}
	if (!Array.isArray(input.evidence)) problems.push('evidence: expected an array');
	if (!isRecord(input.source)) problems.push('source: expected an object');
	const params = input.params;
	if (!isRecord(params)) problems.push('params: expected an object');
	else problems.push(...paramProblems(input.kind as AdAction['kind'], params));
	return problems.length > 0 ? { ok: false, problems } : { ok: true, value: input as unknown as AdAction };
}

function paramProblems(kind: AdAction['kind'], params: Record<string, unknown>): string[] {
	const problems: string[] = [];
	const needNumber = (field: string, positive: boolean) => {
		const n = toFiniteNumber(params[field]);
		if (n === undefined) problems.push(`params.${field}: expected a number`);
		else if (positive && n <= 0) problems.push(`params.${field}: must be greater than 0`);
	};
	const needBudgetType = () => {
		if (params.budgetType !== 'daily' && params.budgetType !== 'lifetime') problems.push('params.budgetType: expected daily or lifetime');
	};
	const needCurrency = () => {
		if (typeof params.currency !== 'string' || !/^[A-Z]{3}$/.test(params.currency)) problems.push('params.currency: expected an ISO 4217 code');
	};
	switch (kind) {
		case 'setBudget':
			needBudgetType();
			needNumber('amount', true);
			needCurrency();
			break;
		case 'changeBudgetByPercent':
			needBudgetType();
			needNumber('percent', false);
			needCurrency();
			break;
		case 'setBid':
			needNumber('amount', true);
			needCurrency();
			break;
		case 'notify':
			if (typeof params.message !== 'string' || params.message === '') problems.push('params.message: required string');
			break;
		case 'create':
			if (typeof params.objectType !== 'string') problems.push('params.objectType: required string');
			if (!isRecord(params.spec)) problems.push('params.spec: expected an object');
			break;
		default:
			break;
	}
	return problems;
}
