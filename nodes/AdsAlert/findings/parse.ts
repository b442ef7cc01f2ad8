/**
 * Every input shape Ads Alert understands, recognised by shape and read
 * tolerantly (one file, so a new producer or a changed field is one edit):
 *   - actions (`adpilot.action/v1`, from Ads Rules, Ads Analytics, Ads AI)
 *   - anomalies (Ads Analytics → Detect Anomalies)
 *   - rule decision log entries (Ads Rules → Decision Log output)
 *   - Apply audit items (`adpilot.audit/v1`, or any item with an `action` and a decision/appliedAt/planDigest)
 *   - Meta Ads Trigger events (`adpilot.metaEvent/v1`)
 * Items that are recognised but say nothing worth a message (a skipped
 * analytics row, a rule that did not match) are ignored; anything else is an
 * error naming the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { deepLink } from '../format/links';
import { changedNumber, formatNumber, signedPercent, unitOf } from '../format/numbers';
import type { Finding, FindingNumber, FindingSource, Severity } from './types';

export class AlertInputError extends Error {
	constructor(message: string, readonly itemIndex: number) {
		super(message);
	}
}

export type ParseResult = { finding: Finding } | { ignored: string };

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);
const obj = (value: unknown): IDataObject | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : null);
const SEVERITIES: Severity[] = ['info', 'warning', 'critical'];
const LEVEL_WORDS: Record<string, string> = { adSet: 'ad set', adset: 'ad set', adGroup: 'ad group' };
/** "ad set Summer" / "campaign 1234": how titles name an entity. */
const named = (b: { level: string; entityName: string | null; entityId: string }) => `${LEVEL_WORDS[b.level] ?? b.level} ${b.entityName ?? b.entityId}`;
const asSeverity = (value: unknown): Severity | null => (SEVERITIES.includes(value as Severity) ? (value as Severity) : null);

/** What every finding shares, from the common entity fields (action, anomaly, log, audit all carry them). */
function base(json: IDataObject, source: FindingSource, kind: string, severity: Severity, itemIndex: number): Omit<Finding, 'title' | 'reason' | 'numbers' | 'at'> {
	const platform = str(json.platform) ?? 'other';
	const accountId = str(json.accountId) ?? '';
	const level = str(json.level) ?? 'account';
	const entityId = str(json.entityId) ?? accountId;
	return {
		source,
		kind,
		severity,
		platform,
		accountId,
		accountName: str(json.accountName),
		level,
		entityId,
		entityName: str(json.entityName),
		link: deepLink(platform, accountId, level, entityId),
		key: `${platform}:${accountId}:${level}:${entityId}:${kind}`,
		itemIndex,
	};
}

// ── actions ────────────────────────────────────────────────────────────────
const ACTION_SEVERITY: Record<string, Severity> = { pause: 'warning', resume: 'info', setBudget: 'info', changeBudgetByPercent: 'info', setBid: 'info', create: 'info' };
const ACTION_VERB: Record<string, string> = { pause: 'Pause', resume: 'Resume', setBudget: 'Set budget of', changeBudgetByPercent: 'Change budget of', setBid: 'Set bid of', notify: 'Notice on', create: 'Create under' };

function actionNumbers(action: IDataObject): FindingNumber[] {
	const params = obj(action.params) ?? {};
	const currency = str(params.currency);
	const money = currency ? { kind: 'money' as const, currency } : { kind: 'count' as const };
	const numbers: FindingNumber[] = [];
	if (action.kind === 'setBudget' || action.kind === 'setBid') {
		numbers.push(changedNumber(action.kind === 'setBid' ? 'Bid' : `${params.budgetType === 'lifetime' ? 'Lifetime' : 'Daily'} budget`, params.currentAmount ?? null, params.amount, money));
	} else if (action.kind === 'changeBudgetByPercent' && typeof params.percent === 'number') {
		const current = typeof params.currentAmount === 'number' ? params.currentAmount : null;
		const label = `${params.budgetType === 'lifetime' ? 'Lifetime' : 'Daily'} budget`;
		numbers.push(current !== null ? changedNumber(label, current, current * (1 + params.percent / 100), money) : { label, value: 'n/a', change: signedPercent(params.percent / 100) });
	}
	for (const evidence of Array.isArray(action.evidence) ? action.evidence : []) {
		const e = obj(evidence);
		const label = str(e?.label);
		if (!e || !label) continue;
		const unit = unitOf(label, currency);
		numbers.push({ label, value: `${formatNumber(e.left, unit)} ${str(e.operator) ?? ''} ${formatNumber(e.right, unit)}`.replace(/\s+/g, ' ') });
	}
	return numbers;
}

