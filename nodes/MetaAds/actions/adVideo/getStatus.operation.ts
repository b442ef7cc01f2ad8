import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { maxThrottleWaitOption } from '../../transport';
import { uploadRuntime } from '../../uploads/runtime';
import { objectLocator } from '../common/fields';
import { getObjectId } from '../common/ids';
import { presentVideo, readVideo } from './present';

export const description: INodeProperties[] = [
	objectLocator({ name: 'videoId', label: 'Video', description: 'The video ID an upload returned' }),
	{
		displayName: 'Include Preferred Thumbnail',
		name: 'includeThumbnail',
		type: 'boolean',
		default: true,
		description: "Whether to add Meta's preferred thumbnail URL once the video is ready",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxThrottleWaitOption],
	},
];

/** One status read, for workflows that upload without waiting and poll later (e.g. with a Wait node loop). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const videoId = getObjectId(this, 'videoId', 'Video', itemIndex);
	const transport = uploadRuntime.transport;
	const video = await readVideo(this, videoId, itemIndex, transport);
	const withThumbnail = this.getNodeParameter('includeThumbnail', itemIndex, true) === true;
	const out = await presentVideo(this, video, withThumbnail ? { source: 'preferred' } : { source: 'none' }, itemIndex, transport);
	return { ...out, ready: out.status === 'ready' };
}
