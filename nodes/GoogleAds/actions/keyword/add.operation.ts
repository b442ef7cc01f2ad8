import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutateBatch } from '../common/batch';
import { InputProblem } from '../common/errors';
import { adGroupField, customerField, readAdGroupId, readCustomerId, show } from '../common/fields';
import { adGroupKeywordCreate, MATCH_TYPE_OPTIONS, validateKeyword } from '../common/keywords';
import { microsString, moneyFields } from '../common/money';
import { amountField } from '../../../shared/n8n/descriptions';
import { mutateOptionsProperty, readOptions } from '../common/options';
import { keywordExemptionRetry, requestPolicyExemptionOption } from '../common/policy';
import { idOf, resourceName, resultResourceName } from '../common/resourceNames';

const d = show('keyword', 'add');

export const description: INodeProperties[] = [
	customerField(d),
	adGroupField(d),
	{ displayName: 'Keyword', name: 'text', type: 'string', default: '', required: true, placeholder: 'running shoes', displayOptions: d },
	{ displayName: 'Match Type', name: 'matchType', type: 'options', options: MATCH_TYPE_OPTIONS, default: 'PHRASE', displayOptions: d },
	amountField({ displayName: 'Max CPC Bid', name: 'cpcBid', description: "Keyword max CPC in the account's currency (major units); 0 uses the ad group's bid", displayOptions: d }),
	mutateOptionsProperty({ resource: ['keyword'], operation: ['add'] }, { extra: [requestPolicyExemptionOption] }),
];

/**
 * Adds keywords (PAUSED), all items in ONE adGroupCriteria:mutate. With
 * "Request Policy Exemption", items rejected for exemptible policy
 * violations are sent once more with their exemption keys.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runMutateBatch(this, itemIndexes, (itemIndex) => {
		const customerId = readCustomerId(this, itemIndex);
		const adGroupId = readAdGroupId(this, itemIndex, customerId);
		const bid = this.getNodeParameter('cpcBid', itemIndex, 0);
		const checked = validateKeyword(
			{
				text: this.getNodeParameter('text', itemIndex, ''),
				matchType: this.getNodeParameter('matchType', itemIndex, 'PHRASE'),
				cpcBid: bid === 0 || bid === '0' ? undefined : bid,
			},
			'Keyword',
		);
		if (!checked.keyword) throw InputProblem.fromList(checked.problems);
		const keyword = checked.keyword;
		const operations: IDataObject[] = [{ create: adGroupKeywordCreate(resourceName(customerId, 'adGroups', adGroupId), keyword) }];
		const exempt = readOptions(this, itemIndex).requestPolicyExemption === true;
		return {
			customerId,
			resource: 'adGroupCriteria',
			operations,
			retry: exempt ? (errors) => keywordExemptionRetry(operations, errors) : undefined,
			output: (results, validateOnly) => {
				const created = resultResourceName(results[0]);
				return {
					customerId,
					adGroupId,
					resourceName: created,
					id: idOf(created),
					criterionId: idOf(created)?.split('~')[1] ?? null,
					text: keyword.text,
					matchType: keyword.matchType,
					status: 'PAUSED',
					...moneyFields('cpcBid', keyword.cpcBid === undefined ? undefined : microsString(keyword.cpcBid)),
					validateOnly,
				};
			},
		};
	});
}
