import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adAccount'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an ad account', action: 'Get an ad account' },
			{ name: 'Get Many', value: 'getMany', description: 'Get the ad accounts the token can access', action: 'Get many ad accounts' },
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
