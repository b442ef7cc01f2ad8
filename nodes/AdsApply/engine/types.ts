/**
 * The vocabulary of a plan. Everything in `engine/` is pure (no I/O, no
 * clock, no process memory): given actions, the platforms' current states,
 * their change history and the settings, it decides what may be sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { AdAction, BudgetType } from '../../shared/contracts/action';
import type { Change, EntityState, HistoryEvent } from '../../shared/platforms/platform';

export interface GuardrailSettings {
	/** Largest change per action, % of the current budget or bid. */
	maxChangePercent: number;
	/** Largest change per action in money (each account's currency, major units). */
	maxChangeAmount: number;
	/** No budget below this (major units); null = none. */
	minBudget: number | null;
	/** No budget above this (major units); null = none. */
	maxBudget: number | null;
	/** Largest sum of daily budget increases per account per run (major units). */
	maxDailyIncreasePerAccount: number;
	/** Accounts actions may touch; empty = every account the credential reaches. */
	allowedAccounts: string[];
	/** `resume` is rejected unless true. */
	allowActivation: boolean;
	/** Changes per run; the rest are rejected, highest priority / largest impact kept. */
	maxActions: number;
	/** No second budget or bid change of an entity within this many hours. */
	cooldownHours: number;
	/** Meta refuses more budget changes per ad set per rolling hour. */
	metaBudgetChangesPerHour: number;
}

export const DEFAULT_GUARDRAILS: GuardrailSettings = {
	maxChangePercent: 20,
	maxChangeAmount: 500,
	minBudget: 1,
	maxBudget: null,
	maxDailyIncreasePerAccount: 1000,
	allowedAccounts: [],
	allowActivation: false,
	maxActions: 100,
	cooldownHours: 24,
	metaBudgetChangesPerHour: 4,
};

/** What an action asks for, in the platform-neutral form the guardrails judge. */
export type Intent =
	| { type: 'status'; status: 'active' | 'paused' }
	| { type: 'budget'; budgetType: BudgetType; amount?: number; percent?: number; floor?: number; ceiling?: number; currency: string }
	| { type: 'bid'; amount: number; currency: string }
	| { type: 'notify' }
	| { type: 'create' };

/** The property of an entity a change sets: two changes of one property of one entity are duplicates. */
export type Property = 'status' | 'budget.daily' | 'budget.lifetime' | 'bid' | 'create';

export type Decision = 'apply' | 'clamp' | 'reject' | 'noop';

/** One guardrail as judged for one action: its limit, the value seen and what it did. */
export interface GuardrailCheck {
	name: string;
	limit: number | string | boolean | null;
	value: number | string | boolean | null;
	outcome: 'pass' | 'clamp' | 'reject';
	note?: string;
}

/** One action, ready to be judged: its input item, parsed intent and entity. */
export interface PlanInput {
	itemIndex: number;
	action: AdAction;
	intent: Intent;
	/** Set when the action reverts an earlier change (cooldowns do not block an undo). */
	revertOf?: string;
}

/** A scalar view of the property: a budget or bid in major units, or a status word. */
/** …or, for a create, `campaign "<name>" (<spec hash>)`. */
export type PropertyValue = number | 'active' | 'paused' | 'removed' | 'other' | `campaign ${string}` | null;

export interface PlanEntry {
	itemIndex: number;
	action: AdAction;
	entityKey: string;
	property: Property | null;
	currency: string | null;
	before: PropertyValue;
	after: PropertyValue;
	/** What the action asked for, as an absolute target, before guardrails. */
	requested: PropertyValue;
	decision: Decision;
	guardrails: GuardrailCheck[];
	reason: string;
	/** The change to send (decision apply or clamp only). */
	change?: Change;
	/** A create to send instead of a change (decision apply only). */
	create?: GoogleCreateSpec | MetaCreateSpec;
	/** For ranking and the per-account cap: money this change adds to daily budgets (≥ 0). */
	dailyIncrease: number;
	/** Largest impact first when the run holds more actions than allowed. */
	impact: number;
	/** Bad input: the field that is wrong (for error items). */
	badField?: string;
	revertOf?: string;
}

/** Google campaign from template: one atomic mutate. */
export interface GoogleCreateSpec {
	platform: 'google';
	customerId: string;
	operations: IDataObject[];
}

/** Meta campaign plan: the four Graph bodies, created in order (create/meta.ts). */
export interface MetaCreateSpec {
	platform: 'meta';
	accountId: string;
	bodies: Record<'campaign' | 'creative' | 'adSet' | 'ad', IDataObject>;
}

/** Everything the planner needs besides the actions. */
export interface PlanContext {
	settings: GuardrailSettings;
	/** Current state by entity key, or why it could not be read. */
	states: Map<string, EntityState | Error>;
	/** Platform history and recent audit rows, by entity key. */
	history: Map<string, HistoryEvent[]>;
	/** idempotencyKey → run that already applied it (from audit rows on the second input). */
	appliedKeys?: Map<string, string>;
	nowMs: number;
}
