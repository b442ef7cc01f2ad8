import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ThumbnailChoice } from './present';

export const thumbnailFields: INodeProperties[] = [
	{
		displayName: 'Thumbnail',
		name: 'thumbnailSource',
		type: 'options',
		options: [
			{ name: "Meta's Preferred Thumbnail", value: 'preferred', description: 'Picked by Meta once the video is processed' },
			{ name: 'Image Hash', value: 'hash', description: 'An image uploaded with Ad Image → Upload' },
			{ name: 'Image URL', value: 'url' },
			{ name: 'None', value: 'none' },
		],
		default: 'preferred',
		description: 'Video ads need a thumbnail; the output carries it for the Ad Creative step',
	},
	{
		displayName: 'Thumbnail Image Hash',
		name: 'thumbnailImageHash',
		type: 'string',
		default: '',
		displayOptions: { show: { thumbnailSource: ['hash'] } },
	},
	{
		displayName: 'Thumbnail Image URL',
		name: 'thumbnailImageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/thumbnail.jpg',
		displayOptions: { show: { thumbnailSource: ['url'] } },
	},
];

export function readThumbnailChoice(ctx: IExecuteFunctions, itemIndex: number): ThumbnailChoice {
	const source = ctx.getNodeParameter('thumbnailSource', itemIndex, 'preferred') as string;
	if (source === 'none' || source === 'preferred') return { source };
	if (source === 'hash' || source === 'url') {
		const name = source === 'hash' ? 'thumbnailImageHash' : 'thumbnailImageUrl';
		const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
		if (value === '') {
			throw new NodeOperationError(ctx.getNode(), `Thumbnail Image ${source === 'hash' ? 'Hash' : 'URL'} is required on item ${itemIndex}`, { itemIndex });
		}
		if (source === 'url' && !/^https?:\/\//i.test(value)) {
			throw new NodeOperationError(ctx.getNode(), `Thumbnail Image URL on item ${itemIndex} must start with http:// or https://`, { itemIndex });
		}
		return source === 'hash' ? { source, hash: value } : { source, url: value };
	}
	throw new NodeOperationError(ctx.getNode(), `Thumbnail on item ${itemIndex} has an unknown value ${JSON.stringify(source)}`, { itemIndex });
}
