/**
 * Runtime checks for the two contracts. Decision nodes and Apply read items
 * that may come from anywhere (a sheet, a Code node), so they validate and
 * report every problem with its field path instead of computing nonsense.
 */
import { ACTION_KINDS, ACTION_SCHEMA, type AdAction } from './action';
import { deriveMetrics, deriveFrequency } from './derive';
import { ENTITY_LEVELS, METRIC_ROW_SCHEMA, type EntityLevel, type MetricRow } from './metricRow';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Accepts numbers and numeric strings (sheets and Graph send strings); rejects the rest. */
export function toFiniteNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
	if (typeof v === 'string' && v.trim() !== '') {
		const n = Number(v);
		return Number.isFinite(n) ? n : undefined;
	}
	return undefined;
}

function optionalString(v: unknown): string | null {
	if (v === undefined || v === null || v === '') return null;
	return String(v);
}

/**
 * Reads a metric row. Required: level, entityId, accountId, date, currency
 * and the counted metrics; derived ratios are recomputed from totals (never
 * trusted from input), and missing reach/frequency become null.
 */
export function parseMetricRow(input: unknown): Parsed<MetricRow> {
	const problems: string[] = [];
	if (!isRecord(input)) return { ok: false, problems: ['row: expected an object'] };

	const level = input.level as EntityLevel;
	if (!ENTITY_LEVELS.includes(level)) problems.push(`level: expected one of ${ENTITY_LEVELS.join(', ')}, got ${JSON.stringify(input.level)}`);
	for (const field of ['entityId', 'accountId', 'currency'] as const) {
		if (optionalString(input[field]) === null) problems.push(`${field}: required`);
	}
	const date = optionalString(input.date);
	if (date === null || !DATE.test(date)) problems.push(`date: expected YYYY-MM-DD, got ${JSON.stringify(input.date)}`);
	const dateStop = optionalString(input.dateStop) ?? date;
	if (dateStop !== null && !DATE.test(dateStop)) problems.push(`dateStop: expected YYYY-MM-DD, got ${JSON.stringify(input.dateStop)}`);

	const counted: Record<string, number> = {};
	for (const field of ['impressions', 'clicks', 'spend', 'conversions', 'value'] as const) {
		const raw = input[field];
		const n = raw === undefined || raw === null || raw === '' ? undefined : toFiniteNumber(raw);
		if (raw === undefined || raw === null || raw === '') problems.push(`${field}: required`);
		else if (n === undefined) problems.push(`${field}: expected a number, got ${JSON.stringify(raw)}`);
		else if (n < 0) problems.push(`${field}: must not be negative, got ${n}`);
		else counted[field] = n;
	}
	const reachRaw = input.reach;
	const reach = reachRaw === undefined || reachRaw === null || reachRaw === '' ? null : toFiniteNumber(reachRaw);
	if (reach === undefined) problems.push(`reach: expected a number or null, got ${JSON.stringify(reachRaw)}`);

	if (problems.length > 0) return { ok: false, problems };

	const totals = counted as Pick<MetricRow, 'impressions' | 'clicks' | 'spend' | 'conversions' | 'value'>;
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
		...totals,
		reach: reach ?? null,
		frequency: deriveFrequency(totals.impressions, reach ?? null),
		...deriveMetrics(totals),
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
