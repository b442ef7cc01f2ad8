import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { targetFields } from '../common/fields';
import { assertMetaId, getObjectId } from '../common/ids';
import { adKind } from '../common/kinds';
import { parseJsonField, postUpdate } from '../common/update';
import { optionalFields } from '../../../shared/n8n/descriptions';

// Status has its own operations; a new creative sends the ad back to review.
export const description: INodeProperties[] = [
	...targetFields(adKind),
	optionalFields('updateFields', [
		{ displayName: 'Creative ID', name: 'creativeId', type: 'string', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Tracking Specs (JSON)', name: 'trackingSpecs', type: 'json', default: '[]' },
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getObjectId(this, adKind.idParam, adKind.label, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim() !== '') body.name = fields.name.trim();
	if (typeof fields.creativeId === 'string' && fields.creativeId.trim() !== '') {
		body.creative = { creative_id: assertMetaId(this, fields.creativeId, 'Creative', itemIndex) };
	}
	const trackingSpecs = parseJsonField<unknown>(this, fields.trackingSpecs, 'Tracking Specs (JSON)', itemIndex);
	if (trackingSpecs !== undefined) {
		if (!Array.isArray(trackingSpecs)) {
			throw new NodeOperationError(this.getNode(), `Tracking Specs (JSON) on item ${itemIndex} must be a JSON list`, { itemIndex });
		}
		body.tracking_specs = trackingSpecs as IDataObject[];
	}
	return postUpdate(this, adKind, id, body, itemIndex);
}
