import type { IDataObject } from 'n8n-workflow';

import { fromGoogleMicros } from '../../../shared/money';
import { InputProblem } from './errors';
import { microsString } from './money';

/** Updates only the amount of a campaign budget. */
export function budgetAmountOperation(budgetResourceName: string, amountMajor: number): IDataObject {
	return { update: { resourceName: budgetResourceName, amountMicros: microsString(amountMajor) }, updateMask: 'amountMicros' };
}

export interface PercentChange {
	/** New amount in major units, rounded to the cent Google requires. */
	amount: number;
	/** Set when a floor or ceiling changed the result. */
	limitedBy: 'floor' | 'ceiling' | null;
}

/**
 * current × (1 + percent/100), held between floor and ceiling (major units).
 * A result of 0 or less is refused: Google would reject it, and it is never
 * meant (pausing is its own operation).
 */
export function applyPercentChange(
	current: number,
	percent: number,
	{ floor, ceiling, field = 'percent' }: { floor?: number; ceiling?: number; field?: string } = {},
): PercentChange {
	if (!Number.isFinite(percent)) throw new InputProblem(field, `must be a number, got ${JSON.stringify(percent)}`);
	if (floor !== undefined && ceiling !== undefined && floor > ceiling) {
		throw new InputProblem('floor', `${floor} is above the ceiling ${ceiling}`);
	}
	let amount = Math.round(current * (1 + percent / 100) * 100) / 100;
	let limitedBy: PercentChange['limitedBy'] = null;
	if (floor !== undefined && amount < floor) {
		amount = floor;
		limitedBy = 'floor';
	}
	if (ceiling !== undefined && amount > ceiling) {
		amount = ceiling;
		limitedBy = 'ceiling';
	}
	if (amount <= 0) {
		throw new InputProblem(field, `${percent} % of ${current} leaves a budget of ${amount}; set a floor or a smaller cut`);
	}
	return { amount, limitedBy };
}

/** What a budget read returns about the budget behind a campaign. */
export interface CurrentBudget {
	campaignId: string;
	campaignName?: string;
	budgetResourceName: string;
	amountMicros: string;
	explicitlyShared: boolean;
	referenceCount: number | null;
	currency: string | null;
}

export function currentBudgetFromRow(row: IDataObject): CurrentBudget | undefined {
	const campaign = (row.campaign ?? {}) as IDataObject;
	const budget = (row.campaignBudget ?? {}) as IDataObject;
	const customer = (row.customer ?? {}) as IDataObject;
	const name = (budget.resourceName ?? campaign.campaignBudget) as string | undefined;
	if (!name) return undefined;
	return {
		campaignId: String(campaign.id ?? ''),
		campaignName: campaign.name === undefined ? undefined : String(campaign.name),
		budgetResourceName: name,
		amountMicros: String(budget.amountMicros ?? '0'),
		explicitlyShared: budget.explicitlyShared === true,
		referenceCount: budget.referenceCount === undefined ? null : Number(budget.referenceCount),
		currency: customer.currencyCode === undefined ? null : String(customer.currencyCode),
	};
}

/** GAQL for the budgets behind some campaigns of one customer. */
export function budgetQuery(campaignIds: string[]): string {
	return (
		'SELECT campaign.id, campaign.name, campaign.campaign_budget, campaign_budget.resource_name, ' +
		'campaign_budget.amount_micros, campaign_budget.explicitly_shared, campaign_budget.reference_count, ' +
		`customer.currency_code FROM campaign WHERE campaign.id IN (${campaignIds.join(', ')})`
	);
}

/**
 * Warnings for the output item: a shared budget funds other campaigns too,
 * and several items may point at the same budget.
 */
export function budgetWarnings(budget: CurrentBudget, alsoChangedBy: number[] = []): string[] {
	const warnings: string[] = [];
	if (budget.explicitlyShared || (budget.referenceCount ?? 1) > 1) {
		const count = budget.referenceCount === null ? 'several' : String(budget.referenceCount);
		warnings.push(
			`Budget ${budget.budgetResourceName} is shared by ${count} campaigns; this change applies to all of them, not only campaign ${budget.campaignId}.`,
		);
	}
	if (alsoChangedBy.length) {
		warnings.push(`Items ${alsoChangedBy.join(', ')} change the same budget in this run; the last one wins.`);
	}
	return warnings;
}

export function currentAmount(budget: CurrentBudget): number {
	return fromGoogleMicros(budget.amountMicros);
}
