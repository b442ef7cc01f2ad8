import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { graphRequest } from '../../transport';
import { adAccountLocator } from '../common/fields';
import { getAdAccountId } from '../common/ids';
import { readRequiredString } from '../common/inputs';
import { CALL_TO_ACTIONS, assertOneOf, enumOptions } from '../common/options';
import { buildObjectStorySpec, type CardInput, type StoryInput } from './storySpec';
import { optionalFields } from '../../../shared/n8n/descriptions';

const forTypes = (...types: string[]) => ({ show: { creativeType: types } });
const ctaOptions = enumOptions(CALL_TO_ACTIONS);

export const description: INodeProperties[] = [
	adAccountLocator,
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{
		displayName: 'Type',
		name: 'creativeType',
		type: 'options',
		options: [
			{ name: 'Link Ad (Image)', value: 'link' },
			{ name: 'Video Ad', value: 'video' },
			{ name: 'Carousel', value: 'carousel' },
		],
		default: 'link',
	},
	{
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Facebook Page the ad is published as',
	},
	{
		displayName: 'Link URL',
		name: 'linkUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/offer',
		description: 'Where the ad leads (optional for video ads without a button)',
	},
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Primary text above the ad' },
	{
		displayName: 'Image Hash',
		name: 'imageHash',
		type: 'string',
		default: '',
		description: 'Hash of an uploaded image (Ad Image → Upload)',
		displayOptions: forTypes('link'),
	},
	{ displayName: 'Video ID', name: 'videoId', type: 'string', default: '', displayOptions: forTypes('video') },
	{
		displayName: 'Thumbnail',
		name: 'thumbnailSource',
		type: 'options',
		options: [
			{ name: 'Image Hash', value: 'hash' },
			{ name: 'Image URL', value: 'url' },
		],
		default: 'hash',
		description: 'Meta requires a thumbnail for video ads',
		displayOptions: forTypes('video'),
	},
	{
		displayName: 'Thumbnail Image Hash',
		name: 'thumbnailImageHash',
		type: 'string',
		default: '',
		displayOptions: { show: { creativeType: ['video'], thumbnailSource: ['hash'] } },
	},
	{
		displayName: 'Thumbnail Image URL',
		name: 'thumbnailImageUrl',
		type: 'string',
		default: '',
		displayOptions: { show: { creativeType: ['video'], thumbnailSource: ['url'] } },
	},
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Card',
		default: {},
		description: '2 to 10 cards',
		displayOptions: forTypes('carousel'),
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{ displayName: 'Link URL', name: 'link', type: 'string', default: '' },
					{ displayName: 'Image Hash', name: 'imageHash', type: 'string', default: '' },
					{ displayName: 'Headline', name: 'name', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{ displayName: 'Call to Action', name: 'callToAction', type: 'options', options: ctaOptions, default: 'LEARN_MORE' },
				],
			},
		],
	},
	optionalFields('additionalFields', [
		{ displayName: 'Call to Action', name: 'callToAction', type: 'options', options: ctaOptions, default: 'LEARN_MORE' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Link description (link ads)' },
		{ displayName: 'Headline', name: 'headline', type: 'string', default: '', description: 'Link headline, or video title' },
		{ displayName: 'Instagram Account ID', name: 'instagramUserId', type: 'string', default: '' },
	]),
];

function str(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accountId = getAdAccountId(this, itemIndex);
	const name = readRequiredString(this, 'name', 'Name', itemIndex);
	const type = assertOneOf(this, this.getNodeParameter('creativeType', itemIndex), ['link', 'video', 'carousel'] as const, 'Type', itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const cta = extra.callToAction === undefined ? undefined : assertOneOf(this, extra.callToAction, CALL_TO_ACTIONS, 'Call to Action', itemIndex);
	const input: StoryInput = {
		type,
		pageId: str(this.getNodeParameter('pageId', itemIndex, '')) ?? '',
		instagramUserId: str(extra.instagramUserId),
		link: str(this.getNodeParameter('linkUrl', itemIndex, '')),
		message: str(this.getNodeParameter('message', itemIndex, '')),
		headline: str(extra.headline),
		description: str(extra.description),
		callToAction: cta,
	};
	if (type === 'link') input.imageHash = str(this.getNodeParameter('imageHash', itemIndex, ''));
	if (type === 'video') {
		input.videoId = str(this.getNodeParameter('videoId', itemIndex, ''));
		const source = this.getNodeParameter('thumbnailSource', itemIndex, 'hash');
		if (source === 'url') input.thumbnailImageUrl = str(this.getNodeParameter('thumbnailImageUrl', itemIndex, ''));
		else input.thumbnailImageHash = str(this.getNodeParameter('thumbnailImageHash', itemIndex, ''));
	}
	if (type === 'carousel') {
		const cards = (this.getNodeParameter('cards.card', itemIndex, []) as IDataObject[]) ?? [];
		input.cards = cards.map((card): CardInput => ({
			link: str(card.link),
			imageHash: str(card.imageHash),
			name: str(card.name),
			description: str(card.description),
			callToAction: card.callToAction === undefined ? undefined : assertOneOf(this, card.callToAction, CALL_TO_ACTIONS, 'Card Call to Action', itemIndex),
		}));
	}
	const spec = buildObjectStorySpec(input, itemIndex, (message) => new NodeOperationError(this.getNode(), message, { itemIndex }));
	const created = await graphRequest<{ id: string }>(this, {
		method: 'POST',
		path: `/${accountId}/adcreatives`,
		body: { name, object_story_spec: spec },
		itemIndex,
	});
	return { id: created.id, accountId, name, type, objectStorySpec: spec };
}
