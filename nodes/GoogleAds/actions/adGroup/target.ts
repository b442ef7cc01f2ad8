import type { IExecuteFunctions } from 'n8n-workflow';

import { adGroupField, readAdGroupId } from '../common/fields';
import { resourceName } from '../common/resourceNames';
import type { StatusChangeConfig } from '../common/statusChange';

export const adGroupTarget: Pick<StatusChangeConfig, 'targetFields' | 'readTarget'> = {
	targetFields: (d) => [adGroupField(d)],
	readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => ({
		resourceName: resourceName(customerId, 'adGroups', readAdGroupId(ctx, itemIndex, customerId)),
		collection: 'adGroups',
	}),
};
