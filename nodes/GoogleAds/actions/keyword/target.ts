import type { IExecuteFunctions } from 'n8n-workflow';

import { parseCompositeName, type Collection } from '../common/resourceNames';
import type { StatusChangeConfig } from '../common/statusChange';

/** A keyword: "adGroupId~criterionId", or a resource name (campaign criteria too, for Remove). */
export function keywordTarget(collections: Collection[]): Pick<StatusChangeConfig, 'targetFields' | 'readTarget'> {
	return {
		targetFields: (d) => [
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				required: true,
				placeholder: '123456~789012',
				description:
					collections.length > 1
						? 'The keyword as "adGroupId~criterionId" (the ID Get Many returns), or an adGroupCriteria / campaignCriteria resource name'
						: 'The keyword as "adGroupId~criterionId" (the ID Get Many returns) or its adGroupCriteria resource name',
				displayOptions: d,
			},
		],
		readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => {
			const parsed = parseCompositeName(ctx.getNodeParameter('keyword', itemIndex, ''), collections, customerId, 'Keyword');
			return { resourceName: parsed.resourceName, collection: parsed.collection };
		},
	};
}
