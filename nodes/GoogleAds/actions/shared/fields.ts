import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getLocatorValue } from '../../../shared/n8n/parameters';
import { normalizeCustomerId } from '../../transport';
import { parseSimpleId } from './resourceNames';

/**
 * Parameters the five resources share. The customer / campaign / ad group
 * pickers follow the common locators (list via listSearch, or an ID); this
 * file only places them per operation and reads them.
 */
export function show(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	placeholder: string,
	displayOptions: IDisplayOptions,
	required: boolean,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: required ? 'list' : 'id', value: '' },
		required,
		displayOptions,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{ displayName: 'ID', name: 'id', type: 'string', placeholder },
		],
	};
}

export const customerField = (d: IDisplayOptions): INodeProperties =>
	locator('Customer', 'customerId', 'searchCustomers', '123-456-7890', d, true);

export const campaignField = (d: IDisplayOptions, required = true): INodeProperties => ({
	...locator(required ? 'Campaign' : 'Campaign (Optional)', 'campaignId', 'searchCampaigns', '12345678', d, required),
});

export const adGroupField = (d: IDisplayOptions, required = true): INodeProperties => ({
	...locator(required ? 'Ad Group' : 'Ad Group (Optional)', 'adGroupId', 'searchAdGroups', '12345678', d, required),
});

export function returnAllFields(d: IDisplayOptions): INodeProperties[] {
	return [
		{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: d, description: 'Whether to return all results or only up to a given limit' },
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...d.show, returnAll: [false] } },
		},
	];
}

export function readCustomerId(ctx: IExecuteFunctions, itemIndex: number): string {
	return normalizeCustomerId(getLocatorValue(ctx, 'customerId', itemIndex), itemIndex, ctx.getNode());
}

export function readCampaignId(ctx: IExecuteFunctions, itemIndex: number, customerId: string): string {
	return parseSimpleId(getLocatorValue(ctx, 'campaignId', itemIndex), 'campaigns', customerId, 'Campaign');
}

export function readAdGroupId(ctx: IExecuteFunctions, itemIndex: number, customerId: string): string {
	return parseSimpleId(getLocatorValue(ctx, 'adGroupId', itemIndex), 'adGroups', customerId, 'Ad Group');
}

/** An optional locator: '' → undefined. */
export function readOptionalId(
	ctx: IExecuteFunctions,
	name: 'campaignId' | 'adGroupId',
	itemIndex: number,
	customerId: string,
): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return parseSimpleId(value, name === 'campaignId' ? 'campaigns' : 'adGroups', customerId, name === 'campaignId' ? 'Campaign' : 'Ad Group');
}

export function readPaging(ctx: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return { returnAll, limit };
}

/** GAQL LIMIT clause for a Get Many (Google stops early instead of us paging and dropping rows). */
export function limitClause(paging: { returnAll: boolean; limit: number }): string {
	return paging.returnAll ? '' : ` LIMIT ${Math.max(1, Math.floor(paging.limit))}`;
}
