/**
 * A hand-computed fixture (numbers worked out on paper, see report.test.ts):
 * weekly report for 2026-11-24 – 2026-11-30 vs 2026-11-17 – 2026-11-23.
 *
 * EUR  Meta 111 "Acme EU" (campaign rows)
 *        c1 Prospecting          current 7 × (10 spend, 1 conv, 30 value)  previous 7 × (8, 1, 20)
 *        c2 Retargeting, "VIP"   current 11-29 and 11-30 × (20, 4, 100)
 *      Google 2223334444 "Acme Search" (ad group rows of campaign g1 with a <script> name)
 *        a1                      current 11-30 (50, 2, 60)   previous 11-23 (25, 1, 40)
 *        a2                      current 11-28 (10, 0, 0)
 * USD  Meta 999 "Acme US"
 *        u1 US Launch            current 11-30 (100, 5, 400) previous 11-20 (80, 4, 240)
 */
import type { IDataObject } from 'n8n-workflow';

export const SCRIPT_NAME = 'Search <script>alert(1)</script>';
export const QUOTED_NAME = 'Retargeting, "VIP"\nlist';

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function metricRow(spec: IDataObject): IDataObject {
	return {
		schema: 'adpilot.metricRow/v1',
		platform: 'meta',
		level: 'campaign',
		accountId: '111',
		accountName: 'Acme EU',
		currency: 'EUR',
		impressions: 1000,
		clicks: 20,
		reach: null,
		...spec,
	};
}

export function fixtureRows(): IDataObject[] {
	const rows: IDataObject[] = [];
	for (let i = 0; i < 7; i++) {
		rows.push(metricRow({ entityId: 'c1', entityName: 'Prospecting', campaignId: 'c1', campaignName: 'Prospecting', date: addDays('2026-11-24', i), spend: 10, conversions: 1, value: 30 }));
		rows.push(metricRow({ entityId: 'c1', entityName: 'Prospecting', campaignId: 'c1', campaignName: 'Prospecting', date: addDays('2026-11-17', i), spend: 8, conversions: 1, value: 20, impressions: 800, clicks: 16 }));
	}
	for (const date of ['2026-11-29', '2026-11-30']) rows.push(metricRow({ entityId: 'c2', entityName: QUOTED_NAME, campaignId: 'c2', campaignName: QUOTED_NAME, date, spend: 20, conversions: 4, value: 100 }));
	const google = { platform: 'google', level: 'adSet', accountId: '2223334444', accountName: 'Acme Search', campaignId: 'g1', campaignName: SCRIPT_NAME };
	rows.push(metricRow({ ...google, entityId: 'a1', entityName: 'Brand', adSetId: 'a1', date: '2026-11-30', spend: 50, conversions: 2, value: 60, impressions: 2000, clicks: 100 }));
	rows.push(metricRow({ ...google, entityId: 'a1', entityName: 'Brand', adSetId: 'a1', date: '2026-11-23', spend: 25, conversions: 1, value: 40 }));
	rows.push(metricRow({ ...google, entityId: 'a2', entityName: 'Generic', adSetId: 'a2', date: '2026-11-28', spend: 10, conversions: 0, value: 0, impressions: 500, clicks: 5 }));
	const usd = { accountId: '999', accountName: 'Acme US', currency: 'USD', entityId: 'u1', entityName: 'US Launch', campaignId: 'u1', campaignName: 'US Launch' };
	rows.push(metricRow({ ...usd, date: '2026-11-30', spend: 100, conversions: 5, value: 400 }));
	rows.push(metricRow({ ...usd, date: '2026-11-20', spend: 80, conversions: 4, value: 240 }));
	return rows;
}

export function anomalyItems(): IDataObject[] {
	const base = { operation: 'detectAnomalies', platform: 'meta', accountId: '111', level: 'campaign', entityId: 'c1', entityName: 'Prospecting', currency: 'EUR' };
	return [
		{ ...base, metric: 'cpa', date: '2026-11-29', direction: 'spike', severity: 'warning', value: 12, pctVsTrailing: 0.4, message: 'cpa spike on 2026-11-29: 12 vs trailing median 8.5' },
		{ ...base, metric: 'spend', date: '2026-11-30', direction: 'spike', severity: 'critical', value: 30, pctVsTrailing: 2, message: 'spend spike on 2026-11-30: 30 vs trailing median 10' },
		{ ...base, metric: 'spend', date: '2026-11-10', direction: 'drop', severity: 'critical', value: 1, pctVsTrailing: -0.9, message: 'outside the period' },
		{ ...base, skipped: true, reason: 'not enough history' },
	];
}

export function auditItems(): IDataObject[] {
	const action = { schema: 'adpilot.action/v1', kind: 'changeBudgetByPercent', platform: 'meta', accountId: '111', level: 'campaign', entityId: 'c2', entityName: QUOTED_NAME, reason: 'ROAS 5.0 above target 3.0' };
	return [
		{ action, decision: 'applied', before: { dailyBudget: 50, status: 'ACTIVE' }, after: { dailyBudget: 57.5, status: 'ACTIVE' }, platformResponse: { success: true }, appliedAt: '2026-11-29T10:00:00Z', planDigest: 'sha256:abcdef0123456789' },
		{ action: { ...action, entityId: 'c1', entityName: 'Prospecting', kind: 'pause' }, decision: 'failed', platformResponse: { error: { message: 'Permissions error' } }, appliedAt: '2026-11-30T22:30:00Z' },
		{ action, decision: 'applied', before: { dailyBudget: 40 }, after: { dailyBudget: 50 }, appliedAt: '2026-10-01T08:00:00Z' },
		// Ads Apply's own shape (adpilot.audit/v1): flat entity columns, scalar before/after with the property, decision of the plan.
		applyAudit({ operation: 'apply', decision: 'clamp', applied: true, appliedAt: '2026-11-28T07:00:00Z', before: 30, requested: 45, after: 39, error: null, response: { success: true } }),
		applyAudit({ operation: 'plan', decision: 'apply', applied: false, appliedAt: null, before: 30, requested: 33, after: 33, error: null, response: null }),
	];
}

function applyAudit(extra: IDataObject): IDataObject {
	const action = { schema: 'adpilot.action/v1', kind: 'setBudget', platform: 'google', accountId: '2223334444', level: 'campaign', entityId: 'g1', entityName: SCRIPT_NAME, reason: 'reallocation', params: { budgetType: 'daily', amount: 45, currency: 'EUR' } };
	return {
		schema: 'adpilot.audit/v1', runId: 'run-1', planDigest: 'sha256:feedface', platform: 'google', accountId: '2223334444', level: 'campaign', entityId: 'g1', entityName: SCRIPT_NAME,
		kind: 'setBudget', property: 'dailyBudget', currency: 'EUR', reason: 'capped at +30 %', validated: null, idempotencyKey: 'k1', source: { type: 'analytics', operation: 'reallocateBudget' }, guardrails: [], action, ...extra,
	};
}

export function forecastSummary(month = '2026-11'): IDataObject {
	return { operation: 'forecast', summary: true, entities: 3, month, pacing: { monthlyBudget: 400, monthToDateSpend: 251, remainingDays: 0, projectedMonthEndSpend: 251, interval80: { lower: 240, upper: 262 }, pacePercent: 62.8, status: 'under', probabilityOverBudget: 0.01 } };
}
