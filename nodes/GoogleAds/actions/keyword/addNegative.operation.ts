import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutateBatch } from '../common/batch';
import { InputProblem } from '../common/errors';
import { adGroupField, campaignField, customerField, readAdGroupId, readCampaignId, readCustomerId, show } from '../common/fields';
import { adGroupNegativeCreate, campaignNegativeCreate, MATCH_TYPE_OPTIONS, validateKeyword } from '../common/keywords';
import { mutateOptionsProperty } from '../common/options';
import { idOf, resourceName, resultResourceName } from '../common/resourceNames';

const d = show('keyword', 'addNegative');

export const description: INodeProperties[] = [
	customerField(d),
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{ name: 'Campaign', value: 'campaign', description: 'Blocks the search term in every ad group of the campaign' },
			{ name: 'Ad Group', value: 'adGroup', description: 'Blocks it in one ad group' },
		],
		default: 'campaign',
		displayOptions: d,
	},
	campaignField({ show: { ...d.show, level: ['campaign'] } }),
	adGroupField({ show: { ...d.show, level: ['adGroup'] } }),
	{ displayName: 'Keyword', name: 'text', type: 'string', default: '', required: true, placeholder: 'free', displayOptions: d },
	{ displayName: 'Match Type', name: 'matchType', type: 'options', options: MATCH_TYPE_OPTIONS, default: 'PHRASE', displayOptions: d },
	mutateOptionsProperty({ resource: ['keyword'], operation: ['addNegative'] }),
];

/** Negative keywords on a campaign (campaign criteria) or an ad group; one mutate per level and customer. */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runMutateBatch(this, itemIndexes, (itemIndex) => {
		const customerId = readCustomerId(this, itemIndex);
		const level = this.getNodeParameter('level', itemIndex, 'campaign') as string;
		const checked = validateKeyword(
			{ text: this.getNodeParameter('text', itemIndex, ''), matchType: this.getNodeParameter('matchType', itemIndex, 'PHRASE') },
			'Keyword',
			{ allowBid: false },
		);
		if (!checked.keyword) throw InputProblem.fromList(checked.problems);
		const keyword = checked.keyword;
		const onCampaign = level !== 'adGroup';
		const parentId = onCampaign ? readCampaignId(this, itemIndex, customerId) : readAdGroupId(this, itemIndex, customerId);
		const create = onCampaign
			? campaignNegativeCreate(resourceName(customerId, 'campaigns', parentId), keyword)
			: adGroupNegativeCreate(resourceName(customerId, 'adGroups', parentId), keyword);
		return {
			customerId,
			resource: onCampaign ? 'campaignCriteria' : 'adGroupCriteria',
			operations: [{ create }],
			output: (results, validateOnly) => {
				const created = resultResourceName(results[0]);
				return {
					customerId,
					level: onCampaign ? 'campaign' : 'adGroup',
					[onCampaign ? 'campaignId' : 'adGroupId']: parentId,
					resourceName: created,
					id: idOf(created),
					text: keyword.text,
					matchType: keyword.matchType,
					negative: true,
					validateOnly,
				};
			},
		};
	});
}
