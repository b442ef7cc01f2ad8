/**
 * The single place Ads AI builds an adpilot.action/v1. The coordinator
 * swaps this for the shared makeAction() of the decision-node frame when it
 * lands; until then it follows the contract in nodes/shared/contracts.
 */
import { ACTION_SCHEMA, makeIdempotencyKey, type AdAction, type Evidence } from '../../shared/contracts';

export interface AiActionInput {
	platform: AdAction['platform'];
	accountId: string;
	level: AdAction['level'];
	entityId: string;
	entityName: string | null;
	kind: AdAction['kind'];
	params: AdAction['params'];
	reason: string;
	evidence: Evidence[];
	model: string;
	confidence: number;
	/** Last day of the analysed window: the same proposal on the same day keeps its key. */
	windowEnd: string;
	now: number;
}

export function makeAiAction(a: AiActionInput): AdAction {
	return {
		schema: ACTION_SCHEMA,
		platform: a.platform,
		accountId: a.accountId,
		level: a.level,
		entityId: a.entityId,
		entityName: a.entityName,
		kind: a.kind,
		params: a.params,
		reason: a.reason,
		evidence: a.evidence,
		source: { type: 'ai', model: a.model, confidence: a.confidence },
		idempotencyKey: makeIdempotencyKey({ source: 'ai', entity: `${a.platform}|${a.level}|${a.entityId}`, kind: a.kind, params: a.params, windowEnd: a.windowEnd }),
		decidedAt: new Date(a.now).toISOString(),
	} as AdAction;
}
