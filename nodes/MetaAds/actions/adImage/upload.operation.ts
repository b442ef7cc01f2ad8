import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { graphRequest, isGraphApiError, maxThrottleWaitOption } from '../../transport';
import { uploadRuntime } from '../../uploads/runtime';
import { adAccountLocator } from '../common/locators';
import { getAdAccountId } from '../common/ids';
import { collectBinaryImages, selectProperties, type ImageFile } from './collect';
import { downloadImage } from './download';

/** Meta's "Error processing image" subcode. */
const IMAGE_PROCESSING_SUBCODE = 1487197;

export const description: INodeProperties[] = [
	adAccountLocator(),
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'Images in binary properties of the input item' },
			{ name: 'URL', value: 'url', description: 'Downloaded by n8n, checked, then uploaded' },
		],
		default: 'binary',
	},
	{
		displayName: 'Images To Upload',
		name: 'binarySelection',
		type: 'options',
		options: [
			{ name: 'Named Binary Fields', value: 'names' },
			{ name: 'All Binary Fields That Are Images', value: 'allImages' },
		],
		default: 'names',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, image2',
		hint: 'Names of the input binary fields holding the images, separated by commas',
		displayOptions: { show: { source: ['binary'], binarySelection: ['names'] } },
	},
	{
		displayName: 'Image URLs',
		name: 'imageUrls',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'https://example.com/ad.jpg',
		description: 'One URL per line. n8n downloads each image, checks it and uploads its bytes.',
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Image Name',
				name: 'imageName',
				type: 'string',
				default: '',
				description: 'Name in the ad account image library (default: the file name). Several images get -1, -2… appended.',
			},
			maxThrottleWaitOption,
		],
	},
];

function imageNames(files: ImageFile[], base: string): string[] {
	if (base === '') return files.map((file) => file.fileName);
	return files.length === 1 ? [base] : files.map((_, i) => `${base}-${i + 1}`);
}

async function uploadOne(ctx: IExecuteFunctions, accountId: string, file: ImageFile, name: string, itemIndex: number): Promise<{ hash: string; url: string }> {
	let answer: { images?: Record<string, { hash?: string; url?: string }> } | undefined;
	let failure: unknown;
	try {
		// Base64 `bytes` in a JSON body: what the transport sends as is, one image per call.
		answer = await graphRequest(ctx, {
			method: 'POST',
			path: `/${accountId}/adimages`,
			body: { bytes: file.data.toString('base64'), name },
			itemIndex,
			options: uploadRuntime.transport,
		});
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		if (isGraphApiError(failure) && failure.graph.subcode === IMAGE_PROCESSING_SUBCODE) {
			const { metaMessage, code, subcode, fbtraceId } = failure.graph;
			// Only Meta's plain fields go in: never request options.
			const safe: JsonObject = { message: metaMessage, code: code ?? null, error_subcode: subcode ?? null, fbtrace_id: fbtraceId ?? null };
			throw new NodeApiError(ctx.getNode(), safe, {
				itemIndex,
				message: `Meta could not process the image "${name}" on item ${itemIndex}`,
				description: `${failure.message}. Re-export the image (JPG or PNG, RGB) and try again. ${failure.description ?? ''}`.trim(),
				httpCode: String(failure.graph.httpStatus),
			});
		}
		throw failure;
	}
	const images = answer?.images ?? {};
	const image = images[name] ?? Object.values(images)[0];
	if (!image?.hash) {
		throw new NodeOperationError(ctx.getNode(), `Meta did not return a hash for the image "${name}" on item ${itemIndex}`, { itemIndex });
	}
	return { hash: image.hash, url: image.url ?? '' };
}

/** One output item per image, all paired with the input item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const accountId = getAdAccountId(this, itemIndex);
	const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as { imageName?: string };

	// Every image is read and checked before the first upload.
	let files: ImageFile[];
	if (source === 'binary') {
		const selection = this.getNodeParameter('binarySelection', itemIndex, 'names') as string;
		const names = selection === 'names' ? String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')) : '';
		files = await collectBinaryImages(this, itemIndex, selectProperties(this, itemIndex, selection, names));
	} else if (source === 'url') {
		const urls = String(this.getNodeParameter('imageUrls', itemIndex, '') ?? '')
			.split(/\r?\n/)
			.map((u) => u.trim())
			.filter((u) => u !== '');
		if (urls.length === 0) throw new NodeOperationError(this.getNode(), `Image URLs is empty on item ${itemIndex}`, { itemIndex });
		files = [];
		for (const [index, url] of urls.entries()) files.push(await downloadImage(this, url, itemIndex, index));
	} else {
		throw new NodeOperationError(this.getNode(), `Source on item ${itemIndex} has an unknown value ${JSON.stringify(source)}`, { itemIndex });
	}

	const names = imageNames(files, String(options.imageName ?? '').trim());
	const out: IDataObject[] = [];
	for (const [index, file] of files.entries()) {
		const { hash, url } = await uploadOne(this, accountId, file, names[index], itemIndex);
		out.push({
			hash,
			url,
			name: names[index],
			accountId,
			format: file.format,
			mimeType: file.mimeType,
			fileSize: file.data.length,
			...(file.origin.binaryProperty ? { binaryProperty: file.origin.binaryProperty } : {}),
			...(file.origin.url ? { sourceUrl: file.origin.url } : {}),
		});
	}
	return out;
}
