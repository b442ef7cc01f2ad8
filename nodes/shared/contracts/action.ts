/**
 * The action: what every decision node (Ads Rules, Ads Analytics, AI
 * Recommendations) emits and what Apply consumes. An action is a proposal;
 * only Apply, with its guardrails, turns it into a platform change.
 *
 * Money in `params` is in MAJOR units of `params.currency`; Apply converts to
 * Meta minor units or Google micros at the edge.
 */
import type { AdPlatform, EntityLevel } from './metricRow';

export const ACTION_SCHEMA = 'adpilot.action/v1' as const;

export type ActionKind =
	| 'pause'
	| 'resume'
	| 'setBudget'
	| 'changeBudgetByPercent'
	| 'setBid'
	| 'notify'
	| 'create';

export const ACTION_KINDS: readonly ActionKind[] = [
	'pause',
	'resume',
	'setBudget',
	'changeBudgetByPercent',
	'setBid',
	'notify',
	'create',
];

export type BudgetType = 'daily' | 'lifetime';

export interface SetBudgetParams {
	budgetType: BudgetType;
	/** New budget, major units of `currency`. */
	amount: number;
	currency: string;
	/** The budget when the action was decided, if known (major units). */
	currentAmount?: number | null;
}

export interface ChangeBudgetByPercentParams {
	budgetType: BudgetType;
	/** +20 raises by 20 %, -15 lowers by 15 %. */
	percent: number;
	currency: string;
	/** The resulting budget never goes below this (major units). */
	floor?: number | null;
	/** The resulting budget never goes above this (major units). */
	ceiling?: number | null;
	currentAmount?: number | null;
}

export interface SetBidParams {
	/** Bid amount (Meta bid cap / Google max CPC), major units of `currency`. */
	amount: number;
	currency: string;
	currentAmount?: number | null;
}

export type NotifySeverity = 'info' | 'warning' | 'critical';

export interface NotifyParams {
	message: string;
	severity: NotifySeverity;
}

export interface CreateParams {
	/** What to create, e.g. 'campaignFromTemplate'. */
	objectType: string;
	/** The platform-specific spec (for Google, a campaign template). */
	spec: Record<string, unknown>;
}

/** A compared value behind a decision, so every action explains itself. */
export interface Evidence {
	/** e.g. 'cpa over last_7d'. */
	label: string;
	left: number | string | null;
	operator: string;
	right: number | string | null;
	result: boolean;
}

export type ActionSource =
	| { type: 'rule'; ruleName: string; ruleId?: string }
	| { type: 'ai'; model: string; confidence: number }
	| { type: 'analytics'; operation: string }
	| { type: 'manual' };

interface ActionBase {
	schema: typeof ACTION_SCHEMA;
	platform: AdPlatform;
	/** Meta: numeric id without `act_`; Google: customer id without dashes. */
	accountId: string;
	level: EntityLevel;
	entityId: string;
	entityName?: string | null;
	reason: string;
	evidence: Evidence[];
	source: ActionSource;
	/** Same decision about the same entity on the same day → same key; Apply skips repeats. */
	idempotencyKey: string;
	/** ISO timestamp of the decision. */
	decidedAt: string;
}

export type AdAction =
	| (ActionBase & { kind: 'pause'; params: Record<string, never> })
	| (ActionBase & { kind: 'resume'; params: Record<string, never> })
	| (ActionBase & { kind: 'setBudget'; params: SetBudgetParams })
	| (ActionBase & { kind: 'changeBudgetByPercent'; params: ChangeBudgetByPercentParams })
	| (ActionBase & { kind: 'setBid'; params: SetBidParams })
	| (ActionBase & { kind: 'notify'; params: NotifyParams })
	| (ActionBase & { kind: 'create'; params: CreateParams });

export type ActionParamsOf<K extends ActionKind> = Extract<AdAction, { kind: K }>['params'];
