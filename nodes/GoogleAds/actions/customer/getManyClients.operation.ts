import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/n8n/operation';
import { customerLocator, readCustomerLocator } from '../common/locators';
import { search } from '../../transport';
import { CLIENT_FIELDS, clientItem } from './fields';
import { returnAllFields } from '../../../shared/n8n/descriptions';

const show = { show: { resource: ['customer'], operation: ['getManyClients'] } };

export const description: INodeProperties[] = [
	customerLocator(show, 'Manager'),
	{
		displayName: 'Direct Clients Only',
		name: 'directOnly',
		type: 'boolean',
		default: false,
		displayOptions: show,
		description: 'Whether to list only accounts directly under this manager, not those under sub-managers',
	},
	{
		displayName: 'Include Managers',
		name: 'includeManagers',
		type: 'boolean',
		default: false,
		displayOptions: show,
		description: 'Whether to include sub-manager accounts (they have no metrics of their own)',
	},
	{
		displayName: 'Include Hidden and Cancelled',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		displayOptions: show,
		description: 'Whether to include hidden, cancelled and suspended accounts',
	},
	...returnAllFields(show, { returnAllDefault: true }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const managerId = readCustomerLocator(this, itemIndex);
	const directOnly = this.getNodeParameter('directOnly', itemIndex, false) as boolean;
	const includeManagers = this.getNodeParameter('includeManagers', itemIndex, false) as boolean;
	const includeInactive = this.getNodeParameter('includeInactive', itemIndex, false) as boolean;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, true) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const conditions = [directOnly ? 'customer_client.level = 1' : 'customer_client.level >= 1'];
	if (!includeManagers) conditions.push('customer_client.manager = FALSE');
	if (!includeInactive) conditions.push("customer_client.status = 'ENABLED'", 'customer_client.hidden = FALSE');
	const query = `SELECT ${CLIENT_FIELDS.join(', ')} FROM customer_client WHERE ${conditions.join(' AND ')} ORDER BY customer_client.level, customer_client.id`;
	const rows = await search(this, managerId, query, { itemIndex, returnAll, limit });
	return rows.map((row) => clientItem(row, managerId));
}
