/**
 * Evaluates a rule's condition tree for one entity. Every leaf is evaluated
 * (no short-circuit) so the log and the action evidence show every compared
 * value, not just the first failing one.
 */
import type { Evidence } from '../../shared/contracts';
import { dayString } from './dates';
import type { Entity } from '../../shared/analysis/entities';
import { metricFromTotals } from '../../shared/analysis';
import { attributeMetric, isAttributeMetric, round } from './metrics';
import type { RankInfo } from './rank';
import type { Comparand, Condition, ConditionNode, Operator, RuleMetric, Window } from './types';
import { previousRange, resolveWindow, windowLabel, type DayRange } from '../../shared/analysis/windows';

export interface LeafResult extends Evidence {
	path: string;
	/** Why the result is false without a real comparison (a value is n/a). */
	note?: string;
}

export interface EvalEnv {
	entity: Entity;
	today: number;
	/** Ranks per rank condition (keyed by the condition object). */
	ranks: Map<Condition, Map<string, RankInfo>>;
	/** Resolved windows, shared by all entities of a rule run (windows are parsed objects, so identity works). */
	windows: Map<Window, DayRange>;
}

export function rangeOf(w: Window, env: EvalEnv): DayRange {
	let r = env.windows.get(w);
	if (!r) {
		r = resolveWindow(w, env.today);
		env.windows.set(w, r);
	}
	return r;
}

const EPSILON = 1e-9;

export function compare(op: Operator, left: number, right: Comparand | number, high?: number): boolean {
	const eq = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
	if (op === 'between' || op === 'notBetween') {
		const lo = typeof right === 'number' ? right : right.kind === 'range' ? right.low : Number.NaN;
		const hi = typeof right === 'number' ? (high ?? Number.NaN) : right.kind === 'range' ? right.high : Number.NaN;
		const inside = (left > lo || eq(left, lo)) && (left < hi || eq(left, hi));
		return op === 'between' ? inside : !inside;
	}
	const r = right as number;
	switch (op) {
		case '>':
			return left > r && !eq(left, r);
		case '>=':
			return left > r || eq(left, r);
		case '<':
			return left < r && !eq(left, r);
		case '<=':
			return left < r || eq(left, r);
		case '=':
			return eq(left, r);
		case '!=':
			return !eq(left, r);
	}
	return false;
}

/** The metric over a window (attribute metrics ignore the window). */
export function metricValue(metric: RuleMetric, window: Window | DayRange, env: EvalEnv): number | null {
	if (isAttributeMetric(metric)) return attributeMetric(metric, env.entity, env.today);
	const range = 'type' in window ? rangeOf(window, env) : window;
	return metricFromTotals(metric, env.entity.series.totals(range));
}

function rightValue(c: Condition, env: EvalEnv): { value: number | null; label: string; display: number | string | null } {
	const r = c.right;
	switch (r.kind) {
		case 'constant':
			return { value: r.value, label: String(r.value), display: r.value };
		case 'range':
			return { value: null, label: `[${r.low}, ${r.high}]`, display: `[${r.low}, ${r.high}]` };
		case 'param': {
			const v = r.value * r.multiplier;
			return { value: v, label: r.multiplier === 1 ? r.param : `${r.multiplier} × ${r.param}`, display: v };
		}
		case 'metric': {
			const base = metricValue(r.metric, r.window, env);
			const v = base === null ? null : base * r.multiplier;
			const what = isAttributeMetric(r.metric) ? r.metric : `${r.metric} ${windowLabel(r.window)}`;
			return { value: v, label: r.multiplier === 1 ? what : `${r.multiplier} × ${what}`, display: v };
		}
	}
}

/**
 * A plain value leaf's label depends on the condition only; built once per
 * condition instead of once per entity (100,000-row runs build ~100k leaves).
 */
const valueLabels = new WeakMap<Condition, string>();

