import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/n8n/operation';
import { customerLocator, readCustomerLocator } from '../common/locators';
import { search } from '../../transport';
import { CUSTOMER_FIELDS, customerItem } from './fields';

const show = { show: { resource: ['customer'], operation: ['get'] } };

export const description: INodeProperties[] = [customerLocator(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const customerId = readCustomerLocator(this, itemIndex);
	const rows = await search(this, customerId, `SELECT ${CUSTOMER_FIELDS.join(', ')} FROM customer LIMIT 1`, { itemIndex });
	if (!rows.length) throw new NodeOperationError(this.getNode(), `Customer ${customerId} was not found`, { itemIndex });
	return customerItem(rows[0]);
}
