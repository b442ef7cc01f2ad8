/**
 * The rule engine: groups rows by entity once, then runs the rules in
 * priority order (higher first, ties in list order) over the entities of
 * their level. Pure and synchronous: cooldown history comes in as a
 * snapshot and new fires go out, so the node owns all I/O.
 */
import type { AdAction, Evidence } from '../../shared/contracts';
import { buildAction } from './actions';
import { evaluateNode, leaves, type EvalEnv, type LeafResult } from './conditions';
import { checkCooldown, cooldownKey, type CooldownHistory, type Fire } from './cooldown';
import { DayCache, dayNumber, dayString } from './dates';
import { groupEntities, type Entity, type IndexedRow } from './entities';
import { checkGates } from './gates';
import { isAttributeMetric } from './metrics';
import { entityHeader, noMatchSummary, type DecisionLogEntry, type NoMatchSummary } from './log';
import { computeRanks } from './rank';
import type { Condition, EngineOptions, Rule, Window } from './types';
import { previousRange, resolveWindow, windowLabel, type DayRange } from './windows';

export interface EngineResult {
	referenceDate: string | null;
	actions: Array<{ action: AdAction; itemIndexes: number[] }>;
	noMatch: Array<{ summary: NoMatchSummary; itemIndexes: number[] }>;
	log: Array<{ entry: DecisionLogEntry; itemIndexes: number[] }>;
	fires: Fire[];
	stats: { entities: number; rules: number; evaluations: number; matched: number; skipped: number; actions: number };
}

interface Note {
	rule: string;
	skipped?: string;
	leaves?: LeafResult[];
}

function formatNote(n: Note): string {
	if (n.skipped !== undefined) return `"${n.rule}" skipped (${n.skipped})`;
	const failed = (n.leaves ?? []).filter((l) => !l.result).slice(0, 2);
	return `"${n.rule}" not matched (${failed.map((l) => `${l.label}: ${l.left ?? 'n/a'}`).join('; ') || 'conditions false'})`;
}

export function sortRules(rules: Rule[]): Rule[] {
	return [...rules].sort((a, b) => b.priority - a.priority || a.index - b.index);
}

/** The ranges a rule reads, labelled, so coverage is checked before any comparison. */
function rangesOf(rule: Rule, today: number): Array<{ range: DayRange; label: string }> {
	const out = new Map<string, { range: DayRange; label: string }>();
	const add = (range: DayRange, label: string) => out.set(`${range.start}:${range.end}`, { range, label });
	for (const c of leaves(rule.conditions)) {
		if (!isAttributeMetric(c.metric)) {
			const r = resolveWindow(c.window, today);
			add(r, windowLabel(c.window));
			if (c.left.kind === 'changeRatio' || c.left.kind === 'changePercent') {
				const p = previousRange(r);
				if (p) add(p, `the window before ${windowLabel(c.window)}`);
			}
		}
		if (c.right.kind === 'metric' && !isAttributeMetric(c.right.metric)) add(resolveWindow(c.right.window, today), windowLabel(c.right.window));
	}
	if (rule.gates) add(resolveWindow(rule.gates.window, today), windowLabel(rule.gates.window));
	return [...out.values()];
}

function inScope(rule: Rule, e: Entity): boolean {
	if (rule.scope.accountIds.length && !rule.scope.accountIds.includes(e.accountId)) return false;
	if (rule.scope.nameContains && !(e.entityName ?? '').toLowerCase().includes(rule.scope.nameContains.toLowerCase())) return false;
	return true;
}

function toEvidence(l: LeafResult): Evidence {
	return { label: l.label, left: l.left, operator: l.operator, right: l.right, result: l.result };
}

