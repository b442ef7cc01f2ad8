/**
 * Validates raw rule JSON (from the UI list, "Rules (JSON)" or a preset) into
 * the typed `Rule` model. Every problem names its JSON path, e.g.
 * `rules[2].conditions.all[1].metric: unknown metric "cpx"; expected one of …`,
 * and all problems are collected so a user fixes them in one pass.
 */
import { ENTITY_LEVELS, type EntityLevel } from '../../shared/contracts';
import { parseNode } from './conditionSchema';
import { Ctx, isRecord, parseWindow } from './ruleParsing';
import type {
	ConditionNode,
	Cooldown,
	Gates,
	Rule,
	RuleAction,
	Window,
} from './types';

export { OPERATORS } from './ruleParsing';
export const DEFAULT_WINDOW: Window = { type: 'lastNDays', days: 7, excludeToday: false };
export const DEFAULT_COOLDOWN: Cooldown = { hours: 24, maxPerWeek: 0 };

export class RuleValidationError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.length === 1 ? problems[0] : `${problems.length} problems in the rules:\n- ${problems.join('\n- ')}`);
		this.name = 'RuleValidationError';
	}
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
