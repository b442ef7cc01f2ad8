import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { checkAmount, fromMetaMinorUnits, parseAmount, toMetaMinorUnits } from '../../../shared/money';
import { getMinimumDailyBudget } from './account';

export type BudgetType = 'daily' | 'lifetime';

export const budgetField: Record<BudgetType, 'daily_budget' | 'lifetime_budget'> = {
	daily: 'daily_budget',
	lifetime: 'lifetime_budget',
};

// The package's one amount parser, under the name this kit's operations import.
export { parseAmount };

/**
 * A positive money amount in major units, rejected before any API call when
 * it is not numeric or not above zero, naming the field and the item.
 */
export function readPositiveAmount(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	const checked = checkAmount(ctx.getNodeParameter(name, itemIndex) as unknown);
	if ('problem' in checked) throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} ${checked.problem}`, { itemIndex });
	return checked.value;
}

/** An optional positive amount: empty means "not set". */
export function readOptionalAmount(raw: unknown, ctx: IExecuteFunctions, itemIndex: number, label: string): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const value = parseAmount(raw);
	if (value === undefined || value <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} must be a number greater than 0, got ${JSON.stringify(raw)}`, {
			itemIndex,
		});
	}
	return value;
}

export function formatMoney(minor: number, currency: string): string {
	return `${fromMetaMinorUnits(minor, currency)} ${currency}`;
}

/**
 * Converts a budget to Meta minor units and refuses it when it rounds to
 * nothing or sits below the account's daily minimum (daily budgets only:
 * Meta publishes no lifetime minimum, the object answers that itself).
 */
export async function budgetToMinor(
	ctx: IExecuteFunctions,
	options: { amount: number; currency: string; type: BudgetType; accountId: string; label: string; itemIndex: number },
): Promise<number> {
	const { amount, currency, type, accountId, label, itemIndex } = options;
	const minor = toMetaMinorUnits(amount, currency);
	if (minor < 1) {
		throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} is ${amount} ${currency}, which is less than the smallest unit`, {
			itemIndex,
		});
	}
	if (type === 'daily') {
		const minimum = await getMinimumDailyBudget(ctx, accountId, currency, itemIndex);
		if (minimum !== undefined && minor < minimum) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label} on item ${itemIndex} is ${formatMoney(minor, currency)}, below the account minimum daily budget of ${formatMoney(minimum, currency)}`,
				{ itemIndex, description: `Ad account ${accountId} does not accept daily budgets under ${formatMoney(minimum, currency)}.` },
			);
		}
	}
	return minor;
}

/**
 * The new budget (minor units) after changing the old one by `percent`,
 * kept within the optional floor and ceiling (major units).
 */
export function changeByPercent(options: {
	oldMinor: number;
	percent: number;
	currency: string;
	floor?: number;
	ceiling?: number;
}): number {
	const { oldMinor, percent, currency, floor, ceiling } = options;
	let next = Math.round(oldMinor * (1 + percent / 100));
	if (floor !== undefined) next = Math.max(next, toMetaMinorUnits(floor, currency));
	if (ceiling !== undefined) next = Math.min(next, toMetaMinorUnits(ceiling, currency));
	return next;
}
