import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { graphRequest, maxThrottleWaitOption } from '../../transport';
import { runResumableUpload, type UploadStats } from '../../uploads/resumableSession';
import { uploadRuntime } from '../../uploads/runtime';
import { waitUntilReady } from '../../uploads/statusPoller';
import { adAccountLocator } from '../common/locators';
import { getAdAccountId } from '../common/ids';
import { openVideoFile } from './binarySource';
import { presentVideo, readVideo, type VideoRead } from './present';
import { advideosApi } from './resumable';
import { readThumbnailChoice, thumbnailFields } from './thumbnail';
import { waitFields, readWaitTimeoutMs } from './wait';

export const description: INodeProperties[] = [
	adAccountLocator(),
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A video in a binary property of the input item (resumable chunked upload)' },
			{ name: 'URL', value: 'url', description: 'A public URL that Meta downloads itself (file_url)' },
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the video',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'Video URL',
		name: 'videoUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/ad.mp4',
		description: 'Meta fetches this URL itself, so it must be reachable from the internet. Checked when the node runs (Source may be an expression).',
		displayOptions: { show: { source: ['url'] } },
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Shown in the ad account video library' },
	...waitFields,
	...thumbnailFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxThrottleWaitOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accountId = getAdAccountId(this, itemIndex);
	const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
	const title = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim() || undefined;
	const wait = this.getNodeParameter('waitUntilReady', itemIndex, true) === true;
	const timeoutMs = wait ? readWaitTimeoutMs(this, itemIndex) : 0;
	const thumbnail = readThumbnailChoice(this, itemIndex);
	const transport = uploadRuntime.transport;

	let videoId: string;
	const upload: IDataObject = {};
	if (source === 'url') {
		const videoUrl = String(this.getNodeParameter('videoUrl', itemIndex, '') ?? '').trim();
		if (!/^https?:\/\//i.test(videoUrl)) {
			throw new NodeOperationError(this.getNode(), `Video URL on item ${itemIndex} must start with http:// or https://`, { itemIndex });
		}
		const body: IDataObject = { file_url: videoUrl };
		if (title) body.title = title;
		const created = await graphRequest<{ id?: string }>(this, { method: 'POST', path: `/${accountId}/advideos`, body, itemIndex, options: transport });
		videoId = String(created?.id ?? '');
		upload.method = 'file_url';
	} else if (source === 'binary') {
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const file = await openVideoFile(this, itemIndex, property);
		const result = await runResumableUpload({
			source: file.source,
			fileName: file.fileName,
			mimeType: file.mimeType,
			api: advideosApi(this, accountId, title, itemIndex, transport),
			scope: { node: this.getNode(), itemIndex },
		});
		videoId = result.videoId;
		Object.assign(upload, statsOf(result.stats), { method: 'resumable', readFrom: file.mode, fileSize: file.source.size, fileName: file.fileName });
	} else {
		throw new NodeOperationError(this.getNode(), `Source on item ${itemIndex} has an unknown value ${JSON.stringify(source)}`, { itemIndex });
	}
	if (videoId === '') throw new NodeOperationError(this.getNode(), `Meta did not return a video id on item ${itemIndex}`, { itemIndex });

	let video: VideoRead = { id: videoId, title, status: { video_status: 'processing' } };
	if (wait) {
		// Each poll reads every output field, so the last one is the answer.
		const polled = await waitUntilReady(
			async () => {
				video = await readVideo(this, videoId, itemIndex, transport);
				return video.status ?? {};
			},
			videoId,
			{ timeoutMs, sleep: uploadRuntime.sleep, now: uploadRuntime.now },
			{ node: this.getNode(), itemIndex },
		);
		upload.statusPolls = polled.polls;
		upload.waitedMs = polled.waitedMs;
	}
	return { ...(await presentVideo(this, video, thumbnail, itemIndex, transport)), accountId, upload };
}

function statsOf(stats: UploadStats): IDataObject {
	return { chunks: stats.chunks, bytesSent: stats.bytesSent, offsetResumes: stats.resumes, largestChunk: stats.largestChunk };
}
