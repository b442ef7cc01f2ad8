import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runBudgetBatch } from '../common/budgetBatch';
import { campaignField, customerField, show } from '../common/fields';
import { requireAmount } from '../common/money';
import { mutateOptionsProperty } from '../common/options';

const d = show('campaign', 'setBudget');

export const description: INodeProperties[] = [
	customerField(d),
	campaignField(d),
	{
		displayName: 'Daily Budget',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		required: true,
		description: "New daily budget in the account's currency (major units: 12.5 means 12.50)",
		displayOptions: d,
	},
	mutateOptionsProperty({ resource: ['campaign'], operation: ['setBudget'] }),
];

export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runBudgetBatch(this, itemIndexes, (itemIndex) => ({
		amount: requireAmount(this.getNodeParameter('amount', itemIndex), 'Daily Budget'),
	}));
}
