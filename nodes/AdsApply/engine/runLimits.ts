/**
 * Limits over the whole run, applied after each action was judged alone:
 * one change per entity property (duplicates merged or rejected, never both
 * applied), at most `maxActions` changes (highest priority / largest impact
 * kept), and at most `maxDailyIncreasePerAccount` of daily budget added per
 * account (clamped, in priority order, to what is left).
 */
import { reject } from './entry';
import type { GuardrailSettings, PlanEntry } from './types';
import { fromUnits, unitsAtMost, unitsPerMajor } from './units';

const sends = (e: PlanEntry) => e.decision === 'apply' || e.decision === 'clamp';

function priorityOf(entry: PlanEntry): number {
	const raw = (entry.action as { priority?: unknown }).priority;
	return typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
}

/** Higher priority first, then larger impact, then the entity (not the input order, so the plan and its digest do not depend on item order). */
export function byPriority(a: PlanEntry, b: PlanEntry): number {
	const byEntity = `${a.entityKey}|${a.property}` < `${b.entityKey}|${b.property}` ? -1 : `${a.entityKey}|${a.property}` > `${b.entityKey}|${b.property}` ? 1 : 0;
	return priorityOf(b) - priorityOf(a) || b.impact - a.impact || byEntity || a.itemIndex - b.itemIndex;
}

/** The first action for an entity property wins; a later one with the same target is merged into it, a different one rejected. */
export function applyDuplicates(entries: PlanEntry[]): PlanEntry[] {
	const first = new Map<string, PlanEntry>();
	return entries.map((entry) => {
		if (!entry.property || entry.decision === 'reject' && entry.badField) return entry;
		const key = `${entry.entityKey}|${entry.property}`;
		const winner = first.get(key);
		if (!winner) {
			first.set(key, entry);
			return entry;
		}
		const check = { name: 'oneChangePerEntity', limit: 1, value: 2, outcome: 'reject' as const };
		if (winner.requested === entry.requested && winner.requested !== null) {
			return { ...entry, decision: 'noop', after: entry.before, change: undefined, guardrails: [...entry.guardrails, { ...check, outcome: 'pass' as const, note: 'merged' }], reason: `duplicate of item ${winner.itemIndex} (same target), merged into it` };
		}
		return reject(entry, `conflicts with item ${winner.itemIndex} for the same ${entry.property} of this entity; only the first is kept`, check);
	});
}

export function applyMaxActions(entries: PlanEntry[], settings: GuardrailSettings): PlanEntry[] {
	const ranked = entries.filter(sends).sort(byPriority);
	const dropped = new Set(ranked.slice(Math.max(0, settings.maxActions)).map((e) => e.itemIndex));
	const kept = Math.min(ranked.length, settings.maxActions);
	return entries.map((entry) => {
		if (!sends(entry)) return entry;
		if (dropped.has(entry.itemIndex)) {
			return reject(entry, `over Max Actions per Run (${settings.maxActions}); ${kept} higher-priority changes were kept`, { name: 'maxActions', limit: settings.maxActions, value: ranked.length, outcome: 'reject' });
		}
		return { ...entry, guardrails: [...entry.guardrails, { name: 'maxActions', limit: settings.maxActions, value: ranked.length, outcome: 'pass' }] };
	});
}

function accountOf(entry: PlanEntry): string {
	return `${entry.action.platform}:${entry.action.accountId}`;
}

/** Daily budget increases per account, in priority order, clamped to what is left of the cap. */
export function applyAccountIncreaseCap(entries: PlanEntry[], settings: GuardrailSettings): PlanEntry[] {
	const used = new Map<string, number>();
	const out = [...entries];
	const order = entries.map((e, i) => ({ e, i })).filter(({ e }) => sends(e) && e.dailyIncrease > 0).sort((a, b) => byPriority(a.e, b.e));
	for (const { e, i } of order) {
		const change = e.change;
		if (!change || change.kind !== 'budget') continue;
		const perMajor = unitsPerMajor(e.action.platform, change.currency);
		const capUnits = unitsAtMost(settings.maxDailyIncreasePerAccount, perMajor);
		const usedUnits = used.get(accountOf(e)) ?? 0;
		const beforeUnits = Math.round((e.before as number) * perMajor);
		const wantUnits = Math.round(change.amount * perMajor) - beforeUnits;
		const grant = Math.min(wantUnits, capUnits - usedUnits);
		const check = { name: 'maxDailyIncreasePerAccount', limit: settings.maxDailyIncreasePerAccount, value: fromUnits(usedUnits + wantUnits, e.action.platform, change.currency), outcome: grant < wantUnits ? 'clamp' : 'pass' } as const;
		if (grant <= 0) {
			out[i] = reject(e, `account ${e.action.accountId} already gets ${fromUnits(usedUnits, e.action.platform, change.currency)} ${change.currency} of daily budget increases this run (cap ${settings.maxDailyIncreasePerAccount})`, { ...check, outcome: 'reject' });
			continue;
		}
		used.set(accountOf(e), usedUnits + grant);
		if (grant === wantUnits) {
			out[i] = { ...e, guardrails: [...e.guardrails, check] };
			continue;
		}
		const after = fromUnits(beforeUnits + grant, e.action.platform, change.currency);
		out[i] = { ...e, after, decision: 'clamp', change: { ...change, amount: after }, dailyIncrease: after - (e.before as number), guardrails: [...e.guardrails, check], reason: `${e.requested} ${change.currency} asked, clamped to ${after} by maxDailyIncreasePerAccount` };
	}
	return out;
}
