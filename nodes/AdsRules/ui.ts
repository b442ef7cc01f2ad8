/**
 * Converts the node's "Rules" list (a fixedCollection) into the same raw
 * rule JSON the "Rules (JSON)" mode accepts. One format behind both modes
 * means one validator, and the Export option can hand the list back as JSON.
 */
type UiValue = string | number | boolean | undefined | null | Record<string, unknown>;
export type UiRule = Record<string, UiValue>;
export type UiCondition = Record<string, UiValue>;

const num = (v: UiValue): number | undefined => {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
	return undefined;
};
/** UI number fields use 0 for "none". */
const positiveOrUndefined = (v: UiValue): number | undefined => {
	const n = num(v);
	return n !== undefined && n > 0 ? n : undefined;
};

/** Parses a JSON text field; a parse failure is added to `problems` with its path. */
function parseJsonField(v: UiValue, path: string, problems: string[]): unknown {
	if (typeof v !== 'string') return v ?? undefined;
	if (v.trim() === '') return undefined;
	try {
		return JSON.parse(v);
	} catch (error) {
		problems.push(`${path}: not valid JSON (${(error as Error).message})`);
		return undefined;
	}
}

export function uiWindow(rule: UiRule): string {
	const w = String(rule.window ?? 'last_7d');
	const excl = rule.excludeToday === true;
	if (w === 'custom') return `last_${num(rule.customDays) ?? 7}d${excl ? '_excl_today' : ''}`;
	if (w.startsWith('last_') || w === 'lifetime') return `${w}${excl ? '_excl_today' : ''}`;
	return w;
}

export function uiCondition(c: UiCondition): Record<string, unknown> {
	const out: Record<string, unknown> = { metric: c.metric, operator: c.operator };
	if (typeof c.window === 'string' && c.window !== '' && c.window !== 'rule') out.window = c.window;
	const ranged = c.operator === 'between' || c.operator === 'notBetween';
	switch (c.compareWith ?? 'value') {
		case 'param':
			out.param = c.param;
			if ((num(c.multiplier) ?? 1) !== 1) out.multiplier = num(c.multiplier);
			break;
		case 'metric':
			out.compareTo = { metric: c.otherMetric, multiplier: num(c.multiplier) ?? 1, ...(out.window ? { window: out.window } : {}) };
			break;
		case 'previous':
			out.change = c.changeMode ?? 'percent';
			out.value = ranged ? [num(c.value), num(c.value2)] : num(c.value);
			break;
		case 'rank':
			out.rank = c.rankDirection ?? 'bottom';
			out.scope = c.rankScope ?? 'account';
			out.value = num(c.value);
			break;
		default:
			out.value = ranged ? [num(c.value), num(c.value2)] : num(c.value);
	}
	if (c.eachDay === true) out.eachDay = true;
	return out;
}

/** One UI rule → raw rule JSON (validated later by `parseRules`); JSON text fields that do not parse go to `problems`. */
export function uiRule(rule: UiRule, path: string, problems: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {
		name: rule.name,
		level: rule.level,
		window: uiWindow(rule),
		priority: num(rule.priority) ?? 0,
		cooldown: { hours: num(rule.cooldownHours) ?? 0, maxPerWeek: num(rule.maxPerWeek) ?? 0 },
	};
	if (rule.enabled === false) out.enabled = false;
	if (rule.allowActivation === true) out.allowActivation = true;
	const params = parseJsonField(rule.params, `${path}.params`, problems);
	if (params !== undefined && !(typeof params === 'object' && params !== null && Object.keys(params).length === 0)) out.params = params;

	if (rule.conditionMode === 'json') {
		out.conditions = parseJsonField(rule.conditionsJson, `${path}.conditionsJson`, problems);
	} else {
		const rows = ((rule.conditions as { condition?: UiCondition[] } | undefined)?.condition ?? []).map(uiCondition);
		out.conditions = { [rule.combine === 'any' ? 'any' : 'all']: rows };
	}

	const minData: Record<string, number> = {};
	for (const [field, key] of [['minImpressions', 'impressions'], ['minSpend', 'spend'], ['minConversions', 'conversions']] as const) {
		const v = positiveOrUndefined(rule[field]);
		if (v !== undefined) minData[key] = v;
	}
	if (Object.keys(minData).length) out.minData = minData;

	const kind = rule.actionKind ?? 'notify';
	const action: Record<string, unknown> = { kind };
	switch (kind) {
		case 'changeBudgetByPercent':
			action.percent = num(rule.percent);
			break;
		case 'setBudget':
		case 'setBid':
			action.amount = num(rule.amount);
			break;
		case 'notify':
			action.message = rule.message;
			action.severity = rule.severity ?? 'warning';
			break;
		default:
			break;
	}
	if (kind === 'changeBudgetByPercent' || kind === 'setBudget') {
		action.budgetType = rule.budgetType ?? 'daily';
		for (const cap of ['floor', 'ceiling', 'maxPercent'] as const) {
			const v = positiveOrUndefined(rule[cap]);
			if (v !== undefined) action[cap] = v;
		}
	}
	out.actions = [action];
	return out;
}
