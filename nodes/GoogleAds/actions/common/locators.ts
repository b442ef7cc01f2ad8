import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getLocatorValue } from '../../../shared/n8n/parameters';
import { normalizeCustomerId } from '../../transport';

/**
 * Customer / campaign / ad group pickers: a list (listSearch through the
 * manager) or a typed ID. Parameter names and search methods match what the
 * other Google resources use, so the pickers behave the same everywhere.
 */
function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	placeholder: string,
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d[\\d-]*\\s*$', errorMessage: 'Digits, dashes optional' } }],
			},
		],
	};
}

export const customerLocator = (displayOptions: IDisplayOptions, displayName = 'Customer'): INodeProperties =>
	locator(displayName, 'customerId', 'searchCustomers', '123-456-7890', displayOptions, 'The Google Ads account (customer ID, dashes optional)');

export const campaignLocator = (displayOptions: IDisplayOptions): INodeProperties =>
	locator('Campaign', 'campaignId', 'searchCampaigns', '12345678', displayOptions, 'Campaign of the chosen customer');

export const adGroupLocator = (displayOptions: IDisplayOptions): INodeProperties =>
	locator('Ad Group', 'adGroupId', 'searchAdGroups', '12345678', displayOptions, 'Ad group of the chosen customer');

/** The customer ID parameter, without dashes, or a clear error naming the item. */
export function readCustomerLocator(ctx: IExecuteFunctions, itemIndex: number, name = 'customerId'): string {
	return normalizeCustomerId(getLocatorValue(ctx, name, itemIndex), itemIndex, ctx.getNode());
}
