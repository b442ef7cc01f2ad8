import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { graphPaginate } from '../../transport';
import { uploadRuntime } from '../../uploads/runtime';
import { adAccountLocator } from '../common/locators';
import { getAdAccountId } from '../common/ids';
import { returnAllFields } from '../../../shared/n8n/descriptions';

const IMAGE_FIELDS = ['id', 'account_id', 'hash', 'name', 'url', 'url_128', 'permalink_url', 'width', 'height', 'status', 'created_time', 'updated_time'];

export const description: INodeProperties[] = [
	adAccountLocator(),
	{
		displayName: 'Hashes',
		name: 'hashes',
		type: 'string',
		default: '',
		placeholder: '0a1b2c…, 3d4e5f…',
		description: 'Only these images (comma-separated hashes); empty lists the whole library',
	},
	...returnAllFields(),
];

export function parseHashes(raw: unknown): string[] {
	return [...new Set(String(raw ?? '').split(/[\s,]+/).map((h) => h.trim()).filter((h) => h !== ''))];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const accountId = getAdAccountId(this, itemIndex);
	const hashes = parseHashes(this.getNodeParameter('hashes', itemIndex, ''));
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const qs: IDataObject = { fields: IMAGE_FIELDS };
	if (hashes.length > 0) qs.hashes = hashes;
	return await graphPaginate<IDataObject>(this, {
		path: `/${accountId}/adimages`,
		qs,
		itemIndex,
		returnAll,
		limit,
		pageSize: 100,
		options: uploadRuntime.transport,
	});
}
