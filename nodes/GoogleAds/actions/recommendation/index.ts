import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as apply from './apply.operation';
import * as dismiss from './dismiss.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany, apply, dismiss };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recommendation'] } },
		options: [
			{ name: 'Apply', value: 'apply', action: 'Apply a recommendation' },
			{ name: 'Dismiss', value: 'dismiss', action: 'Dismiss a recommendation' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many recommendations' },
		],
		default: 'getMany',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
