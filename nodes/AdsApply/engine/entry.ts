/**
 * Judges one action on its own: the entity's current state, allowed
 * accounts, currency, activation, cooldowns and the amount guardrails.
 * Limits that depend on the whole run (duplicates, max actions, per-account
 * money) are applied afterwards by `runLimits.ts`.
 */
import type { Change, EntityState, HistoryEvent } from '../../shared/platforms/platform';
import { judgeAmount } from './amount';
import { propertyOf } from './intent';
import type { GuardrailCheck, GuardrailSettings, PlanContext, PlanEntry, PlanInput, PropertyValue } from './types';
import { fromUnits, toUnits, unitsPerMajor } from './units';

const HOUR = 3_600_000;

/** An entry not judged yet (decision reject until a judge says otherwise). */
export function newEntry(input: PlanInput, entityKey: string): PlanEntry {
	return {
		itemIndex: input.itemIndex, action: input.action, entityKey, property: propertyOf(input.intent), currency: null,
		before: null, after: null, requested: null, decision: 'reject', guardrails: [], reason: '', dailyIncrease: 0, impact: 0,
		...(input.revertOf ? { revertOf: input.revertOf } : {}),
	};
}

/** Allowed Accounts, as judged for one action (empty list: every account). */
export function allowedAccountCheck(accountId: string, settings: GuardrailSettings): GuardrailCheck {
	const allowed = settings.allowedAccounts;
	return { name: 'allowedAccounts', limit: allowed.length ? allowed.join(', ') : 'any', value: accountId, outcome: !allowed.length || allowed.includes(accountId) ? 'pass' : 'reject' };
}

export function reject(entry: PlanEntry, reason: string, check?: GuardrailCheck, badField?: string): PlanEntry {
	return { ...entry, decision: 'reject', after: entry.before, reason, guardrails: check ? [...entry.guardrails, check] : entry.guardrails, change: undefined, create: undefined, ...(badField ? { badField } : {}) };
}

function currentValue(entry: PlanEntry, state: EntityState): PropertyValue {
	if (entry.property === 'status') return state.status;
	if (entry.property === 'bid') return state.bid;
	return entry.property === 'budget.daily' ? state.budgets.daily : state.budgets.lifetime;
}

/** Cooldowns from the platform's history and audit rows: never from memory, so every worker agrees. */
function cooldownCheck(input: PlanInput, state: EntityState, events: HistoryEvent[], ctx: PlanContext): { check: GuardrailCheck; reason?: string } {
	const { settings, nowMs } = ctx;
	const moneyEvents = events.filter((e) => e.what === 'budget' || e.what === 'bid');
	const lastHourBudget = events.filter((e) => e.what === 'budget' && e.at > nowMs - HOUR).length;
	if (input.action.platform === 'meta' && state.ref.level === 'adSet' && input.intent.type === 'budget' && lastHourBudget >= settings.metaBudgetChangesPerHour) {
		return {
			check: { name: 'metaBudgetChangesPerHour', limit: settings.metaBudgetChangesPerHour, value: lastHourBudget, outcome: 'reject' },
			reason: `Meta allows ${settings.metaBudgetChangesPerHour} budget changes per ad set per hour; this ad set had ${lastHourBudget} in the last hour`,
		};
	}
	const latest = moneyEvents.reduce((max, e) => Math.max(max, e.at), Number.NEGATIVE_INFINITY);
	const hoursSince = Number.isFinite(latest) ? Math.round(((nowMs - latest) / HOUR) * 100) / 100 : null;
	const inCooldown = hoursSince !== null && hoursSince < settings.cooldownHours && !input.revertOf;
	const check: GuardrailCheck = { name: 'cooldownHours', limit: settings.cooldownHours, value: hoursSince, outcome: inCooldown ? 'reject' : 'pass', ...(input.revertOf && hoursSince !== null && hoursSince < settings.cooldownHours ? { note: 'a revert is not held by the cooldown' } : {}) };
	return inCooldown ? { check, reason: `the budget or bid changed ${hoursSince} h ago, within the ${settings.cooldownHours} h cooldown` } : { check };
}

function judgeStatus(entry: PlanEntry, input: PlanInput, state: EntityState, ctx: PlanContext): PlanEntry {
	if (input.intent.type !== 'status') return entry;
	const target = input.intent.status;
	if (state.status === 'removed') return reject(entry, `the ${state.ref.level} is removed (${state.platformStatus}); its status cannot change`);
	if (state.status === target) return { ...entry, decision: 'noop', after: target, requested: target, reason: `already ${target}` };
	const checks = [...entry.guardrails];
	if (target === 'active') {
		const check: GuardrailCheck = { name: 'allowActivation', limit: ctx.settings.allowActivation, value: true, outcome: ctx.settings.allowActivation ? 'pass' : 'reject' };
		if (!ctx.settings.allowActivation) return reject({ ...entry, requested: target }, 'activation is off: turn on Allow Activation to resume paused entities', check);
		checks.push(check);
	}
	const change: Change = { kind: 'status', ref: state.ref, status: target };
	return { ...entry, guardrails: checks, decision: 'apply', requested: target, after: target, change, impact: state.budgets.daily ?? state.budgets.lifetime ?? 0, reason: `${target === 'active' ? 'resume' : 'pause'}` };
}

