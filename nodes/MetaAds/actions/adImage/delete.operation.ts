import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { graphRequest } from '../../transport';
import { uploadRuntime } from '../../uploads/runtime';
import { adAccountLocator } from '../common/locators';
import { getAdAccountId } from '../common/ids';
import { readRequiredString } from '../common/inputs';

export const description: INodeProperties[] = [
	adAccountLocator(),
	{ displayName: 'Image Hash', name: 'hash', type: 'string', default: '', required: true, description: 'The hash Upload returned' },
];

/** Meta deletes images by hash on the account edge; an image used by an ad cannot be deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accountId = getAdAccountId(this, itemIndex);
	const hash = readRequiredString(this, 'hash', 'Image Hash', itemIndex);
	const answer = await graphRequest<{ success?: boolean }>(this, {
		method: 'DELETE',
		path: `/${accountId}/adimages`,
		qs: { hash },
		itemIndex,
		options: uploadRuntime.transport,
	});
	return { hash, accountId, deleted: answer?.success === true };
}
