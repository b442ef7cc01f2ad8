/**
 * The one way a decision node (Ads Rules, Ads Analytics, Ads AI) builds an
 * `adpilot.action/v1`: it says what it decided and about which entity; this
 * fills in the schema tag, the idempotency key and the decision time.
 */
import { ACTION_SCHEMA, type ActionKind, type ActionParamsOf, type ActionSource, type AdAction, type Evidence } from './action';
import { makeIdempotencyKey } from './idempotency';
import type { AdPlatform, EntityLevel } from './metricRow';

export interface ActionDraft<K extends ActionKind = ActionKind> {
	platform: AdPlatform;
	/** Meta: numeric id without `act_`; Google: customer id without dashes. */
	accountId: string;
	level: EntityLevel;
	entityId: string;
	entityName?: string | null;
	kind: K;
	/** Money in major units of `params.currency`. */
	params: ActionParamsOf<K>;
	/** One sentence a person can check: what and why. */
	reason: string;
	evidence: Evidence[];
	source: ActionSource;
	/** When the decision was made: a Date, epoch milliseconds or an ISO string. */
	decidedAt: Date | number | string;
	/**
	 * What makes two runs' decisions "the same decision" (e.g. rule, entity,
	 * kind, params and the window's last day). Hashed, with keys sorted, into
	 * `idempotencyKey`, so Apply never applies it twice. Leave out anything
	 * that changes on every run, such as `decidedAt`.
	 */
	identity: Record<string, unknown>;
}

export function makeAction<K extends ActionKind>(draft: ActionDraft<K>): AdAction {
	const decidedAt = typeof draft.decidedAt === 'string' ? draft.decidedAt : new Date(draft.decidedAt).toISOString();
	return {
		schema: ACTION_SCHEMA,
		platform: draft.platform,
		accountId: draft.accountId,
		level: draft.level,
		entityId: draft.entityId,
		entityName: draft.entityName ?? null,
		kind: draft.kind,
		params: draft.params,
		reason: draft.reason,
		evidence: draft.evidence,
		source: draft.source,
		idempotencyKey: makeIdempotencyKey(draft.identity),
		decidedAt,
	} as AdAction;
}
