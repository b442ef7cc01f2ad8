/**
 * Ads AI's adpilot.action/v1, through the shared makeAction(): the source is
 * the model, and the same proposal for the same window keeps its key.
 */
import { makeAction, type AdAction, type Evidence } from '../../shared/contracts';

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
	return makeAction({
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
		decidedAt: a.now,
		identity: { source: 'ai', entity: `${a.platform}|${a.level}|${a.entityId}`, kind: a.kind, params: a.params, windowEnd: a.windowEnd },
	});
}
