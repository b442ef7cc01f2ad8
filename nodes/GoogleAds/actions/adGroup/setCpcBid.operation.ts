import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutateBatch } from '../common/batch';
import { adGroupField, customerField, readAdGroupId, readCustomerId, show } from '../common/fields';
import { microsString, moneyFields, requireAmount } from '../common/money';
import { mutateOptionsProperty } from '../common/options';
import { resourceName } from '../common/resourceNames';

const d = show('adGroup', 'setCpcBid');

export const description: INodeProperties[] = [
	customerField(d),
	adGroupField(d),
	{
		displayName: 'Max CPC Bid',
		name: 'cpcBid',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		required: true,
		description: "New default max cost per click in the account's currency (major units). Only manual CPC bidding uses it.",
		displayOptions: d,
	},
	mutateOptionsProperty({ resource: ['adGroup'], operation: ['setCpcBid'] }),
];

/** Sets ad group bids; every item is one update in ONE adGroups:mutate. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runMutateBatch(this, itemIndexes, (itemIndex) => {
		const customerId = readCustomerId(this, itemIndex);
		const adGroupId = readAdGroupId(this, itemIndex, customerId);
		const bid = requireAmount(this.getNodeParameter('cpcBid', itemIndex), 'Max CPC Bid');
		const name = resourceName(customerId, 'adGroups', adGroupId);
		return {
			customerId,
			resource: 'adGroups',
			operations: [{ update: { resourceName: name, cpcBidMicros: microsString(bid) }, updateMask: 'cpcBidMicros' }],
			output: (_results, validateOnly) => ({
				customerId,
				resourceName: name,
				id: adGroupId,
				...moneyFields('cpcBid', microsString(bid)),
				validateOnly,
				applied: !validateOnly,
			}),
		};
	});
}
