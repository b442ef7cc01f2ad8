/**
 * The validated rule model the engine runs on. Raw JSON (from the UI list,
 * the "Rules (JSON)" parameter or a preset) becomes this shape only through
 * `schema.ts`, so the evaluator never re-checks types.
 */
import type { BudgetType, EntityLevel, MetricName, NotifySeverity } from '../../shared/contracts';
import type { Window } from '../../shared/analysis/windows';

/** Row metrics plus the entity attributes a rule may compare. */
export type AttributeMetric = 'daysSinceCreated' | 'dailyBudget' | 'lifetimeBudget';
export type RuleMetric = MetricName | AttributeMetric;

export type Operator = '>' | '>=' | '<' | '<=' | '=' | '!=' | 'between' | 'notBetween';

// Look-back windows are the shared analysis module's; rules name them.
export type { Window };

/** What the metric is compared with. */
export type Comparand =
	| { kind: 'constant'; value: number }
	| { kind: 'range'; low: number; high: number }
	/** Another metric (same entity) times a multiplier: spend > 2 × dailyBudget. */
	| { kind: 'metric'; metric: RuleMetric; window: Window; multiplier: number }
	/** A named rule parameter times a multiplier: cpa > 1.5 × targetCpa. */
	| { kind: 'param'; param: string; value: number; multiplier: number };

/** Turns the left side into something other than the plain metric value. */
export type LeftTransform =
	| { kind: 'value' }
	/** current / previous window (1.2 = +20 %). */
	| { kind: 'changeRatio' }
	/** (current − previous) / previous × 100. */
	| { kind: 'changePercent' }
	/** Rank among peers of the same level (and account): 1 = lowest ('bottom') or highest ('top'). */
	| { kind: 'rank'; direction: 'bottom' | 'top'; scope: 'account' | 'all' }
	/** The comparison must hold on every single day of the window (a missing day fails). */
	| { kind: 'eachDay' };

export interface Condition {
	type: 'condition';
	/** JSON path of this condition, for the log and error messages. */
	path: string;
	metric: RuleMetric;
	window: Window;
	left: LeftTransform;
	operator: Operator;
	right: Comparand;
}

export type ConditionNode =
	| Condition
	| { type: 'all'; path: string; children: ConditionNode[] }
	| { type: 'any'; path: string; children: ConditionNode[] }
	| { type: 'not'; path: string; child: ConditionNode };

export interface Gates {
	minImpressions: number;
	minSpend: number;
	minConversions: number;
	window: Window;
}

export type RuleAction =
	| { kind: 'pause' }
	| { kind: 'resume' }
	| {
			kind: 'changeBudgetByPercent';
			percent: number;
			budgetType: BudgetType;
			floor: number | null;
			ceiling: number | null;
			/** Largest allowed |change| in % of the current budget. */
			maxPercent: number | null;
	  }
	| { kind: 'setBudget'; amount: number; budgetType: BudgetType; floor: number | null; ceiling: number | null; maxPercent: number | null }
	| { kind: 'setBid'; amount: number }
	| { kind: 'notify'; message: string; severity: NotifySeverity };

export interface Cooldown {
	/** At most once per this many hours per entity (0 = no limit). */
	hours: number;
	/** At most this many times per rolling 7 days per entity (0 = no limit). */
	maxPerWeek: number;
}

export interface Rule {
	name: string;
	id: string | null;
	/** Position in the combined rule list; breaks priority ties. */
	index: number;
	enabled: boolean;
	level: EntityLevel;
	/** Default window of the rule's conditions and gates. */
	window: Window;
	conditions: ConditionNode;
	gates: Gates | null;
	actions: RuleAction[];
	cooldown: Cooldown;
	priority: number;
	params: Record<string, number>;
	allowActivation: boolean;
	/** Limits which entities the rule looks at. */
	scope: { accountIds: string[]; nameContains: string | null };
}

export interface EngineOptions {
	/** Reference day `YYYY-MM-DD`; default: the latest date in the data. */
	referenceDate: string | null;
	/** 'all': every matching rule acts; 'firstMatch': only the highest-priority matching rule per entity. */
	matchMode: 'all' | 'firstMatch';
	/** Global cap on |budget change| in %, applied on top of each action's own cap. */
	maxBudgetChangePercent: number | null;
	/** Keep the per-entity, per-rule log (costs memory on big inputs). */
	decisionLog: boolean;
	/** Wall-clock time of the run (cooldowns, `decidedAt`). */
	now: number;
}
