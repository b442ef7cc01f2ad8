/** A finding: one thing worth telling people, whatever node produced it. */
export type Severity = 'info' | 'warning' | 'critical';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export type FindingSource = 'action' | 'anomaly' | 'ruleLog' | 'applyAudit' | 'metaEvent';

/** How a number is shown: money in its currency, a ratio as %, a multiple (ROAS), or a plain count. */
export type NumberUnit = { kind: 'money'; currency: string } | { kind: 'percent' } | { kind: 'multiple' } | { kind: 'count' } | { kind: 'text' };

export interface FindingNumber {
	label: string;
	/** Already formatted with its unit, e.g. "45.20 USD", "1.35 %", "2.10×". */
	value: string;
	/** The value before, formatted, when the number changed or is compared. */
	before?: string;
	/** Signed relative change, e.g. "+20.0 %". */
	change?: string;
}

export interface Finding {
	source: FindingSource;
	/** What happened, in a word or two: "pause", "cpa spike", "with_issues_ad_objects"... Part of the dedupe key. */
	kind: string;
	severity: Severity;
	platform: string;
	accountId: string;
	accountName: string | null;
	level: string;
	entityId: string;
	entityName: string | null;
	/** One line: what happened to which entity. */
	title: string;
	/** Why, in the producing node's words. */
	reason: string;
	numbers: FindingNumber[];
	/** Ads Manager or Google Ads UI link, when one can be built. */
	link: string | null;
	/** ISO time of the decision, detection or event. */
	at: string | null;
	/** Same entity + kind → same key (severity is compared, not keyed). */
	key: string;
	/** Input item the finding came from (pairedItem). */
	itemIndex: number;
}
