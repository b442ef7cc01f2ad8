import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as create from './create.operation';
import * as enable from './enable.operation';
import * as getMany from './getMany.operation';
import * as pause from './pause.operation';
import * as setCpcBid from './setCpcBid.operation';

export const operations: ResourceOperations = { create, getMany, pause, enable, setCpcBid };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adGroup'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an ad group' },
			{ name: 'Enable', value: 'enable', action: 'Enable an ad group' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many ad groups' },
			{ name: 'Pause', value: 'pause', action: 'Pause an ad group' },
			{ name: 'Set CPC Bid', value: 'setCpcBid', action: 'Set an ad group CPC bid' },
		],
		default: 'getMany',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