export function evaluateRules(rules: Rule[], rows: IndexedRow[], history: CooldownHistory, opts: EngineOptions): EngineResult {
	const dayCache = new DayCache();
	const { entities, lastDay } = groupEntities(rows, dayCache);
	const result: EngineResult = {
		referenceDate: null,
		actions: [],
		noMatch: [],
		log: [],
		fires: [],
		stats: { entities: entities.length, rules: rules.length, evaluations: 0, matched: 0, skipped: 0, actions: 0 },
	};
	if (entities.length === 0) return result;
	const today = opts.referenceDate ? dayNumber(opts.referenceDate) : lastDay;
	result.referenceDate = dayString(today);

	const byLevel = new Map<string, Entity[]>();
	for (const e of entities) {
		const list = byLevel.get(e.level);
		if (list) list.push(e);
		else byLevel.set(e.level, [e]);
	}

	// Per entity: the first rule that matched (firstMatch mode), notes for the No Match summary.
	// Notes stay unformatted until the end: most entities match something or are never summarised.
	const matchedBy = new Map<string, string>();
	const notes = new Map<string, Note[]>();
	const note = (e: Entity, n: Note) => {
		const list = notes.get(e.key);
		if (list) list.push(n);
		else notes.set(e.key, [n]);
	};

	for (const rule of sortRules(rules)) {
		if (!rule.enabled) continue;
		const candidates = (byLevel.get(rule.level) ?? []).filter((e) => inScope(rule, e));
		if (candidates.length === 0) continue;

		const ranks = new Map<Condition, ReturnType<typeof computeRanks>>();
		for (const c of leaves(rule.conditions)) if (c.left.kind === 'rank') ranks.set(c, computeRanks(c, candidates, today));
		const ranges = rangesOf(rule, today);
		const windows = new Map<Window, DayRange>();
		const windowEnd = dayString(resolveWindow(rule.window, today).end);

		for (const entity of candidates) {
			result.stats.evaluations++;
			const entry: DecisionLogEntry = {
				rule: rule.name,
				priority: rule.priority,
				...entityHeader(entity),
				window: windowLabel(rule.window),
				windowEnd,
				status: 'skipped',
				reason: null,
				gates: [],
				conditions: [],
				actions: [],
			};
			const finish = () => {
				if (opts.decisionLog) result.log.push({ entry, itemIndexes: entity.itemIndexes });
			};
			const skip = (reason: string) => {
				entry.status = 'skipped';
				entry.reason = reason;
				result.stats.skipped++;
				note(entity, { rule: rule.name, skipped: reason });
				finish();
			};

			const earlier = opts.matchMode === 'firstMatch' ? matchedBy.get(entity.key) : undefined;
			if (earlier !== undefined) {
				skip(`first match wins: higher-priority rule "${earlier}" already matched`);
				continue;
			}
			const fmt = dayString;
			const problem = ranges.map((r) => entity.series.coverageProblem(r.range, r.label, fmt)).find((p) => p !== null);
			if (problem) {
				skip(problem);
				continue;
			}
			const gate = checkGates(rule.gates, entity, today);
			entry.gates = gate.checks;
			if (!gate.passed) {
				skip(gate.reason as string);
				continue;
			}

			const env: EvalEnv = { entity, today, ranks, windows };
			const leafResults: LeafResult[] = [];
			const matched = evaluateNode(rule.conditions, env, leafResults);
			entry.conditions = leafResults;
			if (!matched) {
				entry.status = 'notMatched';
				note(entity, { rule: rule.name, leaves: leafResults });
				finish();
				continue;
			}

			result.stats.matched++;
			matchedBy.set(entity.key, rule.name);
			const key = cooldownKey(rule.name, entity.key);
			const held = checkCooldown(rule.cooldown, history.get(key), opts.now);
			if (held) {
				entry.status = 'cooldown';
				entry.reason = held;
				finish();
				continue;
			}

			entry.status = 'matched';
			const truthy = leafResults.filter((l) => l.result);
			const because = (truthy.length ? truthy : leafResults).map((l) => `${l.label} (${l.left ?? 'n/a'} vs ${l.right ?? 'n/a'})`).join(' and ');
			const evidence = [...leafResults.map(toEvidence), ...gate.checks];
			let fired = false;
			for (const a of rule.actions) {
				const built = buildAction(a, { rule, env, evidence, because, windowEnd, now: opts.now, globalMaxPercent: opts.maxBudgetChangePercent });
				if (built.ok) {
					fired = true;
					result.actions.push({ action: built.action, itemIndexes: entity.itemIndexes });
					entry.actions.push({ kind: built.action.kind, idempotencyKey: built.action.idempotencyKey });
				} else {
					entry.actions.push({ kind: built.kind, skipped: built.reason });
				}
			}
			if (fired) {
				result.fires.push({ key, at: opts.now });
			} else {
				entry.reason = 'matched, but every action was held back by its caps';
			}
			finish();
		}
	}
	result.stats.actions = result.actions.length;

	for (const e of entities) {
		if (matchedBy.has(e.key)) continue;
		const n = notes.get(e.key) ?? [];
		const skipped = n.filter((x) => x.skipped !== undefined).length;
		result.noMatch.push({ summary: noMatchSummary(e, n.map(formatNote), skipped, n.length), itemIndexes: e.itemIndexes });
	}
	return result;
}
