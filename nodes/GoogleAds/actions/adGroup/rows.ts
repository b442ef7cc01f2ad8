import type { IDataObject } from 'n8n-workflow';

import { moneyFields } from '../common/money';

export const AD_GROUP_FIELDS = [
	'ad_group.id',
	'ad_group.name',
	'ad_group.status',
	'ad_group.type',
	'ad_group.cpc_bid_micros',
	'campaign.id',
	'campaign.name',
	'customer.currency_code',
].join(', ');

export function adGroupItem(row: IDataObject, customerId: string): IDataObject {
	const adGroup = (row.adGroup ?? {}) as IDataObject;
	const campaign = (row.campaign ?? {}) as IDataObject;
	const customer = (row.customer ?? {}) as IDataObject;
	return {
		customerId,
		id: adGroup.id === undefined ? null : String(adGroup.id),
		name: adGroup.name ?? null,
		resourceName: adGroup.resourceName ?? null,
		status: adGroup.status ?? null,
		type: adGroup.type ?? null,
		campaignId: campaign.id === undefined ? null : String(campaign.id),
		campaignName: campaign.name ?? null,
		...moneyFields('cpcBid', adGroup.cpcBidMicros, (customer.currencyCode as string | undefined) ?? null),
	};
}
