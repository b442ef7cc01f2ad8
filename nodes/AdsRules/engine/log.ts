/**
 * Shapes of the Decision Log and No Match outputs: what a user reads to see
 * why each rule did or did not act on each entity.
 */
import type { Entity } from '../../shared/analysis/entities';
import type { LeafResult } from './conditions';
import type { GateResult } from './gates';

export type DecisionStatus = 'matched' | 'cooldown' | 'notMatched' | 'skipped';

export interface DecisionLogEntry {
	rule: string;
	priority: number;
	entityId: string;
	entityName: string | null;
	level: string;
	accountId: string;
	platform: string;
	/** Rule window and its last day. */
	window: string;
	windowEnd: string;
	status: DecisionStatus;
	/** Why the rule was skipped or held back (gate, cooldown, insufficient data, higher-priority match). */
	reason: string | null;
	gates: GateResult['checks'];
	conditions: LeafResult[];
	actions: Array<{ kind: string; idempotencyKey?: string; skipped?: string }>;
}

export interface NoMatchSummary {
	entityId: string;
	entityName: string | null;
	level: string;
	accountId: string;
	platform: string;
	rulesEvaluated: number;
	skipped: number;
	summary: string;
}

export function entityHeader(e: Entity): Pick<DecisionLogEntry, 'entityId' | 'entityName' | 'level' | 'accountId' | 'platform'> {
	return { entityId: e.entityId, entityName: e.entityName, level: e.level, accountId: e.accountId, platform: e.platform };
}

/** One line per rule, e.g. `"High CPA": not matched (cpa last_7d 12 > 30)`. */
export function noMatchSummary(e: Entity, notes: string[], skipped: number, evaluated: number): NoMatchSummary {
	return {
		...entityHeader(e),
		rulesEvaluated: evaluated,
		skipped,
		summary: notes.length === 0 ? `no enabled rule applies to level ${e.level}` : `no rule matched: ${notes.join('; ')}`,
	};
}
