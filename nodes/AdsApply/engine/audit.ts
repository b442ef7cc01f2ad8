/**
 * The audit item: one per action, what Plan shows and Apply records. Flat
 * scalars first (they map straight onto Data Table or Postgres columns);
 * `action`, `guardrails` and `response` stay structured for people and for
 * Revert. The node writes nowhere: templates append these rows.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ChangeResult } from '../../shared/platforms/platform';
import type { PlanEntry } from './types';

export const AUDIT_SCHEMA = 'adpilot.audit/v1' as const;

export interface AuditMeta {
	operation: 'plan' | 'apply';
	runId: string;
	planDigest: string;
	/** ISO time the changes were sent (Apply), null for a plan. */
	appliedAt: string | null;
}

export function auditItem(entry: PlanEntry, meta: AuditMeta, result?: ChangeResult): IDataObject {
	const sent = entry.decision === 'apply' || entry.decision === 'clamp';
	const applied = meta.operation === 'apply' && sent && result?.ok === true && !result.validateOnly;
	const { action } = entry;
	return {
		schema: AUDIT_SCHEMA,
		operation: meta.operation,
		runId: meta.runId,
		planDigest: meta.planDigest,
		platform: action.platform,
		accountId: action.accountId,
		level: action.level,
		entityId: action.entityId,
		entityName: action.entityName ?? null,
		kind: action.kind,
		property: entry.property,
		currency: entry.currency,
		before: entry.before,
		requested: entry.requested,
		after: entry.after,
		decision: entry.decision,
		reason: entry.reason,
		validated: result ? (result.validateOnly ? result.ok : null) : null,
		applied,
		appliedAt: applied ? meta.appliedAt : null,
		error: result && !result.ok ? result.error?.message ?? 'failed' : null,
		...(entry.revertOf ? { revertOf: entry.revertOf } : {}),
		idempotencyKey: action.idempotencyKey,
		source: action.source as unknown as IDataObject,
		guardrails: entry.guardrails as unknown as IDataObject[],
		response: (result?.response ?? (result?.error ? { error: result.error } : null)) as IDataObject | null,
		action: action as unknown as IDataObject,
	};
}
