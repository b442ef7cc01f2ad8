import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOutcome } from '../../../shared/n8n/operation';
import { search } from '../../transport';
import { runMutateBatch } from './batch';
import {
	budgetAmountOperation,
	budgetQuery,
	budgetWarnings,
	currentAmount,
	currentBudgetFromRow,
	type CurrentBudget,
} from './budget';
import { InputProblem, toItemError } from './errors';
import { readCampaignId, readCustomerId } from './fields';
import { moneyFields, microsString } from './money';
import { idOf } from './resourceNames';

/** The new amount for one item, from its current budget (major units). */
export type NewAmount = (itemIndex: number, current: CurrentBudget) => { amount: number; extra?: IDataObject };

interface Target {
	customerId: string;
	campaignId: string;
}

/**
 * Budget changes for many campaigns in two calls per customer: one GAQL read
 * of every budget (amount, shared flag, currency), then one
 * campaignBudgets:mutate. Shared budgets are changed and flagged in
 * `warnings`, since the change moves every campaign on them.
 */
export async function runBudgetBatch(ctx: IExecuteFunctions, itemIndexes: number[], newAmount: NewAmount): Promise<ItemOutcome[]> {
	const targets = new Map<number, Target | Error>();
	const byCustomer = new Map<string, number[]>();
	for (const itemIndex of itemIndexes) {
		try {
			const customerId = readCustomerId(ctx, itemIndex);
			const campaignId = readCampaignId(ctx, itemIndex, customerId);
			targets.set(itemIndex, { customerId, campaignId });
			byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), itemIndex]);
		} catch (error) {
			targets.set(itemIndex, toItemError(ctx, error, itemIndex));
		}
	}

	const budgets = new Map<string, CurrentBudget>();
	const readErrors = new Map<string, Error>();
	for (const [customerId, items] of byCustomer) {
		const ids = [...new Set(items.map((i) => (targets.get(i) as Target).campaignId))];
		try {
			const rows = await search<IDataObject>(ctx, customerId, budgetQuery(ids), { itemIndex: items[0] });
			for (const row of rows) {
				const budget = currentBudgetFromRow(row);
				if (budget) budgets.set(`${customerId}/${budget.campaignId}`, budget);
			}
		} catch (error) {
			readErrors.set(customerId, error as Error);
		}
	}

	// Which items change the same budget, to warn that the last one wins.
	const itemsByBudget = new Map<string, number[]>();
	for (const itemIndex of itemIndexes) {
		const target = targets.get(itemIndex);
		if (!target || target instanceof Error) continue;
		const budget = budgets.get(`${target.customerId}/${target.campaignId}`);
		if (budget) itemsByBudget.set(budget.budgetResourceName, [...(itemsByBudget.get(budget.budgetResourceName) ?? []), itemIndex]);
	}

	return await runMutateBatch(ctx, itemIndexes, (itemIndex) => {
		const target = targets.get(itemIndex);
		if (target instanceof Error) throw target;
		if (!target) throw new InputProblem('Campaign', 'missing');
		const readError = readErrors.get(target.customerId);
		if (readError) throw readError;
		const budget = budgets.get(`${target.customerId}/${target.campaignId}`);
		if (!budget) throw new InputProblem('Campaign', `${target.campaignId} not found in customer ${target.customerId}, or it has no budget`);
		const { amount, extra } = newAmount(itemIndex, budget);
		const others = (itemsByBudget.get(budget.budgetResourceName) ?? []).filter((i) => i !== itemIndex);
		return {
			customerId: target.customerId,
			resource: 'campaignBudgets',
			operations: [budgetAmountOperation(budget.budgetResourceName, amount)],
			output: (_results, validateOnly) => ({
				customerId: target.customerId,
				campaignId: target.campaignId,
				campaignName: budget.campaignName ?? null,
				budgetResourceName: budget.budgetResourceName,
				budgetId: idOf(budget.budgetResourceName),
				...moneyFields('previousBudget', budget.amountMicros),
				...moneyFields('budget', microsString(amount), budget.currency),
				explicitlyShared: budget.explicitlyShared,
				referenceCount: budget.referenceCount,
				...(extra ?? {}),
				warnings: budgetWarnings(budget, others),
				validateOnly,
				applied: !validateOnly,
			}),
		};
	});
}

export { currentAmount };
