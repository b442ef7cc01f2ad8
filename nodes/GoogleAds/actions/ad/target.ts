import type { IExecuteFunctions } from 'n8n-workflow';

import { parseCompositeName } from '../common/resourceNames';
import type { StatusChangeConfig } from '../common/statusChange';

export const adTarget: Pick<StatusChangeConfig, 'targetFields' | 'readTarget'> = {
	targetFields: (d) => [
		{
			displayName: 'Ad',
			name: 'ad',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123456~789012',
			description: 'The ad as "adGroupId~adId" (the ID Get Many returns) or its adGroupAds resource name',
			displayOptions: d,
		},
	],
	readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => {
		const parsed = parseCompositeName(ctx.getNodeParameter('ad', itemIndex, ''), ['adGroupAds'], customerId, 'Ad');
		return { resourceName: parsed.resourceName, collection: parsed.collection };
	},
};