function evaluateLeaf(c: Condition, env: EvalEnv): LeafResult {
	const right = rightValue(c, env);
	const wl = windowLabel(c.window);
	const metricLabel = isAttributeMetric(c.metric) ? c.metric : `${c.metric} ${wl}`;
	let label = metricLabel;
	let fullLabel: string | undefined;
	let left: number | string | null = null;
	let result = false;
	let note: string | undefined;
	const test = (l: number) =>
		c.right.kind === 'range' ? compare(c.operator, l, c.right) : right.value === null ? false : compare(c.operator, l, right.value);

	switch (c.left.kind) {
		case 'value': {
			fullLabel = valueLabels.get(c);
			if (fullLabel === undefined) valueLabels.set(c, (fullLabel = `${label} ${c.operator} ${right.label}`));
			const v = metricValue(c.metric, c.window, env);
			left = v;
			if (v === null) note = `${metricLabel} is n/a (no data or zero denominator)`;
			else result = test(v);
			break;
		}
		case 'changeRatio':
		case 'changePercent': {
			const range = rangeOf(c.window, env);
			const prev = previousRange(range) as DayRange;
			const cur = metricValue(c.metric, range, env);
			const before = metricValue(c.metric, prev, env);
			const pct = c.left.kind === 'changePercent';
			label = `${c.metric} ${wl} vs previous ${range.end - range.start + 1}d (${pct ? '% change' : 'ratio'}; ${fmt(cur)} vs ${fmt(before)})`;
			if (cur === null || before === null || before === 0) {
				note = `cannot compare: ${c.metric} is ${fmt(cur)} now and ${fmt(before)} in the previous window`;
			} else {
				const v = pct ? ((cur - before) / before) * 100 : cur / before;
				left = v;
				result = test(v);
			}
			break;
		}
		case 'rank': {
			const info = env.ranks.get(c)?.get(env.entity.key);
			const scope = c.left.scope === 'account' ? `in account ${env.entity.accountId}` : 'overall';
			label = `rank of ${metricLabel} among ${env.entity.level} peers ${scope} (1 = ${c.left.direction === 'bottom' ? 'lowest' : 'highest'})`;
			if (!info) note = `${metricLabel} is n/a, so the entity is not ranked`;
			else {
				label += `; value ${fmt(info.value)} of ${info.peers} peers`;
				left = info.rank;
				result = test(info.rank);
			}
			break;
		}
		case 'eachDay': {
			const range = rangeOf(c.window, env);
			label = `${c.metric} on each day of ${wl}`;
			const parts: string[] = [];
			result = true;
			for (let d = range.start; d <= range.end; d++) {
				const day = { start: d, end: d, open: false };
				const has = env.entity.series.totals(day).days > 0;
				const v = has ? metricValue(c.metric, day, env) : null;
				parts.push(`${dayString(d)}: ${fmt(v)}`);
				if (v === null || !test(v)) result = false;
			}
			left = parts.join(', ');
			break;
		}
	}
	return {
		path: c.path,
		label: fullLabel ?? `${label} ${c.operator} ${right.label}`,
		left: typeof left === 'number' ? round(left, 6) : left,
		operator: c.operator,
		right: typeof right.display === 'number' ? round(right.display, 6) : right.display,
		result,
		...(note ? { note } : {}),
	};
}

function fmt(v: number | null): string {
	return v === null ? 'n/a' : String(round(v, 4));
}

/** Evaluates the tree; leaves are appended to `out` in document order. */
export function evaluateNode(node: ConditionNode, env: EvalEnv, out: LeafResult[]): boolean {
	switch (node.type) {
		case 'condition': {
			const r = evaluateLeaf(node, env);
			out.push(r);
			return r.result;
		}
		case 'all': {
			let ok = true;
			for (const child of node.children) if (!evaluateNode(child, env, out)) ok = false;
			return ok;
		}
		case 'any': {
			let ok = false;
			for (const child of node.children) if (evaluateNode(child, env, out)) ok = true;
			return ok;
		}
		case 'not':
			return !evaluateNode(node.child, env, out);
	}
}

/** Every leaf of the tree (for coverage checks and rank precomputation). */
export function leaves(node: ConditionNode): Condition[] {
	if (node.type === 'condition') return [node];
	if (node.type === 'not') return leaves(node.child);
	return node.children.flatMap(leaves);
}
