import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as get from './get.operation';
import * as getManyClients from './getManyClients.operation';
import * as listAccessible from './listAccessible.operation';

export const operations: ResourceOperations = { listAccessible, get, getManyClients };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a customer', description: 'Name, currency, time zone and type of one account' },
			{ name: 'Get Many Clients', value: 'getManyClients', action: 'Get many client accounts of a manager', description: 'The customer_client hierarchy under a manager' },
			{ name: 'List Accessible', value: 'listAccessible', action: 'List accessible customers', description: 'Accounts the signed-in user can reach directly' },
		],
		default: 'getManyClients',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
