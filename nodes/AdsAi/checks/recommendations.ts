/**
 * Everything the model proposed, re-checked locally: known entity ids only,
 * allowed kinds only, numbers within the guardrails, quoted evidence that
 * matches the input, no duplicates or repeats of recent actions, at most
 * the maximum number of actions. What fails is dropped with its reason.
 */
import type { AdAction, Evidence } from '../../shared/contracts';
import { makeAiAction } from '../actions/makeAiAction';
import type { BuiltPrompt } from '../prompt/recommendPrompt';
import { matchesShown, type ShownFacts } from '../prompt/entityFacts';
import { AI_ACTION_KINDS, type Dropped, type Guardrails } from './guardrails';
import { checkParams } from './params';

export interface CheckedActions {
	actions: Array<AdAction & { expectedImpact: Record<string, unknown> }>;
	dropped: Dropped[];
}

export interface CheckContext {
	shown: BuiltPrompt['shown'];
	/** Entity ids in the input that were summarised, not shown. */
	inputIds: Set<string>;
	guardrails: Guardrails;
	/** `${entityId}|${kind}` of recent actions the user passed in. */
	recent: Set<string>;
	model: string;
	windowEnd: string;
	windowLabel: string;
	now: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function evidenceOf(raw: unknown, facts: ShownFacts, windowLabel: string): Evidence[] {
	if (!Array.isArray(raw)) return [];
	const out: Evidence[] = [];
	for (const e of raw.slice(0, 10)) {
		if (!isRecord(e) || typeof e.metric !== 'string' || typeof e.window !== 'string' || typeof e.value !== 'number') continue;
		const value = matchesShown(facts, e.window, e.metric, e.value);
		if (value === null) continue;
		out.push({ label: `${e.metric}, ${e.window === 'current' ? windowLabel : 'previous window'}`, left: value, operator: 'quoted', right: e.value, result: true });
	}
	return out;
}

function impactOf(raw: unknown): Record<string, unknown> {
	const r = isRecord(raw) ? raw : {};
	return {
		metric: typeof r.metric === 'string' ? r.metric : null,
		direction: r.direction === 'increase' || r.direction === 'decrease' || r.direction === 'stable' ? r.direction : null,
		percent: typeof r.percent === 'number' && Number.isFinite(r.percent) ? Math.round(r.percent * 10) / 10 : null,
		description: typeof r.description === 'string' ? r.description.slice(0, 300) : '',
	};
}

/** One proposal: an action, or the reason it was dropped. */
function checkOne(raw: unknown, c: CheckContext): { action: CheckedActions['actions'][number] } | { dropped: Dropped } {
	if (!isRecord(raw)) return { dropped: { entityId: null, kind: null, reason: 'not an object' } };
	const entityId = typeof raw.entityId === 'string' ? raw.entityId : raw.entityId === undefined ? null : String(raw.entityId);
	const kind = typeof raw.kind === 'string' ? raw.kind : null;
	const drop = (reason: string) => ({ dropped: { entityId, kind, reason } });
	const shown = entityId === null ? undefined : c.shown.get(entityId);
	if (!shown) return drop(entityId !== null && c.inputIds.has(entityId) ? 'the entity was summarised, not shown to the model' : `unknown entity id ${JSON.stringify(entityId)} (not in the input)`);
	if (kind === 'resume' && !c.guardrails.allowedKinds.includes('resume')) return drop('activation (resume) is not allowed');
	if (!kind || !(AI_ACTION_KINDS as readonly string[]).includes(kind) || !c.guardrails.allowedKinds.includes(kind as never)) {
		return drop(`kind ${JSON.stringify(kind)} is not in Allowed Actions (${c.guardrails.allowedKinds.join(', ')})`);
	}
	const confidence = raw.confidence;
	if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) return drop(`confidence ${JSON.stringify(confidence)} is not within 0..1`);
	if (confidence < c.guardrails.minConfidence) return drop(`confidence ${confidence} is below the minimum ${c.guardrails.minConfidence}`);
	const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
	if (reason === '') return drop('no reason given');
	const params = checkParams(kind, raw, shown.entity, c.guardrails);
	if (!params.ok) return drop(params.reason);
	const evidence = evidenceOf(raw.evidence, shown.facts, c.windowLabel);
	if (evidence.length === 0) return drop('no evidence quoting numbers from the input');
	const e = shown.entity;
	const action = makeAiAction({
		platform: e.platform,
		accountId: e.accountId,
		level: e.level,
		entityId: e.entityId,
		entityName: e.entityName,
		kind: kind as AdAction['kind'],
		params: params.params,
		reason: reason.slice(0, 600),
		evidence,
		model: c.model,
		confidence: Math.round(confidence * 100) / 100,
		windowEnd: c.windowEnd,
		now: c.now,
	});
	return { action: Object.assign(action, { expectedImpact: impactOf(raw.expectedImpact) }) };
}

const BUDGET_KINDS = new Set(['setBudget', 'changeBudgetByPercent']);

export function checkRecommendations(rawActions: unknown, c: CheckContext): CheckedActions {
	const list = Array.isArray(rawActions) ? rawActions : [];
	const out: CheckedActions = { actions: [], dropped: [] };
	const taken = new Set<string>();
	for (const raw of list) {
		const result = checkOne(raw, c);
		if ('dropped' in result) {
			out.dropped.push(result.dropped);
			continue;
		}
		const a = result.action;
		// Two budget changes to one entity are one too many, whatever their kinds.
		const slot = `${a.entityId}|${BUDGET_KINDS.has(a.kind) ? 'budget' : a.kind}`;
		if (taken.has(slot)) out.dropped.push({ entityId: a.entityId, kind: a.kind, reason: 'duplicate of an earlier proposal for the same entity' });
		else if (c.recent.has(`${a.entityId}|${a.kind}`)) out.dropped.push({ entityId: a.entityId, kind: a.kind, reason: 'repeats a recent action on this entity' });
		else if (out.actions.length >= c.guardrails.maxActions) out.dropped.push({ entityId: a.entityId, kind: a.kind, reason: `over the maximum of ${c.guardrails.maxActions} actions per run` });
		else {
			taken.add(slot);
			out.actions.push(a);
		}
	}
	return out;
}
