import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyPercentChange } from '../common/budget';
import { currentAmount, runBudgetBatch } from '../common/budgetBatch';
import { InputProblem } from '../common/errors';
import { campaignField, customerField, show } from '../common/fields';
import { optionalAmount } from '../common/money';
import { mutateOptionsProperty } from '../common/options';

const d = show('campaign', 'changeBudget');

export const description: INodeProperties[] = [
	customerField(d),
	campaignField(d),
	{
		displayName: 'Change (%)',
		name: 'percent',
		type: 'number',
		default: 10,
		required: true,
		description: '+20 raises the daily budget by 20 %, -15 lowers it by 15 %',
		displayOptions: d,
	},
	mutateOptionsProperty(
		{ resource: ['campaign'], operation: ['changeBudget'] },
		{
			extra: [
				{
					displayName: 'Floor',
					name: 'floor',
					type: 'number',
					typeOptions: { minValue: 0.01, numberPrecision: 2 },
					default: 1,
					description: "The new budget never goes below this (account's currency, major units)",
				},
				{
					displayName: 'Ceiling',
					name: 'ceiling',
					type: 'number',
					typeOptions: { minValue: 0.01, numberPrecision: 2 },
					default: 100,
					description: "The new budget never goes above this (account's currency, major units)",
				},
			],
		},
	),
];

function readPercent(raw: unknown): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputProblem('Change (%)', `must be a number, got ${JSON.stringify(raw ?? null)}`);
	if (value <= -100) throw new InputProblem('Change (%)', `${value} would leave no budget; pause the campaign instead`);
	return value;
}

export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runBudgetBatch(this, itemIndexes, (itemIndex, budget) => {
		const percent = readPercent(this.getNodeParameter('percent', itemIndex));
		const options = this.getNodeParameter('mutateOptions', itemIndex, {}) as IDataObject;
		const floor = optionalAmount(options.floor, 'Floor');
		const ceiling = optionalAmount(options.ceiling, 'Ceiling');
		const current = currentAmount(budget);
		if (current <= 0) throw new InputProblem('Campaign', `budget ${budget.budgetResourceName} is 0; use Set Budget`);
		const { amount, limitedBy } = applyPercentChange(current, percent, { floor, ceiling, field: 'Change (%)' });
		return { amount, extra: { percent, limitedBy } };
	});
}
