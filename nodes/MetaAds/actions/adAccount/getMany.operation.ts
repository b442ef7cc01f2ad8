import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/n8n/operation';
import { graphPaginate, maxThrottleWaitOption } from '../../transport';
import { AD_ACCOUNT_FIELDS, formatAdAccount } from './format';
import { returnAllFields } from '../../../shared/n8n/descriptions';

const show = { show: { resource: ['adAccount'], operation: ['getMany'] } };

export const description: INodeProperties[] = [
	...returnAllFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [maxThrottleWaitOption],
	},
];

/** Every ad account the token can see (`me/adaccounts`), across all pages. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const rows = await graphPaginate<IDataObject>(this, {
		path: '/me/adaccounts',
		qs: { fields: AD_ACCOUNT_FIELDS },
		returnAll,
		limit,
		pageSize: 100,
		itemIndex,
	});
	return rows.map(formatAdAccount);
}
