/**
 * Items besides metric rows, recognised by shape (tolerant on purpose: Ads
 * Apply's audit item is young, and items may pass through a Data Table or a
 * Set node on the way):
 *
 * - Ads Analytics Forecast: `operation: 'forecast'`; the pacing summary
 *   (`summary: true` with `pacing`) is used, per-entity forecasts are counted.
 * - Ads Analytics Detect Anomalies: `operation: 'detectAnomalies'` with a
 *   metric and a date; skipped-entity notes are counted, not listed.
 * - Ads Apply audit item (`adpilot.audit/v1`, or anything shaped like it): an
 *   `action` object and/or `kind` + `entityId` at the top, together with any
 *   of decision / applied / appliedAt / before / after / planDigest /
 *   platformResponse / response.
 *
 * Everything else is reported as a problem naming its item.
 */
import type { IDataObject } from 'n8n-workflow';

import type { AnomalyNote, AppliedAction } from './types';

export interface ForecastPacing {
	month: string;
	monthlyBudget: number | null;
	monthToDateSpend: number | null;
	projectedMonthEndSpend: number;
	interval80: { lower: number; upper: number } | null;
	probabilityOverBudget: number | null;
	status: string | null;
}

export type ContextItem =
	| { kind: 'forecastPacing'; pacing: ForecastPacing }
	| { kind: 'forecastEntity' }
	| { kind: 'anomaly'; anomaly: AnomalyNote }
	| { kind: 'analyticsNote' }
	| { kind: 'audit'; action: AppliedAction }
	| { kind: 'upstreamError'; message: string };

const AUDIT_MARKERS = ['decision', 'appliedAt', 'applied', 'before', 'after', 'planDigest', 'platformResponse', 'response', 'status', 'outcome'];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | null {
	if (typeof v === 'string') return v === '' ? null : v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return null;
}

function num(v: unknown): number | null {
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function interval(v: unknown): { lower: number; upper: number } | null {
	if (!isRecord(v)) return null;
	const lower = num(v.lower);
	const upper = num(v.upper);
	return lower === null || upper === null ? null : { lower, upper };
}

function forecastItem(json: IDataObject): ContextItem | string {
	if (!(json.summary === true && isRecord(json.pacing))) return { kind: 'forecastEntity' };
	const p = json.pacing;
	const projected = num(p.projectedMonthEndSpend);
	if (projected === null) return 'forecast summary: pacing.projectedMonthEndSpend is missing or not a number';
	return {
		kind: 'forecastPacing',
		pacing: {
			month: text(json.month) ?? '',
			monthlyBudget: num(p.monthlyBudget),
			monthToDateSpend: num(p.monthToDateSpend),
			projectedMonthEndSpend: projected,
			interval80: interval(p.interval80),
			probabilityOverBudget: num(p.probabilityOverBudget),
			status: text(p.status),
		},
	};
}

function anomalyItem(json: IDataObject): ContextItem | string {
	if (json.skipped === true) return { kind: 'analyticsNote' };
	const metric = text(json.metric);
	const date = text(json.date);
	if (metric === null || date === null) return 'anomaly: metric and date are required';
	return {
		kind: 'anomaly',
		anomaly: {
			platform: text(json.platform) ?? 'other',
			accountId: text(json.accountId) ?? '',
			entityId: text(json.entityId) ?? '',
			entityName: text(json.entityName),
			level: text(json.level) ?? '',
			metric,
			date,
			direction: text(json.direction) ?? '',
			severity: text(json.severity) ?? 'warning',
			value: num(json.value),
			pctVsTrailing: num(json.pctVsTrailing),
			message: text(json.message) ?? `${metric} on ${date}`,
			currency: text(json.currency),
		},
	};
}

/**
 * "dailyBudget 50 → 57.5 EUR": scalars with the changed property's name (Apply's
 * flat audit columns), or one line per differing field of before/after objects.
 */
export function changeLines(before: unknown, after: unknown, property: string | null = null, currency: string | null = null): string[] {
	const show = (v: unknown) => (v === undefined || v === null ? '—' : isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : String(v));
	if (!isRecord(before) || !isRecord(after)) {
		if ((before === undefined || before === null) && (after === undefined || after === null)) return [];
		const unit = currency && typeof after === 'number' ? ` ${currency}` : '';
		return [`${property ? `${property} ` : ''}${show(before)} → ${show(after)}${unit}`];
	}
	const lines: string[] = [];
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`${key} ${show(before[key])} → ${show(after[key])}`);
	}
	return lines;
}

function errorText(json: IDataObject): string | null {
	const response = isRecord(json.platformResponse) ? json.platformResponse : isRecord(json.response) ? json.response : {};
	for (const candidate of [json.error, response.error]) {
		const message = text(candidate) ?? (isRecord(candidate) ? text(candidate.message) : null);
		if (message) return message;
	}
	return null;
}

/**
 * What happened, in one word: applied (an explicit `applied: true`, or a
 * decision saying so), failed (an error), planned (a plan/dry run), else the
 * item's own decision / outcome / status, else "recorded".
 */
function outcome(json: IDataObject, error: string | null): string {
	if (json.applied === true) return 'applied';
	if (error) return 'failed';
	if (json.operation === 'plan' || json.dryRun === true) return 'planned';
	return text(json.decision) ?? text(json.outcome) ?? text(json.status) ?? 'recorded';
}

function auditItem(json: IDataObject): ContextItem | null {
	const action = isRecord(json.action) ? json.action : json;
	// Apply's audit item carries the entity flat beside `action`; older or hand-made ones only inside it.
	const field = (name: string) => text(json[name]) ?? text(action[name]);
	const looksLikeAction = field('kind') !== null && (field('entityId') !== null || field('entityName') !== null);
	if (!looksLikeAction || !AUDIT_MARKERS.some((m) => m in json)) return null;
	const error = errorText(json);
	return {
		kind: 'audit',
		action: {
			appliedAt: text(json.appliedAt),
			decision: outcome(json, error),
			kind: field('kind') as string,
			platform: field('platform'),
			accountId: field('accountId'),
			entityId: field('entityId'),
			entityName: field('entityName'),
			level: field('level'),
			changes: changeLines(json.before, json.after, text(json.property), text(json.currency)),
			reason: field('reason'),
			planDigest: text(json.planDigest),
			error,
		},
	};
}

/** Recognises one item, or says what it is missing. */
export function parseContextItem(json: IDataObject): ContextItem | string {
	if (json.operation === 'forecast') return forecastItem(json);
	if (json.operation === 'detectAnomalies') return anomalyItem(json);
	const audit = auditItem(json);
	if (audit) return audit;
	if (typeof json.error === 'string' && Object.keys(json).every((k) => ['error', 'message', 'details', 'problems'].includes(k))) {
		return { kind: 'upstreamError', message: json.error };
	}
	const keys = Object.keys(json).slice(0, 8).join(', ');
	return `not a metric row, Ads Analytics forecast/anomaly or Ads Apply audit item (fields: ${keys || 'none'})`;
}
