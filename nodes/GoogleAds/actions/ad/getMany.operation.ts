import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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
import { readStatusFilter, statusFilterField } from '../common/statusFilter';

const d = show('ad', 'getMany');

export const description = [customerField(d), campaignField(d, false), adGroupField(d, false), statusFilterField(d), ...returnAllFields(d)];

const FIELDS = [
	'ad_group_ad.ad.id',
	'ad_group_ad.ad.name',
	'ad_group_ad.ad.type',
	'ad_group_ad.ad.final_urls',
	'ad_group_ad.ad.responsive_search_ad.headlines',
	'ad_group_ad.ad.responsive_search_ad.descriptions',
	'ad_group_ad.status',
	'ad_group_ad.policy_summary.approval_status',
	'ad_group_ad.policy_summary.review_status',
	'ad_group.id',
	'campaign.id',
].join(', ');

function texts(list: unknown): string[] {
	return Array.isArray(list) ? list.map((a) => String((a as IDataObject).text ?? '')) : [];
}

function adItem(row: IDataObject, customerId: string): IDataObject {
	const adGroupAd = (row.adGroupAd ?? {}) as IDataObject;
	const ad = (adGroupAd.ad ?? {}) as IDataObject;
	const rsa = (ad.responsiveSearchAd ?? {}) as IDataObject;
	const policy = (adGroupAd.policySummary ?? {}) as IDataObject;
	const adGroupId = String(((row.adGroup ?? {}) as IDataObject).id ?? '');
	return {
		customerId,
		id: `${adGroupId}~${String(ad.id ?? '')}`,
		adId: ad.id === undefined ? null : String(ad.id),
		resourceName: adGroupAd.resourceName ?? null,
		name: ad.name ?? null,
		type: ad.type ?? null,
		status: adGroupAd.status ?? null,
		approvalStatus: policy.approvalStatus ?? null,
		reviewStatus: policy.reviewStatus ?? null,
		finalUrls: (ad.finalUrls as string[] | undefined) ?? [],
		headlines: texts(rsa.headlines),
		descriptions: texts(rsa.descriptions),
		adGroupId,
		campaignId: String(((row.campaign ?? {}) as IDataObject).id ?? ''),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readOptionalId(this, 'campaignId', itemIndex, customerId);
		const adGroupId = readOptionalId(this, 'adGroupId', itemIndex, customerId);
		const paging = readPaging(this, itemIndex);
		const query =
			`SELECT ${FIELDS} FROM ad_group_ad` +
			where([
				campaignId && `campaign.id = ${campaignId}`,
				adGroupId && `ad_group.id = ${adGroupId}`,
				inFilter('ad_group_ad.status', readStatusFilter(this, itemIndex)),
			]) +
			' ORDER BY ad_group_ad.ad.id' +
			limitClause(paging);
		const rows = await search<IDataObject>(this, customerId, query, { itemIndex, ...paging });
		return rows.map((row) => adItem(row, customerId));
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
