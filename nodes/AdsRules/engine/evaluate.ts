/**
 * The rule engine: groups rows by entity once, then runs the rules in
 * priority order (higher first, ties in list order) over the entities of
 * their level. Pure and synchronous: cooldown history comes in as a
 * snapshot and new fires go out, so the node owns all I/O.
 */
import type { AdAction, Evidence } from '../../shared/contracts';
import { buildAction, type BuiltAction } from './actions';
import { evaluateNode, leaves, type EvalEnv, type LeafResult } from './conditions';
import { checkCooldown, cooldownKey, type CooldownHistory, type Fire } from './cooldown';
import { dayNumber, dayString } from './dates';
import { groupEntities, type Entity, type IndexedRow } from '../../shared/analysis/entities';
import { checkGates, type GateResult } from './gates';
import { isAttributeMetric } from './metrics';
import { entityHeader, noMatchSummary, type DecisionLogEntry, type DecisionStatus, type NoMatchSummary } from './log';
import { computeRanks } from './rank';
import type { Condition, EngineOptions, Rule, Window } from './types';
import { previousRange, resolveWindow, windowLabel, type DayRange } from '../../shared/analysis/windows';

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

interface RuleRun {
	rule: Rule;
	today: number;
	ranges: Array<{ range: DayRange; label: string }>;
	windowEnd: string;
	/** Reused across entities; only `entity` changes. */
	env: EvalEnv;
	opts: EngineOptions;
	history: CooldownHistory;
}

interface Decision {
	status: DecisionStatus;
	reason: string | null;
	gates: GateResult['checks'];
	conditions: LeafResult[];
	built: BuiltAction[];
	/** At least one action was emitted, so a cooldown starts. */
	fired: boolean;
}

function skipped(reason: string, gates: GateResult['checks'] = []): Decision {
	return { status: 'skipped', reason, gates, conditions: [], built: [], fired: false };
}

/** One rule on one entity: coverage, gate, conditions, cooldown, actions — in that order. */
function decide(run: RuleRun, entity: Entity): Decision {
	const { rule, ranges } = run;
	for (let i = 0; i < ranges.length; i++) {
		const problem = entity.series.coverageProblem(ranges[i].range, ranges[i].label, dayString);
		if (problem !== null) return skipped(problem);
	}
	const gate = checkGates(rule.gates, entity, run.today);
	if (!gate.passed) return skipped(gate.reason as string, gate.checks);

	const env = run.env;
	env.entity = entity;
	const conditions: LeafResult[] = [];
	if (!evaluateNode(rule.conditions, env, conditions)) {
		return { status: 'notMatched', reason: null, gates: gate.checks, conditions, built: [], fired: false };
	}
	const held = checkCooldown(rule.cooldown, run.history.get(cooldownKey(rule.name, entity.key)), run.opts.now);
	if (held) return { status: 'cooldown', reason: held, gates: gate.checks, conditions, built: [], fired: false };

	const truthy = conditions.filter((l) => l.result);
	const because = (truthy.length ? truthy : conditions).map((l) => `${l.label} (${l.left ?? 'n/a'} vs ${l.right ?? 'n/a'})`).join(' and ');
	const evidence = [...conditions.map(toEvidence), ...gate.checks];
	const built = rule.actions.map((a) =>
		buildAction(a, { rule, env, evidence, because, windowEnd: run.windowEnd, now: run.opts.now, globalMaxPercent: run.opts.maxBudgetChangePercent }),
	);
	const fired = built.some((b) => b.ok);
	return {
		status: 'matched',
		reason: fired ? null : 'matched, but every action was held back by its caps',
		gates: gate.checks,
		conditions,
		built,
		fired,
	};
}

function entitiesByLevel(entities: Entity[]): Map<string, Entity[]> {
	const byLevel = new Map<string, Entity[]>();
	for (const e of entities) {
		const list = byLevel.get(e.level);
		if (list) list.push(e);
		else byLevel.set(e.level, [e]);
	}
	return byLevel;
}

/** One rule × entity line of the Decision Log. */
function logEntry(rule: Rule, entity: Entity, d: Decision, window: string, windowEnd: string): DecisionLogEntry {
	return {
		rule: rule.name,
		priority: rule.priority,
		...entityHeader(entity),
		window,
		windowEnd,
		status: d.status,
		reason: d.reason,
		gates: d.gates,
		conditions: d.conditions,
		actions: d.built.map((b) => (b.ok ? { kind: b.action.kind, idempotencyKey: b.action.idempotencyKey } : { kind: b.kind, skipped: b.reason })),
	};
}

export function evaluateRules(rules: Rule[], rows: IndexedRow[], history: CooldownHistory, opts: EngineOptions): EngineResult {
	const { entities, lastDay } = groupEntities(rows);
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

	const byLevel = entitiesByLevel(entities);

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

		const windowName = windowLabel(rule.window);
		const run: RuleRun = { rule, today, ranges, windowEnd, env: { entity: candidates[0], today, ranks, windows }, opts, history };
		for (const entity of candidates) {
			result.stats.evaluations++;
			const earlier = opts.matchMode === 'firstMatch' ? matchedBy.get(entity.key) : undefined;
			const d: Decision = earlier !== undefined ? skipped(`first match wins: higher-priority rule "${earlier}" already matched`) : decide(run, entity);

			if (d.status === 'skipped') {
				result.stats.skipped++;
				note(entity, { rule: rule.name, skipped: d.reason as string });
			} else if (d.status === 'notMatched') {
				note(entity, { rule: rule.name, leaves: d.conditions });
			} else {
				result.stats.matched++;
				matchedBy.set(entity.key, rule.name);
			}
			for (const b of d.built) if (b.ok) result.actions.push({ action: b.action, itemIndexes: entity.itemIndexes });
			if (d.fired) result.fires.push({ key: cooldownKey(rule.name, entity.key), at: opts.now });

			if (opts.decisionLog) result.log.push({ entry: logEntry(rule, entity, d, windowName, windowEnd), itemIndexes: entity.itemIndexes });
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
