import type { IDataObject } from 'n8n-workflow';

export type SettableStatus = 'ENABLED' | 'PAUSED';

/** One update operation that changes only the status, so nothing else is touched. */
export function statusOperation(resourceName: string, status: SettableStatus): IDataObject {
	return { update: { resourceName, status }, updateMask: 'status' };
}

/** Removal is its own verb in Google Ads (status REMOVED cannot be set by update). */
export function removeOperation(resourceName: string): IDataObject {
	return { remove: resourceName };
}

/** Status values a Get Many filter may ask for. */
export const STATUS_FILTER_OPTIONS = [
	{ name: 'Enabled', value: 'ENABLED' },
	{ name: 'Paused', value: 'PAUSED' },
	{ name: 'Removed', value: 'REMOVED' },
];