function judgeMoney(judgedBefore: PlanEntry, input: PlanInput, state: EntityState, ctx: PlanContext): PlanEntry {
	const intent = input.intent;
	let entry = judgedBefore;
	if (intent.type !== 'budget' && intent.type !== 'bid') return entry;
	const current = entry.before as number | null;
	if (current === null) {
		const what = intent.type === 'bid' ? 'bid amount' : `${intent.budgetType} budget`;
		return reject(entry, `the ${state.ref.level} has no ${what} to change${intent.type === 'budget' ? ' (it may live on its campaign or its ad sets)' : ''}`);
	}
	if (intent.type === 'budget' && state.budgetShared) {
		// One shared budget funds several campaigns: a change here would move them all, outside every per-entity guardrail.
		return reject(entry, `the budget is shared by several campaigns (${state.budgetResource ?? 'shared budget'}); change it in Google Ads, where every campaign on it is visible`, { name: 'sharedBudget', limit: false, value: true, outcome: 'reject' });
	}
	const platform = input.action.platform;
	const perMajor = unitsPerMajor(platform, state.currency);
	const currentUnits = toUnits(current, perMajor);
	// Judge and report the amount the platform really holds, in whole units.
	entry = { ...entry, before: fromUnits(currentUnits, platform, state.currency) };
	const requestedUnits = intent.type === 'budget' && intent.percent !== undefined ? Math.round(currentUnits * (1 + intent.percent / 100)) : toUnits(intent.amount as number, perMajor);
	const requested = fromUnits(requestedUnits, platform, state.currency);
	if (requestedUnits === currentUnits) return { ...entry, decision: 'noop', requested, after: entry.before, reason: `already ${String(entry.before)} ${state.currency}` };
	const isBudget = intent.type === 'budget';
	const judged = judgeAmount({
		platform, currency: state.currency, perMajor, current: currentUnits, requested: requestedUnits,
		absolute: !(isBudget && intent.percent !== undefined),
		floors: [{ name: 'actionFloor', value: isBudget ? intent.floor : undefined }, { name: 'minBudget', value: isBudget ? (ctx.settings.minBudget ?? undefined) : undefined }],
		ceilings: [{ name: 'actionCeiling', value: isBudget ? intent.ceiling : undefined }, { name: 'maxBudget', value: isBudget ? (ctx.settings.maxBudget ?? undefined) : undefined }],
	}, ctx.settings);
	const judgedEntry = { ...entry, requested, guardrails: [...entry.guardrails, ...judged.checks] };
	if (judged.target === null) return reject(judgedEntry, judged.reject ?? 'rejected by the change guardrails');
	const after = fromUnits(judged.target, platform, state.currency);
	const change: Change = intent.type === 'bid'
		? { kind: 'bid', ref: state.ref, amount: after, currency: state.currency }
		: { kind: 'budget', ref: state.ref, budgetType: intent.budgetType, amount: after, currency: state.currency };
	const clamped = judged.target !== requestedUnits;
	return {
		...judgedEntry, after, change, decision: clamped ? 'clamp' : 'apply',
		impact: Math.abs(after - (entry.before as number)),
		dailyIncrease: isBudget && intent.budgetType === 'daily' && after > (entry.before as number) ? after - (entry.before as number) : 0,
		reason: clamped ? `${requested} ${state.currency} asked, clamped to ${after} by ${judged.checks.filter((c) => c.outcome === 'clamp').map((c) => c.name).join(', ')}` : `${String(entry.before)} → ${after} ${state.currency}`,
	};
}

/** Judges one action against its entity's state (or the reason it could not be read). */
export function judgeEntry(input: PlanInput, entityKey: string, state: EntityState | Error | undefined, ctx: PlanContext): PlanEntry {
	let entry = newEntry(input, entityKey);
	const { action, intent } = input;
	if (intent.type === 'notify') return { ...entry, decision: 'noop', reason: 'notify: passes through, nothing is applied' };
	if (intent.type === 'create') {
		// Creates are judged by create/ (they need the platform's template code); one reaching here was not.
		return reject(entry, `${action.platform} create actions of type ${JSON.stringify((action.params as { objectType?: unknown }).objectType)} are not supported by Ads Apply: Google campaignFromTemplate and Meta metaCampaignPlan are (everything is created PAUSED)`);
	}
	const appliedIn = ctx.appliedKeys?.get(action.idempotencyKey);
	if (appliedIn !== undefined) return { ...entry, decision: 'noop', reason: `already applied in run ${appliedIn} (same idempotencyKey)` };
	const accountCheck = allowedAccountCheck(action.accountId, ctx.settings);
	if (accountCheck.outcome === 'reject') return reject(entry, `account ${action.accountId} is not in Allowed Accounts`, accountCheck);
	entry.guardrails = [accountCheck];
	if (!state) return reject(entry, `${action.platform} ${action.level} ${action.entityId} was not read`);
	if (state instanceof Error) return reject(entry, state.message, undefined, 'entityId');
	entry = { ...entry, currency: state.currency, before: currentValue(entry, state) };
	if ((intent.type === 'budget' || intent.type === 'bid') && intent.currency !== state.currency) {
		return reject(entry, `params.currency is ${intent.currency} but account ${action.accountId} uses ${state.currency}`, undefined, 'params.currency');
	}
	if (intent.type === 'status') return judgeStatus(entry, input, state, ctx);
	const cooldown = cooldownCheck(input, state, ctx.history.get(entityKey) ?? [], ctx);
	entry.guardrails = [...entry.guardrails, cooldown.check];
	const judged = judgeMoney(entry, input, state, ctx);
	if (cooldown.reason && judged.decision !== 'noop' && judged.decision !== 'reject') return reject(judged, cooldown.reason);
	return judged;
}
