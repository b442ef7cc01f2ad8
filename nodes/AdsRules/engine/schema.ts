/**
 * Validates raw rule JSON (from the UI list, "Rules (JSON)" or a preset) into
 * the typed `Rule` model. Every problem names its JSON path, e.g.
 * `rules[2].conditions.all[1].metric: unknown metric "cpx"; expected one of …`,
 * and all problems are collected so a user fixes them in one pass.
 */
import { ENTITY_LEVELS, type EntityLevel } from '../../shared/contracts';
import { isAttributeMetric, isRuleMetric, RULE_METRICS } from './metrics';
import type {
	Comparand,
	Condition,
	ConditionNode,
	Cooldown,
	Gates,
	LeftTransform,
	Operator,
	Rule,
	RuleAction,
	RuleMetric,
	Window,
} from './types';

export const OPERATORS: readonly Operator[] = ['>', '>=', '<', '<=', '=', '!=', 'between', 'notBetween'];
export const DEFAULT_WINDOW: Window = { type: 'lastNDays', days: 7, excludeToday: false };
export const DEFAULT_COOLDOWN: Cooldown = { hours: 24, maxPerWeek: 0 };

export class RuleValidationError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.length === 1 ? problems[0] : `${problems.length} problems in the rules:\n- ${problems.join('\n- ')}`);
		this.name = 'RuleValidationError';
	}
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Ctx {
	readonly problems: string[] = [];
	add(path: string, message: string): void {
		this.problems.push(`${path}: ${message}`);
	}
	/** A number field; numeric strings are accepted because n8n UI fields may send them. */
	num(obj: Raw, key: string, path: string, opts: { required?: boolean; min?: number; integer?: boolean; positive?: boolean } = {}): number | undefined {
		let v = obj[key];
		if (v === undefined || v === null || v === '') {
			if (opts.required) this.add(`${path}.${key}`, 'required number');
			return undefined;
		}
		if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) v = Number(v);
		if (!isNum(v)) {
			this.add(`${path}.${key}`, `expected a number, got ${JSON.stringify(v)}`);
			return undefined;
		}
		if (opts.positive && v <= 0) this.add(`${path}.${key}`, `must be greater than 0, got ${v}`);
		else if (opts.min !== undefined && v < opts.min) this.add(`${path}.${key}`, `must be at least ${opts.min}, got ${v}`);
		if (opts.integer && !Number.isInteger(v)) this.add(`${path}.${key}`, `must be a whole number, got ${v}`);
		return v;
	}
}

const WINDOW_TEXT = /^last_(\d+)d(_excl_today)?$/;

function parseWindow(raw: unknown, path: string, ctx: Ctx): Window | undefined {
	if (typeof raw === 'string') {
		if (raw === 'today' || raw === 'yesterday') return { type: raw };
		if (raw === 'lifetime') return { type: 'lifetime', excludeToday: false };
		if (raw === 'lifetime_excl_today') return { type: 'lifetime', excludeToday: true };
		const m = WINDOW_TEXT.exec(raw);
		if (m && Number(m[1]) >= 1) return { type: 'lastNDays', days: Number(m[1]), excludeToday: m[2] !== undefined };
		ctx.add(path, `unknown window ${JSON.stringify(raw)}; expected today, yesterday, last_<N>d, last_<N>d_excl_today, lifetime or lifetime_excl_today`);
		return undefined;
	}
	if (isRecord(raw)) {
		const excludeToday = raw.excludeToday === true;
		switch (raw.type) {
			case 'today':
			case 'yesterday':
				return { type: raw.type };
			case 'lifetime':
				return { type: 'lifetime', excludeToday };
			case 'lastNDays': {
				const days = ctx.num(raw, 'days', path, { required: true, integer: true, min: 1 });
				return days === undefined ? undefined : { type: 'lastNDays', days, excludeToday };
			}
			default:
				ctx.add(`${path}.type`, `expected today, yesterday, lastNDays or lifetime, got ${JSON.stringify(raw.type)}`);
				return undefined;
		}
	}
	ctx.add(path, `expected a window such as "last_7d" or {"type":"lastNDays","days":7}, got ${JSON.stringify(raw)}`);
	return undefined;
}

function parseMetric(raw: unknown, path: string, ctx: Ctx): RuleMetric | undefined {
	if (isRuleMetric(raw)) return raw;
	ctx.add(path, `unknown metric ${JSON.stringify(raw)}; expected one of ${RULE_METRICS.join(', ')}`);
	return undefined;
}

const GROUP_KEYS = ['all', 'any', 'not'] as const;

