import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as createResponsiveSearchAd from './create.operation';
import * as enable from './enable.operation';
import * as getMany from './getMany.operation';
import * as pause from './pause.operation';

export const operations: ResourceOperations = { createResponsiveSearchAd, getMany, pause, enable };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ad'] } },
		options: [
			{ name: 'Create Responsive Search Ad', value: 'createResponsiveSearchAd', action: 'Create a responsive search ad' },
			{ name: 'Enable', value: 'enable', action: 'Enable an ad' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many ads' },
			{ name: 'Pause', value: 'pause', action: 'Pause an ad' },
		],
		default: 'getMany',
	},
	...Object.values(operations).flatMap((op) => op.description),
];
