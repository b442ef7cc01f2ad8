import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as get from './get.operation';

export const operations: ResourceOperations = { get };

const showFor = { resource: ['insights'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insights'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get insights',
				description: 'Get performance metrics as normalized metric rows (sync or async report jobs)',
			},
		],
		default: 'get',
	},
	...get.description.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...showFor } },
	})),
];
