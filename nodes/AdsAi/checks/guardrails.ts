/** The limits the user set on the node; the model is told them and every answer is checked against them. */
export const AI_ACTION_KINDS = ['pause', 'resume', 'setBudget', 'changeBudgetByPercent', 'setBid', 'notify'] as const;
export type AiActionKind = (typeof AI_ACTION_KINDS)[number];

export interface Guardrails {
	allowedKinds: AiActionKind[];
	maxBudgetChangePercent: number;
	maxActions: number;
	minConfidence: number;
	/** Highest bid setBid may propose (major units); null = no cap beyond > 0. */
	maxBid: number | null;
}

export interface Dropped {
	entityId: string | null;
	kind: string | null;
	reason: string;
}
