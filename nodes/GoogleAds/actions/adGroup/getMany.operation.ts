import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { search } from '../../transport';
import { toItemError } from '../common/errors';
import { campaignField, customerField, limitClause, readCustomerId, readOptionalId, readPaging, returnAllFields, show } from '../common/fields';
import { inFilter, where } from '../common/gaql';
import { readStatusFilter, statusFilterField } from '../common/statusFilter';
import { AD_GROUP_FIELDS, adGroupItem } from './rows';

const d = show('adGroup', 'getMany');

export const description = [customerField(d), campaignField(d, false), statusFilterField(d), ...returnAllFields(d)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readOptionalId(this, 'campaignId', itemIndex, customerId);
		const paging = readPaging(this, itemIndex);
		const query =
			`SELECT ${AD_GROUP_FIELDS} FROM ad_group` +
			where([campaignId && `campaign.id = ${campaignId}`, inFilter('ad_group.status', readStatusFilter(this, itemIndex))]) +
			' ORDER BY ad_group.id' +
			limitClause(paging);
		const rows = await search<IDataObject>(this, customerId, query, { itemIndex, ...paging });
		return rows.map((row) => adGroupItem(row, customerId));
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