function fromAction(json: IDataObject, i: number): Finding {
	const kind = String(json.kind);
	const params = obj(json.params) ?? {};
	const severity = asSeverity(json.severity) ?? (kind === 'notify' ? asSeverity(params.severity) : null) ?? ACTION_SEVERITY[kind] ?? 'info';
	const b = base(json, 'action', kind, severity, i);
	return { ...b, title: `${ACTION_VERB[kind] ?? kind} ${named(b)}`, reason: str(params.message) ?? str(json.reason) ?? 'no reason given', numbers: actionNumbers(json), at: str(json.decidedAt) };
}

// ── anomalies ──────────────────────────────────────────────────────────────
function fromAnomaly(json: IDataObject, i: number): ParseResult {
	if (json.skipped === true) return { ignored: `skipped by Ads Analytics: ${str(json.reason) ?? 'no reason'}` };
	const metric = str(json.metric) ?? 'metric';
	const direction = str(json.direction) ?? 'change';
	const unit = unitOf(metric, str(json.currency));
	const trailing = obj(obj(json.baseline)?.trailing)?.median;
	const numbers: FindingNumber[] = [
		{ label: `${metric} on ${str(json.date) ?? 'the last day'}`, value: formatNumber(json.value, unit), before: formatNumber(trailing, unit), ...(typeof json.pctVsTrailing === 'number' ? { change: signedPercent(json.pctVsTrailing) } : {}) },
	];
	if (typeof json.zScore === 'number') numbers.push({ label: 'Robust z-score', value: formatNumber(json.zScore, { kind: 'count' }) });
	const b = base(json, 'anomaly', `${metric} ${direction}`, asSeverity(json.severity) ?? 'warning', i);
	return { finding: { ...b, title: `${metric} ${direction} on ${named(b)}`, reason: str(json.message) ?? `${metric} ${direction}`, numbers, at: str(json.date) } };
}

// ── rule decision log ──────────────────────────────────────────────────────
function fromRuleLog(json: IDataObject, i: number): ParseResult {
	if (json.status !== 'matched') return { ignored: `rule "${str(json.rule)}" ${str(json.status)} for ${str(json.entityId)}` };
	const actions = (Array.isArray(json.actions) ? json.actions : []).map(obj).filter((a): a is IDataObject => a !== null);
	const kinds = actions.map((a) => String(a.kind));
	const severity = kinds.map((k) => ACTION_SEVERITY[k] ?? 'info').reduce<Severity>((worst, s) => (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(worst) ? s : worst), 'info');
	const rule = str(json.rule) ?? 'rule';
	const b = base(json, 'ruleLog', `rule ${rule}`, severity, i);
	const numbers = (Array.isArray(json.conditions) ? json.conditions : []).map(obj).filter((c): c is IDataObject => c !== null && str(c.label) !== null)
		.map((c) => { const unit = unitOf(String(c.label), str(json.currency)); return { label: String(c.label), value: `${formatNumber(c.left, unit)} ${str(c.operator) ?? ''} ${formatNumber(c.right, unit)}`.replace(/\s+/g, ' ') }; });
	return { finding: { ...b, title: `Rule "${rule}" matched ${named(b)}${kinds.length ? ` → ${kinds.join(', ')}` : ''}`, reason: str(json.reason) ?? `Every condition of "${rule}" holds${str(json.window) ? ` over ${str(json.window)}` : ''}`, numbers, at: str(json.windowEnd) } };
}

// ── Apply audit items ──────────────────────────────────────────────────────
function decisionText(value: unknown): string {
	return str(value) ?? str(obj(value)?.status) ?? str(obj(value)?.outcome) ?? 'unknown';
}

function fromApplyAudit(json: IDataObject, i: number): Finding {
	const action = obj(json.action) ?? {};
	const merged: IDataObject = { ...action, ...Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null && v !== undefined)) };
	const decision = decisionText(json.decision);
	const error = str(json.error) ?? str(obj(obj(json.response ?? json.platformResponse)?.error)?.message);
	const applied = json.applied === true || (json.applied === undefined && str(json.appliedAt) !== null && !error);
	const severity: Severity = error ? 'critical' : /block|reject|den|refus/i.test(decision) ? 'warning' : 'info';
	const kind = String(merged.kind ?? action.kind ?? 'change');
	const outcome = error ? 'failed' : applied ? 'applied' : /block|reject|den|refus/i.test(decision) ? 'blocked' : str(json.operation) === 'plan' ? 'planned' : decision;
	const b = base(merged, 'applyAudit', `apply ${kind} ${outcome}`, severity, i);
	const property = str(json.property) ?? 'value';
	const numbers: FindingNumber[] = [];
	if (json.before !== undefined || json.after !== undefined) {
		const unit = typeof json.before === 'number' || typeof json.after === 'number' ? unitOf(property, str(json.currency)) : ({ kind: 'text' } as const);
		numbers.push(changedNumber(property, json.before ?? null, json.after ?? null, unit));
	}
	const guardrails = (Array.isArray(json.guardrails) ? json.guardrails : []).map(obj).filter((g): g is IDataObject => g !== null && (g.passed === false || g.ok === false || g.clamped === true));
	const guardText = guardrails.map((g) => str(g.message) ?? str(g.name) ?? str(g.rule)).filter(Boolean).join('; ');
	const reason = [error ? `Error: ${error}` : null, str(json.reason) ?? str(action.reason), guardText ? `Guardrails: ${guardText}` : null].filter(Boolean).join(' · ') || outcome;
	return { ...b, title: `${outcome[0].toUpperCase()}${outcome.slice(1)}: ${kind} on ${named(b)}`, reason, numbers, at: str(json.appliedAt) ?? str(action.decidedAt) };
}

