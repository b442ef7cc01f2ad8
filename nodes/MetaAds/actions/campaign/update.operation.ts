import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toMetaMinorUnits } from '../../../shared/money';
import { getAccountCurrency, getOwningAccount } from '../common/account';
import { readOptionalAmount } from '../common/budget';
import { targetFields } from '../common/fields';
import { getObjectId } from '../common/ids';
import { readOptionalTime } from '../common/inputs';
import { campaignKind } from '../common/kinds';
import { BID_STRATEGIES, SPECIAL_AD_CATEGORIES, assertAllOf, assertOneOf, enumOptions } from '../common/options';
import { postUpdate } from '../common/update';
import { amountField, optionalFields } from '../../../shared/n8n/descriptions';

// Status and budgets have their own operations (Pause/Activate, Set Budget) so an update never starts spending by accident.
export const description: INodeProperties[] = [
	...targetFields(campaignKind),
	optionalFields('updateFields', [
		{ displayName: 'Bid Strategy', name: 'bidStrategy', type: 'options', options: enumOptions(BID_STRATEGIES), default: 'LOWEST_COST_WITHOUT_CAP' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'Special Ad Categories',
			name: 'specialAdCategories',
			type: 'multiOptions',
			options: enumOptions(SPECIAL_AD_CATEGORIES),
			default: [],
		},
		amountField({ displayName: 'Spend Cap', name: 'spendCap', description: 'Total the campaign may ever spend, in the account currency (major units)' }),
		{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '' },
		{ displayName: 'Stop Time', name: 'stopTime', type: 'dateTime', default: '' },
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getObjectId(this, campaignKind.idParam, campaignKind.label, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim() !== '') body.name = fields.name.trim();
	if (fields.bidStrategy !== undefined) body.bid_strategy = assertOneOf(this, fields.bidStrategy, BID_STRATEGIES, 'Bid Strategy', itemIndex);
	if (fields.specialAdCategories !== undefined) {
		body.special_ad_categories = assertAllOf(this, fields.specialAdCategories, SPECIAL_AD_CATEGORIES, 'Special Ad Categories', itemIndex);
	}
	const startTime = readOptionalTime(this, fields.startTime, 'Start Time', itemIndex);
	if (startTime) body.start_time = startTime;
	const stopTime = readOptionalTime(this, fields.stopTime, 'Stop Time', itemIndex);
	if (stopTime) body.stop_time = stopTime;
	const spendCap = readOptionalAmount(fields.spendCap === undefined ? undefined : fields.spendCap, this, itemIndex, 'Spend Cap');
	let currency: string | undefined;
	if (spendCap !== undefined) {
		currency = await getAccountCurrency(this, await getOwningAccount(this, id, itemIndex), itemIndex);
		body.spend_cap = toMetaMinorUnits(spendCap, currency);
	}
	const result = await postUpdate(this, campaignKind, id, body, itemIndex);
	return spendCap === undefined ? result : { ...result, spendCap, spendCapMinor: body.spend_cap, currency };
}
