import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as add from './add.operation';
import * as addNegative from './addNegative.operation';
import * as getMany from './getMany.operation';
import * as pause from './pause.operation';
import * as remove from './remove.operation';

export const operations: ResourceOperations = { add, addNegative, getMany, pause, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['keyword'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add a keyword' },
			{ name: 'Add Negative', value: 'addNegative', action: 'Add a negative keyword' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many keywords' },
			{ name: 'Pause', value: 'pause', action: 'Pause a keyword' },
			{ name: 'Remove', value: 'remove', action: 'Remove a keyword' },
		],
		default: 'getMany',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
