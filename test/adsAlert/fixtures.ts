/** Inputs Ads Alert reads, in the shapes the producing nodes emit. */
import type { IDataObject } from 'n8n-workflow';

export const META_ACCOUNT = '100010000000001';
export const GOOGLE_CUSTOMER = '1234567890';

export function action(overrides: IDataObject = {}): IDataObject {
	return {
		schema: 'adpilot.action/v1',
		kind: 'setBudget',
		platform: 'meta',
		accountId: META_ACCOUNT,
		level: 'adSet',
		entityId: '23850000000000001',
		entityName: 'Prospecting – Lookalike 1 %',
		params: { budgetType: 'daily', amount: 60, currency: 'USD', currentAmount: 50 },
		reason: 'ROAS 3.1 over last_7d is above 2.5',
		evidence: [{ label: 'roas over last_7d', left: 3.1, operator: '>', right: 2.5, result: true }],
		source: { type: 'rule', ruleName: 'Scale winners' },
		idempotencyKey: 'k1',
		decidedAt: '2026-11-20T08:00:00.000Z',
		...overrides,
	};
}

export function anomaly(overrides: IDataObject = {}): IDataObject {
	return {
		operation: 'detectAnomalies',
		platform: 'google',
		accountId: GOOGLE_CUSTOMER,
		level: 'campaign',
		entityId: '987654321',
		entityName: 'Brand – Search',
		currency: 'EUR',
		metric: 'cpa',
		date: '2026-11-19',
		weekday: 'Thu',
		value: 48.2,
		direction: 'spike',
		severity: 'critical',
		zScore: 6.1,
		threshold: 3.5,
		method: 'mad',
		pctVsTrailing: 0.62,
		pctVsSeasonal: 0.55,
		baseline: { trailing: { median: 29.75, mad: 2.1, days: 28, points: 28 }, seasonal: { median: 31.1, weeks: 4 } },
		message: 'cpa spike on 2026-11-19: 48.2 vs trailing median 29.75 (z 6.1)',
		...overrides,
	};
}

export function ruleLog(overrides: IDataObject = {}): IDataObject {
	return {
		rule: 'Pause bleeders',
		priority: 1,
		entityId: '23850000000000002',
		entityName: 'Retargeting 30d',
		level: 'adSet',
		accountId: META_ACCOUNT,
		platform: 'meta',
		window: 'last_7d',
		windowEnd: '2026-11-19',
		status: 'matched',
		reason: null,
		gates: [],
		conditions: [{ label: 'cpa over last_7d', left: 71.5, operator: '>', right: 40, result: true, path: 'all[0]' }],
		actions: [{ kind: 'pause', idempotencyKey: 'k2' }],
		...overrides,
	};
}

export function auditItem(overrides: IDataObject = {}): IDataObject {
	return {
		schema: 'adpilot.audit/v1',
		operation: 'apply',
		runId: 'run-1',
		planDigest: 'sha256:abc',
		platform: 'meta',
		accountId: META_ACCOUNT,
		level: 'campaign',
		entityId: '23840000000000003',
		entityName: 'Black Friday',
		kind: 'setBudget',
		property: 'dailyBudget',
		currency: 'USD',
		before: 100,
		requested: 150,
		after: 120,
		decision: 'clamp',
		reason: 'capped at +20 %',
		applied: true,
		appliedAt: '2026-11-20T08:05:00.000Z',
		error: null,
		guardrails: [{ name: 'maxIncreasePct', passed: false, clamped: true, message: 'increase capped at 20 %' }],
		response: { success: true },
		action: action({ level: 'campaign', entityId: '23840000000000003', entityName: 'Black Friday' }),
		...overrides,
	};
}

export function metaEvent(overrides: IDataObject = {}): IDataObject {
	return {
		schema: 'adpilot.metaEvent/v1',
		platform: 'meta',
		object: 'ad_account',
		field: 'with_issues_ad_objects',
		knownField: true,
		entryId: META_ACCOUNT,
		time: '2026-11-20T09:00:00.000Z',
		timeUnix: 1795000000,
		accountId: META_ACCOUNT,
		pageId: null,
		objectId: '23860000000000004',
		objectLevel: 'ad',
		objectIds: ['23860000000000004'],
		value: { id: '23860000000000004', level: 'AD', error_code: 1487, error_summary: 'Ad disapproved: landing page' },
		details: { id: '23860000000000004', name: 'Video – Spring', effective_status: 'DISAPPROVED', account_id: META_ACCOUNT },
		reRead: { ok: true },
		...overrides,
	};
}
