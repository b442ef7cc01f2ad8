import type { IExecuteFunctions } from 'n8n-workflow';

import { campaignField, readCampaignId } from '../common/fields';
import { resourceName } from '../common/resourceNames';
import type { StatusChangeConfig } from '../common/statusChange';

/** Campaign picker + reader for the status operations. */
export const campaignTarget: Pick<StatusChangeConfig, 'targetFields' | 'readTarget'> = {
	targetFields: (d) => [campaignField(d)],
	readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => ({
		resourceName: resourceName(customerId, 'campaigns', readCampaignId(ctx, itemIndex, customerId)),
		collection: 'campaigns',
	}),
};
