import type { IExecuteFunctions } from 'n8n-workflow';

import { adGroupField, readAdGroupId } from '../shared/fields';
import { resourceName } from '../shared/resourceNames';
import type { StatusChangeConfig } from '../shared/statusChange';

export const adGroupTarget: Pick<StatusChangeConfig, 'targetFields' | 'readTarget'> = {
	targetFields: (d) => [adGroupField(d)],
	readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => ({
		resourceName: resourceName(customerId, 'adGroups', readAdGroupId(ctx, itemIndex, customerId)),
		collection: 'adGroups',
	}),
};
