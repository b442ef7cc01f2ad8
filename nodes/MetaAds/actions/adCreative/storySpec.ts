import type { IDataObject } from 'n8n-workflow';

/** Makes the error for bad input; the message already names the field and the item. */
export type Fail = (message: string) => Error;

const plainError: Fail = (message) => new Error(message);

export interface CardInput {
	link?: string;
	imageHash?: string;
	name?: string;
	description?: string;
	callToAction?: string;
}

export interface StoryInput {
	type: 'link' | 'video' | 'carousel';
	pageId: string;
	instagramUserId?: string;
	link?: string;
	message?: string;
	imageHash?: string;
	headline?: string;
	description?: string;
	callToAction?: string;
	videoId?: string;
	thumbnailImageHash?: string;
	thumbnailImageUrl?: string;
	cards?: CardInput[];
}

const IMAGE_HASH = /^[0-9a-f]{8,64}$/i;
const NUMERIC_ID = /^\d+$/;

function clean(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function httpUrl(value: string | undefined, field: string, itemIndex: number, fail: Fail): string {
	const url = clean(value);
	if (!url) throw fail(`${field} is required on item ${itemIndex}`);
	const protocol = URL.canParse(url) ? new URL(url).protocol : '';
	if (protocol !== 'https:' && protocol !== 'http:') {
		throw fail(`${field} on item ${itemIndex} must be a full http(s) URL, got ${JSON.stringify(url)}`);
	}
	return url;
}

function imageHash(value: string | undefined, field: string, itemIndex: number, fail: Fail): string {
	const hash = clean(value);
	if (!hash) throw fail(`${field} is required on item ${itemIndex}`);
	if (!IMAGE_HASH.test(hash)) {
		throw fail(`${field} on item ${itemIndex} does not look like an image hash (hex from Ad Image → Upload), got ${JSON.stringify(hash)}`);
	}
	return hash;
}

function callToAction(type: string | undefined, link: string | undefined): IDataObject | undefined {
	if (!type || type === 'NO_BUTTON') return type === 'NO_BUTTON' ? { type } : undefined;
	return link ? { type, value: { link } } : { type };
}

function withOptional(target: IDataObject, values: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(values)) if (value !== undefined) target[key] = value;
	return target;
}

/**
 * Builds `object_story_spec` for a link ad (image hash), a video ad (video id
 * plus a thumbnail, which Meta requires) or a carousel (2–10 cards).
 */
export function buildObjectStorySpec(input: StoryInput, itemIndex: number, fail: Fail = plainError): IDataObject {
	const pageId = clean(input.pageId);
	if (!pageId || !NUMERIC_ID.test(pageId)) {
		throw fail(`Page ID on item ${itemIndex} must be a numeric Facebook Page ID, got ${JSON.stringify(input.pageId ?? '')}`);
	}
	const spec: IDataObject = { page_id: pageId };
	const instagram = clean(input.instagramUserId);
	if (instagram) spec.instagram_user_id = instagram;
	const message = clean(input.message);

	if (input.type === 'link') {
		const link = httpUrl(input.link, 'Link URL', itemIndex, fail);
		spec.link_data = withOptional(
			{ link, image_hash: imageHash(input.imageHash, 'Image Hash', itemIndex, fail) },
			{ message, name: clean(input.headline), description: clean(input.description), call_to_action: callToAction(input.callToAction, link) },
		);
		return spec;
	}

	if (input.type === 'video') {
		const videoId = clean(input.videoId);
		if (!videoId || !NUMERIC_ID.test(videoId)) {
			throw fail(`Video ID on item ${itemIndex} must be a numeric Meta video ID, got ${JSON.stringify(input.videoId ?? '')}`);
		}
		const video: IDataObject = { video_id: videoId };
		if (clean(input.thumbnailImageHash)) video.image_hash = imageHash(input.thumbnailImageHash, 'Thumbnail Image Hash', itemIndex, fail);
		else if (clean(input.thumbnailImageUrl)) video.image_url = httpUrl(input.thumbnailImageUrl, 'Thumbnail Image URL', itemIndex, fail);
		else throw fail(`A video ad needs a thumbnail on item ${itemIndex}: set Thumbnail Image Hash or Thumbnail Image URL`);
		const link = clean(input.link) ? httpUrl(input.link, 'Link URL', itemIndex, fail) : undefined;
		if (input.callToAction && input.callToAction !== 'NO_BUTTON' && !link) {
			throw fail(`Link URL is required on item ${itemIndex} when a video ad has a call to action`);
		}
		spec.video_data = withOptional(video, { message, title: clean(input.headline), call_to_action: callToAction(input.callToAction, link) });
		return spec;
	}

	const cards = input.cards ?? [];
	if (cards.length < 2 || cards.length > 10) {
		throw fail(`Cards on item ${itemIndex}: a carousel needs 2 to 10 cards, got ${cards.length}`);
	}
	const link = httpUrl(input.link, 'Link URL', itemIndex, fail);
	const children = cards.map((card, index) => {
		const cardLink = httpUrl(card.link, `Card ${index + 1} Link URL`, itemIndex, fail);
		return withOptional(
			{ link: cardLink, image_hash: imageHash(card.imageHash, `Card ${index + 1} Image Hash`, itemIndex, fail) },
			{ name: clean(card.name), description: clean(card.description), call_to_action: callToAction(card.callToAction, cardLink) },
		);
	});
	spec.link_data = withOptional({ link, child_attachments: children }, { message, call_to_action: callToAction(input.callToAction, link) });
	return spec;
}
