import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { graphRequest } from '../../transport';
import { adSetLocator } from '../common/locators';
import { activateOnCreate, adAccountLocator } from '../common/fields';
import { assertMetaId, getAdAccountId, getObjectId } from '../common/ids';
import { createStatus, readRequiredString } from '../common/inputs';
import { parseJsonField } from '../common/update';
import { optionalFields } from '../../../shared/n8n/descriptions';

export const description: INodeProperties[] = [
	adAccountLocator,
	adSetLocator(),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{
		displayName: 'Creative ID',
		name: 'creativeId',
		type: 'string',
		default: '',
		required: true,
		description: 'ID of an existing ad creative (see Ad Creative → Create)',
	},
	activateOnCreate,
	optionalFields('additionalFields', [
		{
			displayName: 'Tracking Specs (JSON)',
			name: 'trackingSpecs',
			type: 'json',
			default: '[]',
			description: 'E.g. [{"action.type":["offsite_conversion"],"fb_pixel":["123"]}]',
		},
	]),
];

export interface AdInput {
	name: string;
	adSetId: string;
	creativeId: string;
	status: 'PAUSED' | 'ACTIVE';
	trackingSpecs?: unknown[];
}

/** The POST /act_X/ads body. */
export function buildAdBody(input: AdInput): IDataObject {
	const body: IDataObject = {
		name: input.name,
		adset_id: input.adSetId,
		creative: { creative_id: input.creativeId },
		status: input.status,
	};
	if (input.trackingSpecs?.length) body.tracking_specs = input.trackingSpecs as IDataObject[];
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const accountId = getAdAccountId(this, itemIndex);
	const adSetId = getObjectId(this, 'adSetId', 'Ad Set', itemIndex);
	const name = readRequiredString(this, 'name', 'Name', itemIndex);
	const creativeId = assertMetaId(this, readRequiredString(this, 'creativeId', 'Creative ID', itemIndex), 'Creative', itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const trackingSpecs = parseJsonField<unknown>(this, extra.trackingSpecs, 'Tracking Specs (JSON)', itemIndex);
	if (trackingSpecs !== undefined && !Array.isArray(trackingSpecs)) {
		throw new NodeOperationError(this.getNode(), `Tracking Specs (JSON) on item ${itemIndex} must be a JSON list`, { itemIndex });
	}
	const body = buildAdBody({ name, adSetId, creativeId, status: createStatus(this, itemIndex), trackingSpecs });
	const created = await graphRequest<{ id: string }>(this, { method: 'POST', path: `/${accountId}/ads`, body, itemIndex });
	return { id: created.id, accountId, adSetId, creativeId, name, status: body.status };
}
