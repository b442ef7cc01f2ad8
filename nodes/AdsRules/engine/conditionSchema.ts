/**
 * Condition trees of a rule: groups (all / any / not), conditions and what
 * each compares with, validated with a JSON path for every problem.
 */
import { isAttributeMetric } from './metrics';
import { Ctx, isNum, isRecord, OPERATORS, parseMetric, parseWindow, type Raw } from './ruleParsing';
import type { Comparand, Condition, ConditionNode, LeftTransform, Operator, Window } from './types';

const GROUP_KEYS = ['all', 'any', 'not'] as const;

export function parseNode(raw: unknown, path: string, ctx: Ctx, rule: RuleContext): ConditionNode | undefined {
	if (Array.isArray(raw)) return parseGroup('all', raw, path, ctx, rule, true);
	if (!isRecord(raw)) {
		ctx.add(path, 'expected a condition object or a group {"all": [...]}, {"any": [...]} or {"not": {...}}');
		return undefined;
	}
	const groupKey = GROUP_KEYS.find((k) => k in raw);
	if (groupKey === 'not') {
		const child = parseNode(raw.not, `${path}.not`, ctx, rule);
		return child && { type: 'not', path, child };
	}
	if (groupKey) {
		const list = raw[groupKey];
		if (!Array.isArray(list)) {
			ctx.add(`${path}.${groupKey}`, 'expected an array of conditions');
			return undefined;
		}
		return parseGroup(groupKey, list, `${path}.${groupKey}`, ctx, rule, false, path);
	}
	return parseCondition(raw, path, ctx, rule);
}

function parseGroup(
	type: 'all' | 'any',
	list: unknown[],
	listPath: string,
	ctx: Ctx,
	rule: RuleContext,
	bare: boolean,
	groupPath = listPath,
): ConditionNode | undefined {
	if (list.length === 0) {
		ctx.add(listPath, 'must contain at least one condition');
		return undefined;
	}
	const children = list.map((c, i) => parseNode(c, `${listPath}[${i}]`, ctx, rule));
	if (children.some((c) => c === undefined)) return undefined;
	return { type, path: bare ? listPath : groupPath, children: children as ConditionNode[] };
}

export interface RuleContext {
	window: Window;
	params: Record<string, number>;
	path: string;
}

function parseCondition(raw: Raw, path: string, ctx: Ctx, rule: RuleContext): Condition | undefined {
	const before = ctx.problems.length;
	const metric = parseMetric(raw.metric, `${path}.metric`, ctx);
	const window = raw.window === undefined ? rule.window : parseWindow(raw.window, `${path}.window`, ctx);
	const operator = raw.operator as Operator;
	if (!OPERATORS.includes(operator)) ctx.add(`${path}.operator`, `unknown operator ${JSON.stringify(raw.operator)}; expected one of ${OPERATORS.join(', ')}`);

	let left: LeftTransform = { kind: 'value' };
	const modes = ['change', 'rank', 'eachDay'].filter((k) => raw[k] !== undefined && raw[k] !== false);
	if (modes.length > 1) ctx.add(path, `use only one of change, rank, eachDay; got ${modes.join(' and ')}`);
	if (raw.change !== undefined) {
		if (raw.change === 'ratio') left = { kind: 'changeRatio' };
		else if (raw.change === 'percent') left = { kind: 'changePercent' };
		else ctx.add(`${path}.change`, `expected "ratio" or "percent" (compared with the previous window), got ${JSON.stringify(raw.change)}`);
		if (window?.type === 'lifetime') ctx.add(`${path}.window`, 'a lifetime window has no previous window to compare with');
	} else if (raw.rank !== undefined) {
		const scope = raw.scope === undefined ? 'account' : raw.scope;
		if (raw.rank !== 'bottom' && raw.rank !== 'top') ctx.add(`${path}.rank`, `expected "bottom" (lowest values first) or "top", got ${JSON.stringify(raw.rank)}`);
		if (scope !== 'account' && scope !== 'all') ctx.add(`${path}.scope`, `expected "account" or "all", got ${JSON.stringify(raw.scope)}`);
		left = { kind: 'rank', direction: raw.rank === 'top' ? 'top' : 'bottom', scope: scope === 'all' ? 'all' : 'account' };
	} else if (raw.eachDay === true) {
		left = { kind: 'eachDay' };
	} else if (raw.eachDay !== undefined && raw.eachDay !== false) {
		ctx.add(`${path}.eachDay`, 'expected true or false');
	}
	if (metric && left.kind !== 'value' && isAttributeMetric(metric)) {
		ctx.add(`${path}.metric`, `${metric} does not depend on a window, so change, rank and eachDay do not apply`);
	}

	const right = parseComparand(raw, path, ctx, rule, operator, left);
	if (ctx.problems.length > before || !metric || !window || !right) return undefined;
	return { type: 'condition', path, metric, window, left, operator, right };
}

