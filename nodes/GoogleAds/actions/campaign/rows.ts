import type { IDataObject } from 'n8n-workflow';

import { moneyFields } from '../common/money';

/** Fields every campaign read selects; `customer.currency_code` names the budget's unit. */
export const CAMPAIGN_FIELDS = [
	'campaign.id',
	'campaign.name',
	'campaign.status',
	'campaign.serving_status',
	'campaign.advertising_channel_type',
	'campaign.bidding_strategy_type',
	'campaign.campaign_budget',
	'campaign_budget.amount_micros',
	'campaign_budget.explicitly_shared',
	'campaign_budget.reference_count',
	'customer.currency_code',
].join(', ');

/** A search row as AdPilot's campaign item: ids, status, budget in major units + micros + currency. */
export function campaignItem(row: IDataObject, customerId: string): IDataObject {
	const campaign = (row.campaign ?? {}) as IDataObject;
	const budget = (row.campaignBudget ?? {}) as IDataObject;
	const customer = (row.customer ?? {}) as IDataObject;
	return {
		customerId,
		id: campaign.id === undefined ? null : String(campaign.id),
		name: campaign.name ?? null,
		resourceName: campaign.resourceName ?? null,
		status: campaign.status ?? null,
		servingStatus: campaign.servingStatus ?? null,
		channelType: campaign.advertisingChannelType ?? null,
		biddingStrategyType: campaign.biddingStrategyType ?? null,
		budgetResourceName: campaign.campaignBudget ?? null,
		...moneyFields('budget', budget.amountMicros, (customer.currencyCode as string | undefined) ?? null),
		budgetExplicitlyShared: budget.explicitlyShared === true,
		budgetReferenceCount: budget.referenceCount === undefined ? null : Number(budget.referenceCount),
	};
}
