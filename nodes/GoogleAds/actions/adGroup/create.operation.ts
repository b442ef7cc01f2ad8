import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutateBatch } from '../common/batch';
import { InputProblem } from '../common/errors';
import { campaignField, customerField, readCampaignId, readCustomerId, show } from '../common/fields';
import { microsString, moneyFields, optionalAmount } from '../common/money';
import { amountField } from '../../../shared/n8n/descriptions';
import { mutateOptionsProperty } from '../common/options';
import { idOf, resourceName, resultResourceName } from '../common/resourceNames';

const d = show('adGroup', 'create');

export const description: INodeProperties[] = [
	customerField(d),
	campaignField(d),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: d },
	amountField({ displayName: 'Max CPC Bid', name: 'cpcBid', description: "Default max cost per click in the account's currency (major units). 0 leaves Google's default. Used by manual CPC bidding.", displayOptions: d }),
	mutateOptionsProperty({ resource: ['adGroup'], operation: ['create'] }),
];

/** Creates ad groups (PAUSED, Search standard), all items in one adGroups:mutate. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runMutateBatch(this, itemIndexes, (itemIndex) => {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readCampaignId(this, itemIndex, customerId);
		const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
		if (name === '') throw new InputProblem('Name', 'is empty');
		const rawBid = this.getNodeParameter('cpcBid', itemIndex, 0);
		const cpcBid = rawBid === 0 || rawBid === '0' ? undefined : optionalAmount(rawBid, 'Max CPC Bid');
		return {
			customerId,
			resource: 'adGroups',
			operations: [
				{
					create: {
						campaign: resourceName(customerId, 'campaigns', campaignId),
						name,
						status: 'PAUSED',
						type: 'SEARCH_STANDARD',
						...(cpcBid !== undefined ? { cpcBidMicros: microsString(cpcBid) } : {}),
					},
				},
			],
			output: (results, validateOnly) => {
				const created = resultResourceName(results[0]);
				return {
					customerId,
					campaignId,
					name,
					status: 'PAUSED',
					resourceName: created,
					id: idOf(created),
					...moneyFields('cpcBid', cpcBid === undefined ? undefined : microsString(cpcBid)),
					validateOnly,
				};
			},
		};
	});
}
