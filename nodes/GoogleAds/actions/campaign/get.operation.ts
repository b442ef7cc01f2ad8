import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { search } from '../../transport';
import { InputProblem, toItemError } from '../common/errors';
import { campaignField, customerField, readCampaignId, readCustomerId, show } from '../common/fields';
import { CAMPAIGN_FIELDS, campaignItem } from './rows';

const d = show('campaign', 'get');

export const description = [customerField(d), campaignField(d)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readCampaignId(this, itemIndex, customerId);
		const rows = await search<IDataObject>(
			this,
			customerId,
			`SELECT ${CAMPAIGN_FIELDS} FROM campaign WHERE campaign.id = ${campaignId}`,
			{ itemIndex },
		);
		if (rows.length === 0) throw new InputProblem('Campaign', `${campaignId} not found in customer ${customerId}`);
		return campaignItem(rows[0], customerId);
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