function parseComparand(raw: Raw, path: string, ctx: Ctx, rule: RuleContext, operator: Operator, left: LeftTransform): Comparand | undefined {
	const given = ['value', 'param', 'compareTo'].filter((k) => raw[k] !== undefined);
	if (given.length !== 1) {
		ctx.add(path, given.length === 0 ? 'needs one of value, param or compareTo' : `use only one of value, param, compareTo; got ${given.join(' and ')}`);
		return undefined;
	}
	const ranged = operator === 'between' || operator === 'notBetween';
	if (ranged) {
		const v = raw.value;
		if (!Array.isArray(v) || v.length !== 2 || !isNum(v[0]) || !isNum(v[1])) {
			ctx.add(`${path}.value`, `${operator} needs "value": [low, high], got ${JSON.stringify(v)}`);
			return undefined;
		}
		if (v[0] > v[1]) ctx.add(`${path}.value`, `low (${v[0]}) is greater than high (${v[1]})`);
		return { kind: 'range', low: v[0], high: v[1] };
	}
	if (left.kind === 'rank' && given[0] !== 'value') {
		ctx.add(path, 'a rank condition compares the rank with a constant "value" (e.g. "operator": "<=", "value": 3 for the bottom 3)');
		return undefined;
	}
	const multiplier = raw.multiplier === undefined ? 1 : ctx.num(raw, 'multiplier', path);
	if (given[0] === 'value') {
		const value = ctx.num(raw, 'value', path, { required: true });
		if (raw.multiplier !== undefined) ctx.add(`${path}.multiplier`, 'only applies with param or compareTo');
		return value === undefined ? undefined : { kind: 'constant', value };
	}
	if (given[0] === 'param') {
		const name = raw.param;
		if (typeof name !== 'string' || !(name in rule.params)) {
			const known = Object.keys(rule.params);
			ctx.add(`${path}.param`, `unknown parameter ${JSON.stringify(name)}; define it in ${rule.path}.params${known.length ? ` (defined: ${known.join(', ')})` : ''}`);
			return undefined;
		}
		return multiplier === undefined ? undefined : { kind: 'param', param: name, value: rule.params[name], multiplier };
	}
	const c = raw.compareTo;
	if (!isRecord(c)) {
		ctx.add(`${path}.compareTo`, 'expected {"metric": "...", "multiplier": 2, "window": "..."}');
		return undefined;
	}
	const metric = parseMetric(c.metric, `${path}.compareTo.metric`, ctx);
	const window = c.window === undefined ? rule.window : parseWindow(c.window, `${path}.compareTo.window`, ctx);
	const m = c.multiplier === undefined ? 1 : ctx.num(c, 'multiplier', `${path}.compareTo`);
	if (left.kind !== 'value' && left.kind !== 'eachDay') ctx.add(`${path}.compareTo`, 'change and rank conditions compare with a constant value or a param');
	if (!metric || !window || m === undefined) return undefined;
	return { kind: 'metric', metric, window, multiplier: m };
}
