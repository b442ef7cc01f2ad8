/** `/act_X/adimages`: upload (base64 `bytes` or multipart files), list by hashes, delete by hash. */
import { createHash } from 'crypto';
import type { SimResponse } from '../types';
import type { TreeAccount } from '../dataset/tree';
import type { MetaCall } from './call';
import { invalidParam } from './errors';
import { parseFields } from './fields';
import type { MetaKnobs } from './knobs';
import { pageOf } from './paging';
import { listParam, str } from './params';
import { metaTime, type ImageRecord, type MetaStore } from './store';
import { readLimit } from './objects';

/** Recognises the formats Meta accepts by their magic bytes. */
export function imageKind(data: Buffer): string | undefined {
	if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
	if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'gif';
	if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
	if (data.length >= 2 && data[0] === 0x42 && data[1] === 0x4d) return 'bmp';
	return undefined;
}

function imageError(message: string): SimResponse {
	return invalidParam('Invalid parameter', { subcode: 1487197, userTitle: 'Error processing image', userMsg: message });
}

export function uploadImages(call: MetaCall, store: MetaStore, account: TreeAccount, knobs: MetaKnobs): SimResponse {
	const inputs: Array<{ name: string; data: Buffer }> = call.params.files.map((f) => ({ name: f.filename || f.name, data: f.data }));
	const base64 = str(call.params, 'bytes');
	if (base64 !== undefined) inputs.push({ name: str(call.params, 'name') ?? 'bytes', data: Buffer.from(base64, 'base64') });
	if (inputs.length === 0) return invalidParam('Provide an image as `bytes` (base64) or as a multipart file');
	const images: Record<string, { hash: string; url: string }> = {};
	for (const input of inputs) {
		if (input.data.length === 0) return imageError('The image file is empty.');
		if (input.data.length > knobs.maxImageBytes) return imageError(`The image is larger than ${Math.round(knobs.maxImageBytes / 1048576)} MB.`);
		const kind = imageKind(input.data);
		if (!kind) return imageError('The file is not a supported image (JPG, PNG, GIF, WEBP, BMP).');
		const hash = createHash('md5').update(input.data).digest('hex');
		const url = `${call.selfUrl.origin}/meta/_media/${hash}.${kind}`;
		const record: ImageRecord = {
			id: `${account.id}:${hash}`, account_id: account.id, hash, name: input.name, url, width: 1080, height: 1080,
			bytes: input.data.length, created_time: metaTime(call.ctx.now()), status: 'ACTIVE',
		};
		store.images.set(record.id, record);
		images[input.name] = { hash, url };
	}
	store.touch();
	return { status: 200, body: { images } };
}

export function listImages(call: MetaCall, store: MetaStore, account: TreeAccount): SimResponse {
	let hashes: string[] | undefined;
	try {
		hashes = listParam(call.params, 'hashes');
	} catch {
		return invalidParam('Param hashes must be a JSON array');
	}
	const limit = readLimit(call, 25);
	if (typeof limit !== 'number') return limit;
	const names = parseFields(str(call.params, 'fields'))?.map((f) => f.name) ?? ['hash', 'id'];
	const records = [...store.images.values()].filter((i) => i.account_id === account.id && i.status === 'ACTIVE' && (!hashes || hashes.includes(i.hash)));
	const views = records.map((r) => Object.fromEntries(names.filter((n) => n in r).map((n) => [n, r[n as keyof ImageRecord]])));
	const page = pageOf(views, { limit, after: str(call.params, 'after') }, call.selfUrl);
	return page ? { status: 200, body: page } : invalidParam('Invalid cursor');
}

export function deleteImage(call: MetaCall, store: MetaStore, account: TreeAccount): SimResponse {
	const hash = str(call.params, 'hash');
	if (!hash) return invalidParam('The parameter hash is required');
	const record = store.images.get(`${account.id}:${hash}`);
	if (!record || record.status !== 'ACTIVE') return invalidParam(`Image with hash ${hash} not found`, { subcode: 1487212 });
	record.status = 'DELETED';
	store.touch();
	return { status: 200, body: { success: true } };
}

/** A 1×1 PNG served for every uploaded image URL, so previews resolve. */
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
