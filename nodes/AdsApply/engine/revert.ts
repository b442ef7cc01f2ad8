/**
 * Revert: Apply's audit items → the inverse actions (budget or bid back to
 * `before`, pause what was resumed, resume what was paused). They go through
 * Plan/Apply like any other action, so every guardrail still holds; only the
 * cooldown lets an undo through, and resuming still needs Allow Activation.
 * A create is undone by pausing the campaign it created (everything was
 * created PAUSED, so this only matters if someone activated it since);
 * deleting stays a person's decision.
 */
import type { AdAction } from '../../shared/contracts/action';
import { ACTION_SCHEMA } from '../../shared/contracts/action';
import { makeIdempotencyKey } from '../../shared/contracts/idempotency';
import type { EntityLevel } from '../../shared/contracts/metricRow';
import { AUDIT_SCHEMA } from './audit';

export type RevertResult = { ok: true; action: AdAction & { revertOf: string } } | { ok: false; skip: string } | { ok: false; field: string; message: string };

type Row = Record<string, unknown>;

/** The id of the campaign a create made: Meta `{level, id}`, Google a resource name `customers/…/campaigns/ID`. */
function createdCampaign(row: Row): string | undefined {
	const created = (row.response as { created?: unknown } | null)?.created;
	for (const object of Array.isArray(created) ? (created as unknown[]) : []) {
		if (typeof object === 'string') {
			const google = /\/campaigns\/(\d+)$/.exec(object);
			if (google) return google[1];
		} else if ((object as Row)?.level === 'campaign' && typeof (object as Row).id === 'string') return (object as Row).id as string;
	}
	return undefined;
}

function inverseParams(row: Row): { kind: AdAction['kind']; params: Record<string, unknown> } | { field: string; message: string } {
	const property = row.property;
	const before = row.before;
	if (property === 'create') return { kind: 'pause', params: {} };
	const currency = String(row.currency ?? '');
	if (property === 'status') {
		if (before !== 'active' && before !== 'paused') return { field: 'before', message: `expected active or paused, got ${JSON.stringify(before)}` };
		return { kind: before === 'active' ? 'resume' : 'pause', params: {} };
	}
	if (typeof before !== 'number' || !(before > 0)) return { field: 'before', message: `expected the amount before the change, got ${JSON.stringify(before)}` };
	if (property === 'bid') return { kind: 'setBid', params: { amount: before, currency } };
	if (property === 'budget.daily' || property === 'budget.lifetime') {
		return { kind: 'setBudget', params: { budgetType: property === 'budget.daily' ? 'daily' : 'lifetime', amount: before, currency } };
	}
	return { field: 'property', message: `expected status, budget.daily, budget.lifetime or bid, got ${JSON.stringify(property)}` };
}

export function revertAction(row: Row, decidedAt: string): RevertResult {
	if (row.schema !== AUDIT_SCHEMA) return { ok: false, field: 'schema', message: `expected ${AUDIT_SCHEMA} (an Ads Apply audit item)` };
	if (row.applied !== true) return { ok: false, skip: 'not applied: nothing to revert' };
	for (const field of ['platform', 'accountId', 'level', 'entityId', 'runId'] as const) {
		if (typeof row[field] !== 'string' || row[field] === '') return { ok: false, field, message: 'required string' };
	}
	const inverse = inverseParams(row);
	if ('field' in inverse) return { ok: false, ...inverse };
	const campaign = row.property === 'create' ? createdCampaign(row) : undefined;
	if (row.property === 'create' && !campaign) return { ok: false, field: 'response.created', message: 'the created campaign id is missing' };
	const entityId = campaign ?? String(row.entityId);
	const revertOf = `${row.runId}:${row.platform}:${row.accountId}:${entityId}:${row.property}`;
	const action = {
		schema: ACTION_SCHEMA,
		platform: row.platform as 'meta' | 'google',
		accountId: String(row.accountId),
		level: campaign ? 'campaign' : (row.level as EntityLevel),
		entityId,
		entityName: (row.entityName as string | null) ?? null,
		kind: inverse.kind,
		params: inverse.params,
		reason: campaign
			? `Revert of run ${row.runId}: pause campaign ${campaign}, which it created`
			: `Revert of run ${row.runId}: ${row.property} back from ${JSON.stringify(row.after)} to ${JSON.stringify(row.before)}`,
		evidence: [],
		source: { type: 'manual' },
		idempotencyKey: makeIdempotencyKey({ revertOf }),
		decidedAt,
		revertOf,
	} as unknown as AdAction & { revertOf: string };
	return { ok: true, action };
}
