import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toMetaMinorUnits } from '../../../shared/money';
import { getAccountCurrency, getOwningAccount } from '../common/account';
import { readOptionalAmount } from '../common/budget';
import { targetFields } from '../common/fields';
import { getObjectId } from '../common/ids';
import { readOptionalTime } from '../common/inputs';
import { adSetKind } from '../common/kinds';
import { BID_STRATEGIES, assertOneOf, enumOptions } from '../common/options';
import { parseJsonField, postUpdate } from '../common/update';
import { amountField, optionalFields } from '../../../shared/n8n/descriptions';

// Status and budgets have their own operations; targeting changes send the ad set back to review.
export const description: INodeProperties[] = [
	...targetFields(adSetKind),
	optionalFields('updateFields', [
		amountField({ displayName: 'Bid Amount', name: 'bidAmount', description: 'Bid cap or cost cap in the account currency (major units)' }),
		{ displayName: 'Bid Strategy', name: 'bidStrategy', type: 'options', options: enumOptions(BID_STRATEGIES), default: 'LOWEST_COST_WITHOUT_CAP' },
		{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '' },
		{
			displayName: 'Targeting (JSON)',
			name: 'targetingJson',
			type: 'json',
			default: '{}',
			description: 'Replaces the whole targeting spec (triggers ad review)',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getObjectId(this, adSetKind.idParam, adSetKind.label, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim() !== '') body.name = fields.name.trim();
	if (fields.bidStrategy !== undefined) body.bid_strategy = assertOneOf(this, fields.bidStrategy, BID_STRATEGIES, 'Bid Strategy', itemIndex);
	const startTime = readOptionalTime(this, fields.startTime, 'Start Time', itemIndex);
	if (startTime) body.start_time = startTime;
	const endTime = readOptionalTime(this, fields.endTime, 'End Time', itemIndex);
	if (endTime) body.end_time = endTime;
	const targeting = parseJsonField(this, fields.targetingJson, 'Targeting (JSON)', itemIndex);
	if (targeting !== undefined) {
		if (typeof targeting !== 'object' || Array.isArray(targeting) || !('geo_locations' in targeting)) {
			throw new NodeOperationError(this.getNode(), `Targeting (JSON) on item ${itemIndex} must be an object with "geo_locations"`, { itemIndex });
		}
		body.targeting = targeting;
	}
	const bidAmount = readOptionalAmount(fields.bidAmount, this, itemIndex, 'Bid Amount');
	let currency: string | undefined;
	if (bidAmount !== undefined) {
		currency = await getAccountCurrency(this, await getOwningAccount(this, id, itemIndex), itemIndex);
		body.bid_amount = toMetaMinorUnits(bidAmount, currency);
	}
	const result = await postUpdate(this, adSetKind, id, body, itemIndex);
	return bidAmount === undefined ? result : { ...result, bidAmount, bidAmountMinor: body.bid_amount, currency };
}
