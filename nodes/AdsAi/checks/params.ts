/**
 * Action params from a model answer, checked against the entity and the
 * guardrails. Returns the params or the reason they were refused.
 */
import type { AdAction, BudgetType } from '../../shared/contracts';
import type { EntityAggregate } from '../prompt/aggregates';
import type { Guardrails } from './guardrails';

type Result = { ok: true; params: AdAction['params']; note?: string } | { ok: false; reason: string };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function currencyProblem(raw: unknown, entity: EntityAggregate): string | null {
	if (raw === null || raw === undefined || raw === '') return null;
	return String(raw).toUpperCase() === entity.currency.toUpperCase() ? null : `currency ${JSON.stringify(raw)} is not the account currency ${entity.currency}`;
}

function budgetTypeOf(raw: unknown, entity: EntityAggregate): BudgetType | null {
	if (raw === 'daily' || raw === 'lifetime') return raw;
	if (raw !== null && raw !== undefined) return null;
	return entity.dailyBudget === null && entity.lifetimeBudget !== null ? 'lifetime' : 'daily';
}

function currentBudget(entity: EntityAggregate, type: BudgetType): number | null {
	return type === 'daily' ? entity.dailyBudget : entity.lifetimeBudget;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function checkParams(kind: string, raw: Record<string, unknown>, entity: EntityAggregate, g: Guardrails): Result {
	const currency = currencyProblem(raw.currency, entity);
	switch (kind) {
		case 'pause':
			if (entity.status !== null && /^(PAUSED|CAMPAIGN_PAUSED|ADSET_PAUSED)$/i.test(entity.status)) return { ok: false, reason: 'already paused' };
			return { ok: true, params: {} };
		case 'resume':
			return { ok: true, params: {} };
		case 'notify': {
			const message = typeof raw.message === 'string' ? raw.message.trim() : '';
			if (message === '') return { ok: false, reason: 'notify without a message' };
			const severity = raw.severity === 'warning' || raw.severity === 'critical' ? raw.severity : 'info';
			return { ok: true, params: { message: message.slice(0, 1000), severity } };
		}
		case 'setBid': {
			if (currency) return { ok: false, reason: currency };
			if (!finite(raw.amount) || raw.amount <= 0) return { ok: false, reason: `bid amount ${JSON.stringify(raw.amount)} is not a positive number` };
			if (g.maxBid !== null && raw.amount > g.maxBid) return { ok: false, reason: `bid ${raw.amount} is over the maximum bid ${g.maxBid}` };
			return { ok: true, params: { amount: round2(raw.amount), currency: entity.currency } };
		}
		case 'changeBudgetByPercent': {
			if (currency) return { ok: false, reason: currency };
			const budgetType = budgetTypeOf(raw.budgetType, entity);
			if (!budgetType) return { ok: false, reason: `budgetType ${JSON.stringify(raw.budgetType)} is not daily or lifetime` };
			if (!finite(raw.percent) || raw.percent === 0) return { ok: false, reason: `percent ${JSON.stringify(raw.percent)} is not a non-zero number` };
			if (Math.abs(raw.percent) > g.maxBudgetChangePercent) return { ok: false, reason: `budget change ${raw.percent} % is beyond the maximum of ±${g.maxBudgetChangePercent} %` };
			if (raw.percent <= -100) return { ok: false, reason: 'a budget change of -100 % or less leaves no budget' };
			return { ok: true, params: { budgetType, percent: round2(raw.percent), currency: entity.currency, currentAmount: currentBudget(entity, budgetType) } };
		}
		case 'setBudget': {
			if (currency) return { ok: false, reason: currency };
			const budgetType = budgetTypeOf(raw.budgetType, entity);
			if (!budgetType) return { ok: false, reason: `budgetType ${JSON.stringify(raw.budgetType)} is not daily or lifetime` };
			if (!finite(raw.amount) || raw.amount <= 0) return { ok: false, reason: `budget amount ${JSON.stringify(raw.amount)} is not a positive number` };
			const current = currentBudget(entity, budgetType);
			if (current === null || current <= 0) return { ok: false, reason: `the current ${budgetType} budget is unknown, so the change cannot be checked against the maximum %` };
			const percent = ((raw.amount - current) / current) * 100;
			if (Math.abs(percent) > g.maxBudgetChangePercent + 1e-9) {
				return { ok: false, reason: `budget ${current} → ${raw.amount} is a ${round2(percent)} % change, beyond the maximum of ±${g.maxBudgetChangePercent} %` };
			}
			return { ok: true, params: { budgetType, amount: round2(raw.amount), currency: entity.currency, currentAmount: current } };
		}
		default:
			return { ok: false, reason: `kind ${JSON.stringify(kind)} is not an action Ads AI can propose` };
	}
}