// ── Meta Ads Trigger events ────────────────────────────────────────────────
const EVENT_FIELDS: Record<string, { severity: Severity; title: string }> = {
	with_issues_ad_objects: { severity: 'critical', title: 'Delivery issue' },
	in_process_ad_objects: { severity: 'info', title: 'Finished processing' },
	creative_fatigue: { severity: 'warning', title: 'Creative fatigue' },
	ad_recommendations: { severity: 'info', title: 'New recommendation' },
	product_set_issue: { severity: 'warning', title: 'Product set issue' },
	ads_async_creation_request: { severity: 'info', title: 'Async ad creation' },
	leadgen: { severity: 'info', title: 'New lead' },
};

function fromMetaEvent(json: IDataObject, i: number): Finding {
	const field = String(json.field ?? '');
	const known = EVENT_FIELDS[field];
	if (!known) throw new AlertInputError(`Item ${i}: Meta Ads Trigger event with unknown field "${field}"; Ads Alert knows ${Object.keys(EVENT_FIELDS).join(', ')}`, i);
	const value = obj(json.value) ?? {};
	const details = obj(json.details) ?? {};
	const level = str(json.objectLevel) === 'adset' ? 'adSet' : str(json.objectLevel) ?? (field === 'creative_fatigue' ? 'ad' : 'account');
	let severity = known.severity;
	if (field === 'creative_fatigue') severity = /high/i.test(String(value.creative_fatigue_level)) ? 'warning' : 'info';
	if (field === 'ads_async_creation_request' && value.error_code) severity = 'warning';
	const entity: IDataObject = { platform: 'meta', accountId: json.accountId ?? details.account_id, level, entityId: json.objectId ?? json.entryId, entityName: details.name };
	const b = base(entity, 'metaEvent', field, severity, i);
	const numbers: FindingNumber[] = [];
	for (const [label, v] of [['Status', details.effective_status ?? value.status_name], ['Fatigue level', value.creative_fatigue_level], ['Error code', value.error_code], ['Recommendation', value.recommendation_type]] as const) {
		if (v !== undefined && v !== null && v !== '') numbers.push({ label, value: String(v) });
	}
	const reason = str(value.error_summary) ?? str(value.error_message) ?? str(value.creative_fatigue_message) ?? str(value.recommendation_message) ?? str(obj(details.answers)?.email) ?? known.title;
	return { ...b, title: `${known.title}: ${named(b)}`, reason, numbers, at: str(json.time) };
}

// ── recognition ────────────────────────────────────────────────────────────
function describeKeys(json: IDataObject): string {
	const keys = Object.keys(json);
	return keys.length === 0 ? 'it is empty' : `it has ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
}

export function parseItem(json: IDataObject, i: number): ParseResult {
	if (json.schema === 'adpilot.metaEvent/v1') return { finding: fromMetaEvent(json, i) };
	if (json.schema === 'adpilot.audit/v1' || (obj(json.action) && (json.decision !== undefined || json.appliedAt !== undefined || json.planDigest !== undefined))) {
		return { finding: fromApplyAudit(json, i) };
	}
	if (json.schema === 'adpilot.action/v1') return { finding: fromAction(json, i) };
	if (json.operation === 'detectAnomalies' || (str(json.metric) && str(json.direction) && json.zScore !== undefined)) return fromAnomaly(json, i);
	if (str(json.rule) && str(json.status) && Array.isArray(json.conditions)) return fromRuleLog(json, i);
	if (json.error !== undefined && Object.keys(json).length <= 3) throw new AlertInputError(`Item ${i} is an error item from an earlier node: ${String(json.error)}`, i);
	throw new AlertInputError(
		`Item ${i} is not something Ads Alert can tell people about: not an action, anomaly, rule decision log entry, Apply audit item or Meta Ads Trigger event (${describeKeys(json)})`,
		i,
	);
}
