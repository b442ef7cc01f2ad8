import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as getStatus from './getStatus.operation';
import * as upload from './upload.operation';

export const operations: ResourceOperations = { upload, getStatus };

const show = (operation: string) => (property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, resource: ['adVideo'], operation: [operation] } },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adVideo'] } },
		options: [
			{ name: 'Get Status', value: 'getStatus', description: 'Read processing status, length and thumbnail of a video', action: 'Get the status of a video' },
			{ name: 'Upload', value: 'upload', description: 'Upload a video from a binary file or a URL', action: 'Upload a video' },
		],
		default: 'upload',
	},
	...upload.description.map(show('upload')),
	...getStatus.description.map(show('getStatus')),
];
