import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/n8n/operation';
import { getLocatorValue } from '../../../shared/n8n/parameters';
import { graphRequest, maxThrottleWaitOption, normalizeAdAccountId } from '../../transport';
import { adAccountLocator } from '../common/locators';
import { AD_ACCOUNT_FIELDS, formatAdAccount } from './format';

const show = { show: { resource: ['adAccount'], operation: ['get'] } };

export const description: INodeProperties[] = [
	{ ...adAccountLocator(), displayOptions: show },
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const accountId = normalizeAdAccountId(getLocatorValue(this, 'adAccountId', itemIndex), itemIndex, this.getNode());
	const raw = await graphRequest<IDataObject>(this, {
		method: 'GET',
		path: `/${accountId}`,
		qs: { fields: AD_ACCOUNT_FIELDS },
		itemIndex,
	});
	return formatAdAccount(raw);
}
