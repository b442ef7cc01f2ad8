/**
 * Turns a matched rule's actions into AdAction proposals for one entity:
 * budget caps applied, notify templates filled in, evidence and a stable
 * idempotency key attached. Apply, not this node, changes anything.
 */
import { makeAction, type AdAction, type Evidence } from '../../shared/contracts';
import { planPercentChange, planSetBudget, type BudgetCaps } from './budget';
import { metricValue, type EvalEnv } from './conditions';
import { formatMetric, RULE_METRICS, round } from './metrics';
import type { Rule, RuleAction, RuleMetric } from './types';
import { windowLabel } from '../../shared/analysis';

export interface ActionContext {
	rule: Rule;
	env: EvalEnv;
	evidence: Evidence[];
	/** Short text of the matched comparisons. */
	because: string;
	/** Last day of the rule's window, `YYYY-MM-DD` (part of the idempotency key). */
	windowEnd: string;
	now: number;
	globalMaxPercent: number | null;
}

export type BuiltAction = { ok: true; action: AdAction } | { ok: false; kind: RuleAction['kind']; reason: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Fills `{{entityName}}`, `{{cpa}}` (over the rule's window) and friends; unknown names stay as written. */
export function fillTemplate(template: string, rule: Rule, env: EvalEnv, windowEnd: string): string {
	const e = env.entity;
	const fixed: Record<string, string> = {
		entityName: e.entityName ?? e.entityId,
		entityId: e.entityId,
		level: e.level,
		accountId: e.accountId,
		platform: e.platform,
		currency: e.currency,
		ruleName: rule.name,
		window: windowLabel(rule.window),
		date: windowEnd,
	};
	return template.replace(PLACEHOLDER, (whole, name: string) => {
		if (name in fixed) return fixed[name];
		if ((RULE_METRICS as readonly string[]).includes(name)) {
			const m = name as RuleMetric;
			return formatMetric(m, metricValue(m, rule.window, env));
		}
		return whole;
	});
}

function minCap(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return Math.min(a, b);
}

export function buildAction(a: RuleAction, ctx: ActionContext): BuiltAction {
	const { rule, env } = ctx;
	const e = env.entity;
	const evidence = [...ctx.evidence];
	let reason = `Rule "${rule.name}": ${ctx.because}`;
	let params: AdAction['params'];

	switch (a.kind) {
		case 'pause':
		case 'resume':
			params = {};
			break;
		case 'setBid':
			params = { amount: a.amount, currency: e.currency };
			break;
		case 'notify':
			params = { message: fillTemplate(a.message, rule, env, ctx.windowEnd), severity: a.severity };
			break;
		case 'changeBudgetByPercent':
		case 'setBudget': {
			const raw = a.budgetType === 'daily' ? e.attributes?.dailyBudget : e.attributes?.lifetimeBudget;
			const current = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
			const caps: BudgetCaps = { floor: a.floor, ceiling: a.ceiling, maxPercent: minCap(a.maxPercent, ctx.globalMaxPercent) };
			const plan = a.kind === 'setBudget' ? planSetBudget(current, a.amount, caps) : planPercentChange(current, a.percent, caps);
			if (!plan.ok) return { ok: false, kind: a.kind, reason: plan.reason };
			const capNote = plan.capped.length ? ` (capped: ${plan.capped.join(', ')})` : '';
			if (plan.amount !== null) {
				evidence.push({
					label: `resulting ${a.budgetType} budget${capNote}`,
					left: plan.amount,
					operator: 'within',
					right: `[${a.floor ?? 0}, ${a.ceiling ?? '∞'}]`,
					result: true,
				});
			}
			if (a.kind === 'setBudget') {
				params = { budgetType: a.budgetType, amount: plan.amount as number, currency: e.currency, currentAmount: current };
				reason += `; ${a.budgetType} budget ${current ?? '?'} → ${plan.amount}${capNote}`;
			} else {
				params = {
					budgetType: a.budgetType,
					percent: plan.percent,
					currency: e.currency,
					floor: a.floor,
					ceiling: a.ceiling,
					currentAmount: current,
				};
				reason +=
					plan.amount !== null
						? `; ${a.budgetType} budget ${current} → ${plan.amount} (${round(plan.percent, 2)} %)${capNote}`
						: `; ${a.budgetType} budget ${round(plan.percent, 2)} % (current budget unknown, Apply enforces floor/ceiling)${capNote}`;
			}
			break;
		}
	}

	const action = makeAction({
		platform: e.platform,
		accountId: e.accountId,
		level: e.level,
		entityId: e.entityId,
		entityName: e.entityName,
		kind: a.kind,
		params: params as AdAction['params'] as never,
		reason,
		evidence,
		source: { type: 'rule', ruleName: rule.name, ...(rule.id ? { ruleId: rule.id } : {}) },
		identity: { rule: rule.name, entity: e.key, kind: a.kind, params, windowEnd: ctx.windowEnd },
		decidedAt: ctx.now,
	});
	return { ok: true, action };
}
