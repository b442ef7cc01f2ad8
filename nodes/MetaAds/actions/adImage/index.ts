import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/n8n/operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export const operations: ResourceOperations = { upload, getMany, delete: del };

const show = (operation: string) => (property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, resource: ['adImage'], operation: [operation] } },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adImage'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete an image by its hash', action: 'Delete an image' },
			{ name: 'Get Many', value: 'getMany', description: 'List the images of an ad account, optionally by hash', action: 'Get many images' },
			{ name: 'Upload', value: 'upload', description: 'Upload images from binary files or URLs and get their hashes', action: 'Upload images' },
		],
		default: 'upload',
	},
	...upload.description.map(show('upload')),
	...getMany.description.map(show('getMany')),
	...del.description.map(show('delete')),
];
