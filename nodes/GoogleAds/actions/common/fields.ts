import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getLocatorValue } from '../../../shared/n8n/parameters';
import { adGroupLocator, campaignLocator, customerLocator, readCustomerLocator } from './locators';
import { parseSimpleId } from './resourceNames';

/**
 * Parameters the five resources share. The customer / campaign / ad group
 * pickers are the common locators; this file places them per operation and
 * reads them (IDs or same-customer resource names).
 */
export function show(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

/** Optional pickers (filters): same locator, not required, empty by default. */
function optional(property: INodeProperties, displayName: string): INodeProperties {
	return { ...property, displayName, required: false, default: { mode: 'id', value: '' } };
}

export const customerField = (d: IDisplayOptions): INodeProperties => customerLocator(d);

export const campaignField = (d: IDisplayOptions, required = true): INodeProperties =>
	required ? campaignLocator(d) : optional(campaignLocator(d), 'Campaign (Optional)');

export const adGroupField = (d: IDisplayOptions, required = true): INodeProperties =>
	required ? adGroupLocator(d) : optional(adGroupLocator(d), 'Ad Group (Optional)');

// Return All / Limit are the shared description fragment.
export { returnAllFields } from '../../../shared/n8n/descriptions';

export function readCustomerId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readCustomerLocator(ctx, itemIndex);
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
