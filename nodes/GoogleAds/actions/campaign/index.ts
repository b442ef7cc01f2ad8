import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as changeBudget from './changeBudget.operation';
import * as create from './create.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as pause from './pause.operation';
import * as remove from './remove.operation';
import * as setBudget from './setBudget.operation';

export const operations: ResourceOperations = { create, get, getMany, pause, enable, remove, setBudget, changeBudget };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{ name: 'Change Budget by %', value: 'changeBudget', action: 'Change a campaign budget by a percentage' },
			{ name: 'Create From Template', value: 'create', action: 'Create a campaign from a template' },
			{ name: 'Enable', value: 'enable', action: 'Enable a campaign' },
			{ name: 'Get', value: 'get', action: 'Get a campaign' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many campaigns' },
			{ name: 'Pause', value: 'pause', action: 'Pause a campaign' },
			{ name: 'Remove', value: 'remove', action: 'Remove a campaign' },
			{ name: 'Set Budget', value: 'setBudget', action: 'Set a campaign budget' },
		],
		default: 'getMany',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
