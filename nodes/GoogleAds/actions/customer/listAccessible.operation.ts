import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/n8n/operation';
import { googleAdsRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** Customers the signed-in user reaches directly (no manager needed for this call). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { resourceNames = [] } = await googleAdsRequest<{ resourceNames?: string[] }>(this, {
		method: 'GET',
		path: 'customers:listAccessibleCustomers',
		itemIndex,
	});
	return resourceNames.map((resourceName): IDataObject => ({ customerId: resourceName.split('/')[1], resourceName }));
}
