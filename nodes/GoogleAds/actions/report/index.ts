import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as get from './get.operation';

export const operations: ResourceOperations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a report',
				description: 'Metrics by campaign, ad group, ad or keyword, from the builder or a GAQL query (streamed)',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