function parseNode(raw: unknown, path: string, ctx: Ctx, rule: RuleContext): ConditionNode | undefined {
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

interface RuleContext {
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

function parseGates(raw: unknown, path: string, ctx: Ctx, window: Window): Gates | null {
	if (raw === undefined || raw === null) return null;
	if (!isRecord(raw)) {
		ctx.add(path, 'expected {"impressions": 1000, "spend": 50, "conversions": 5, "window": "last_7d"}');
		return null;
	}
	for (const k of Object.keys(raw)) {
		if (!['impressions', 'spend', 'conversions', 'window'].includes(k)) ctx.add(`${path}.${k}`, 'unknown field; expected impressions, spend, conversions or window');
	}
	const gates: Gates = {
		minImpressions: ctx.num(raw, 'impressions', path, { min: 0 }) ?? 0,
		minSpend: ctx.num(raw, 'spend', path, { min: 0 }) ?? 0,
		minConversions: ctx.num(raw, 'conversions', path, { min: 0 }) ?? 0,
		window: raw.window === undefined ? window : (parseWindow(raw.window, `${path}.window`, ctx) ?? window),
	};
	return gates.minImpressions || gates.minSpend || gates.minConversions ? gates : null;
}

function parseAction(raw: unknown, path: string, ctx: Ctx, allowActivation: boolean): RuleAction | undefined {
	if (!isRecord(raw)) {
		ctx.add(path, 'expected an action object such as {"kind": "pause"}');
		return undefined;
	}
	const budgetType = raw.budgetType === undefined ? 'daily' : raw.budgetType;
	const caps = () => {
		const floor = ctx.num(raw, 'floor', path, { min: 0 }) ?? null;
		const ceiling = ctx.num(raw, 'ceiling', path, { positive: true }) ?? null;
		const maxPercent = ctx.num(raw, 'maxPercent', path, { positive: true }) ?? null;
		if (floor !== null && ceiling !== null && floor > ceiling) ctx.add(`${path}.floor`, `floor (${floor}) is above ceiling (${ceiling})`);
		if (budgetType !== 'daily' && budgetType !== 'lifetime') ctx.add(`${path}.budgetType`, `expected "daily" or "lifetime", got ${JSON.stringify(raw.budgetType)}`);
		return { floor, ceiling, maxPercent, budgetType: budgetType as 'daily' | 'lifetime' };
	};
	switch (raw.kind) {
		case 'pause':
			return { kind: 'pause' };
		case 'resume':
			if (!allowActivation) {
				ctx.add(`${path}.kind`, '"resume" needs "allowActivation": true on the rule (AdPilot never activates anything by default)');
				return undefined;
			}
			return { kind: 'resume' };
		case 'changeBudgetByPercent': {
			const percent = ctx.num(raw, 'percent', path, { required: true });
			if (percent !== undefined && (percent === 0 || percent <= -100)) ctx.add(`${path}.percent`, `must be non-zero and above -100, got ${percent}`);
			const c = caps();
			return percent === undefined ? undefined : { kind: 'changeBudgetByPercent', percent, ...c };
		}
		case 'setBudget': {
			const amount = ctx.num(raw, 'amount', path, { required: true, positive: true });
			const c = caps();
			return amount === undefined ? undefined : { kind: 'setBudget', amount, ...c };
		}
		case 'setBid': {
			const amount = ctx.num(raw, 'amount', path, { required: true, positive: true });
			return amount === undefined ? undefined : { kind: 'setBid', amount };
		}
		case 'notify': {
			const severity = raw.severity === undefined ? 'warning' : raw.severity;
			if (typeof raw.message !== 'string' || raw.message.trim() === '') ctx.add(`${path}.message`, 'required text (placeholders like {{entityName}} and {{cpa}} are filled in)');
			if (severity !== 'info' && severity !== 'warning' && severity !== 'critical') ctx.add(`${path}.severity`, `expected info, warning or critical, got ${JSON.stringify(raw.severity)}`);
			return { kind: 'notify', message: String(raw.message ?? ''), severity: severity as 'info' | 'warning' | 'critical' };
		}
		default:
			ctx.add(`${path}.kind`, `unknown action ${JSON.stringify(raw.kind)}; expected pause, resume, changeBudgetByPercent, setBudget, setBid or notify`);
			return undefined;
	}
}

function parseParams(raw: unknown, path: string, ctx: Ctx): Record<string, number> {
	if (raw === undefined) return {};
	if (!isRecord(raw)) {
		ctx.add(path, 'expected an object of numbers, e.g. {"targetCpa": 20}');
		return {};
	}
	const out: Record<string, number> = {};
	for (const k of Object.keys(raw)) {
		const v = ctx.num(raw, k, path, { required: true });
		if (v !== undefined) out[k] = v;
	}
	return out;
}

function parseRule(raw: unknown, index: number, path: string, ctx: Ctx): Rule | undefined {
	if (!isRecord(raw)) {
		ctx.add(path, 'expected a rule object');
		return undefined;
	}
	const before = ctx.problems.length;
	const name = typeof raw.name === 'string' ? raw.name.trim() : '';
	if (name === '') ctx.add(`${path}.name`, 'required text');
	const level = raw.level as EntityLevel;
	if (!ENTITY_LEVELS.includes(level)) ctx.add(`${path}.level`, `expected one of ${ENTITY_LEVELS.join(', ')}, got ${JSON.stringify(raw.level)}`);
	const window = raw.window === undefined ? DEFAULT_WINDOW : (parseWindow(raw.window, `${path}.window`, ctx) ?? DEFAULT_WINDOW);
	const params = parseParams(raw.params, `${path}.params`, ctx);
	const allowActivation = raw.allowActivation === true;

	let conditions: ConditionNode | undefined;
	if (raw.conditions === undefined) ctx.add(`${path}.conditions`, 'required: a condition or a group {"all": [...]} / {"any": [...]}');
	else conditions = parseNode(raw.conditions, `${path}.conditions`, ctx, { window, params, path });

	const gates = parseGates(raw.minData, `${path}.minData`, ctx, window);

	const rawActions = raw.actions !== undefined ? raw.actions : raw.action !== undefined ? [raw.action] : undefined;
	const actionsPath = raw.actions !== undefined ? `${path}.actions` : `${path}.action`;
	const actions: RuleAction[] = [];
	if (!Array.isArray(rawActions) || rawActions.length === 0) ctx.add(`${path}.actions`, 'required: at least one action, e.g. [{"kind": "pause"}]');
	else
		rawActions.forEach((a, i) => {
			const parsed = parseAction(a, raw.actions !== undefined ? `${actionsPath}[${i}]` : actionsPath, ctx, allowActivation);
			if (parsed) actions.push(parsed);
		});

	let cooldown = DEFAULT_COOLDOWN;
	if (raw.cooldown !== undefined) {
		if (!isRecord(raw.cooldown)) ctx.add(`${path}.cooldown`, 'expected {"hours": 24, "maxPerWeek": 3}');
		else
			cooldown = {
				hours: ctx.num(raw.cooldown, 'hours', `${path}.cooldown`, { min: 0 }) ?? 0,
				maxPerWeek: ctx.num(raw.cooldown, 'maxPerWeek', `${path}.cooldown`, { min: 0, integer: true }) ?? 0,
			};
	}
	const priority = ctx.num(raw, 'priority', path) ?? 0;

	const scope = { accountIds: [] as string[], nameContains: null as string | null };
	if (raw.scope !== undefined) {
		if (!isRecord(raw.scope)) ctx.add(`${path}.scope`, 'expected {"accountIds": ["123"], "nameContains": "Prospecting"}');
		else {
			const ids = raw.scope.accountIds;
			if (ids !== undefined && (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string' && typeof x !== 'number'))) {
				ctx.add(`${path}.scope.accountIds`, 'expected an array of account ids');
			} else if (Array.isArray(ids)) scope.accountIds = ids.map(String);
			if (raw.scope.nameContains !== undefined && typeof raw.scope.nameContains !== 'string') ctx.add(`${path}.scope.nameContains`, 'expected text');
			else if (typeof raw.scope.nameContains === 'string' && raw.scope.nameContains !== '') scope.nameContains = raw.scope.nameContains;
		}
	}

	if (ctx.problems.length > before || !conditions) return undefined;
	return {
		name,
		id: typeof raw.id === 'string' ? raw.id : null,
		index,
		enabled: raw.enabled !== false,
		level,
		window,
		conditions,
		gates,
		actions,
		cooldown,
		priority,
		params,
		allowActivation,
		scope,
	};
}

/** Validates a list of raw rules; throws RuleValidationError listing every problem with its path. */
export function parseRules(raw: unknown, basePath = 'rules'): Rule[] {
	if (!Array.isArray(raw)) {
		throw new RuleValidationError([`${basePath}: expected an array of rules, got ${raw === null ? 'null' : typeof raw}`]);
	}
	return parseRuleEntries(raw.map((r, i) => ({ raw: r, path: `${basePath}[${i}]` })));
}

/**
 * Validates rules from several sources (UI list, JSON, presets) as one list,
 * each entry keeping the path a user would recognise.
 */
export function parseRuleEntries(entries: Array<{ raw: unknown; path: string }>): Rule[] {
	if (entries.length === 0) {
		throw new RuleValidationError(['rules: no rules; add a rule in the list, choose a preset, or paste rules as JSON']);
	}
	const ctx = new Ctx();
	const rules: Rule[] = [];
	const seen = new Map<string, string>();
	entries.forEach(({ raw, path }, i) => {
		const rule = parseRule(raw, i, path, ctx);
		// Duplicates are checked on the raw name, so they show up even next to other problems.
		const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name.trim() : '';
		const first = name === '' ? undefined : seen.get(name);
		if (first !== undefined) ctx.add(`${path}.name`, `duplicate rule name "${name}" (also ${first}); names key cooldowns and idempotency`);
		else if (name !== '') seen.set(name, path);
		if (rule) rules.push(rule);
	});
	if (ctx.problems.length > 0) throw new RuleValidationError(ctx.problems);
	return rules;
}
