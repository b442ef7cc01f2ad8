/**
 * Items besides metric rows, recognised by shape (tolerant on purpose: Ads
 * Apply's audit item is young, and items may pass through a Data Table or a
 * Set node on the way):
 *
 * - Ads Analytics Forecast: `operation: 'forecast'`; the pacing summary
 *   (`summary: true` with `pacing`) is used, per-entity forecasts are counted.
 * - Ads Analytics Detect Anomalies: `operation: 'detectAnomalies'` with a
 *   metric and a date; skipped-entity notes are counted, not listed.
 * - Ads Apply audit item: an `action` object (or `kind` + `entityId` at the
 *   top) together with any of decision / appliedAt / before / after /
 *   planDigest / platformResponse.
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

const AUDIT_MARKERS = ['decision', 'appliedAt', 'before', 'after', 'planDigest', 'platformResponse', 'response', 'status', 'outcome'];

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

/** "dailyBudget 50 → 57.5" for each field that differs between before and after. */
export function changeLines(before: unknown, after: unknown): string[] {
	const show = (v: unknown) => (v === undefined ? '—' : isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : String(v));
	if (!isRecord(before) || !isRecord(after)) return before === undefined && after === undefined ? [] : [`${show(before)} → ${show(after)}`];
	const lines: string[] = [];
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`${key} ${show(before[key])} → ${show(after[key])}`);
	}
	return lines;
}

function auditItem(json: IDataObject): ContextItem | null {
	const action = isRecord(json.action) ? json.action : json;
	const looksLikeAction = text(action.kind) !== null && (text(action.entityId) !== null || text(action.entityName) !== null);
	if (!looksLikeAction || !AUDIT_MARKERS.some((m) => m in json)) return null;
	const response = isRecord(json.platformResponse) ? json.platformResponse : isRecord(json.response) ? json.response : {};
	const error = text(json.error) ?? (isRecord(json.error) ? text(json.error.message) : null) ?? text(response.error) ?? (isRecord(response.error) ? text(response.error.message) : null);
	return {
		kind: 'audit',
		action: {
			appliedAt: text(json.appliedAt),
			decision: text(json.decision) ?? text(json.outcome) ?? text(json.status) ?? (error ? 'failed' : 'applied'),
			kind: text(action.kind) as string,
			platform: text(json.platform) ?? text(action.platform),
			accountId: text(action.accountId),
			entityId: text(action.entityId),
			entityName: text(action.entityName),
			level: text(action.level),
			changes: changeLines(json.before, json.after),
			reason: text(action.reason),
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
