import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { search } from '../../transport';
import { toItemError } from '../common/errors';
import {
	adGroupField,
	campaignField,
	customerField,
	limitClause,
	readCustomerId,
	readOptionalId,
	readPaging,
	returnAllFields,
	show,
} from '../common/fields';
import { inFilter, where } from '../common/gaql';
import { moneyFields } from '../common/money';
import { readStatusFilter, statusFilterField } from '../common/statusFilter';

const d = show('keyword', 'getMany');

export const description: INodeProperties[] = [
	customerField(d),
	campaignField(d, false),
	adGroupField(d, false),
	statusFilterField(d),
	{
		displayName: 'Include Negatives',
		name: 'includeNegatives',
		type: 'boolean',
		default: false,
		description: 'Whether to include ad group negative keywords (they have no quality score)',
		displayOptions: d,
	},
	...returnAllFields(d),
];

const FIELDS = [
	'ad_group_criterion.criterion_id',
	'ad_group_criterion.keyword.text',
	'ad_group_criterion.keyword.match_type',
	'ad_group_criterion.status',
	'ad_group_criterion.negative',
	'ad_group_criterion.cpc_bid_micros',
	'ad_group_criterion.effective_cpc_bid_micros',
	'ad_group_criterion.approval_status',
	'ad_group_criterion.quality_info.quality_score',
	'ad_group_criterion.quality_info.creative_quality_score',
	'ad_group_criterion.quality_info.post_click_quality_score',
	'ad_group_criterion.quality_info.search_predicted_ctr',
	'ad_group.id',
	'campaign.id',
	'customer.currency_code',
].join(', ');

function keywordItem(row: IDataObject, customerId: string): IDataObject {
	const criterion = (row.adGroupCriterion ?? {}) as IDataObject;
	const keyword = (criterion.keyword ?? {}) as IDataObject;
	const quality = (criterion.qualityInfo ?? {}) as IDataObject;
	const currency = (((row.customer ?? {}) as IDataObject).currencyCode as string | undefined) ?? null;
	const adGroupId = String(((row.adGroup ?? {}) as IDataObject).id ?? '');
	return {
		customerId,
		id: `${adGroupId}~${String(criterion.criterionId ?? '')}`,
		criterionId: criterion.criterionId === undefined ? null : String(criterion.criterionId),
		resourceName: criterion.resourceName ?? null,
		text: keyword.text ?? null,
		matchType: keyword.matchType ?? null,
		status: criterion.status ?? null,
		negative: criterion.negative === true,
		approvalStatus: criterion.approvalStatus ?? null,
		// Google omits quality_score when it has too little data: null, never 0.
		qualityScore: quality.qualityScore === undefined ? null : Number(quality.qualityScore),
		creativeQuality: quality.creativeQualityScore ?? null,
		landingPageQuality: quality.postClickQualityScore ?? null,
		expectedCtr: quality.searchPredictedCtr ?? null,
		...moneyFields('cpcBid', criterion.cpcBidMicros),
		...moneyFields('effectiveCpcBid', criterion.effectiveCpcBidMicros, currency),
		adGroupId,
		campaignId: String(((row.campaign ?? {}) as IDataObject).id ?? ''),
	};
}

/** Keywords with their quality score (ad_group_criterion.quality_info). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readOptionalId(this, 'campaignId', itemIndex, customerId);
		const adGroupId = readOptionalId(this, 'adGroupId', itemIndex, customerId);
		const includeNegatives = this.getNodeParameter('includeNegatives', itemIndex, false) === true;
		const paging = readPaging(this, itemIndex);
		const query =
			`SELECT ${FIELDS} FROM ad_group_criterion` +
			where([
				"ad_group_criterion.type = 'KEYWORD'",
				!includeNegatives && 'ad_group_criterion.negative = FALSE',
				campaignId && `campaign.id = ${campaignId}`,
				adGroupId && `ad_group.id = ${adGroupId}`,
				inFilter('ad_group_criterion.status', readStatusFilter(this, itemIndex)),
			]) +
			' ORDER BY ad_group_criterion.criterion_id' +
			limitClause(paging);
		const rows = await search<IDataObject>(this, customerId, query, { itemIndex, ...paging });
		return rows.map((row) => keywordItem(row, customerId));
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
