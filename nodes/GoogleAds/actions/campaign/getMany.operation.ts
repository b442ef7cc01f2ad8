import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { search } from '../../transport';
import { toItemError } from '../common/errors';
import { customerField, limitClause, readCustomerId, readPaging, returnAllFields, show } from '../common/fields';
import { inFilter, where } from '../common/gaql';
import { readStatusFilter, statusFilterField } from '../common/statusFilter';
import { CAMPAIGN_FIELDS, campaignItem } from './rows';

const d = show('campaign', 'getMany');

export const description = [customerField(d), statusFilterField(d), ...returnAllFields(d)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const paging = readPaging(this, itemIndex);
		const query =
			`SELECT ${CAMPAIGN_FIELDS} FROM campaign` +
			where([inFilter('campaign.status', readStatusFilter(this, itemIndex))]) +
			' ORDER BY campaign.id' +
			limitClause(paging);
		const rows = await search<IDataObject>(this, customerId, query, { itemIndex, ...paging });
		return rows.map((row) => campaignItem(row, customerId));
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
