import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { STATUS_FILTER_OPTIONS } from './status';

export function statusFilterField(d: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Status',
		name: 'statusFilter',
		type: 'multiOptions',
		options: STATUS_FILTER_OPTIONS,
		default: ['ENABLED', 'PAUSED'],
		description: 'Only return items in these statuses. Empty returns every status.',
		displayOptions: d,
	};
}

export function readStatusFilter(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('statusFilter', itemIndex, ['ENABLED', 'PAUSED']) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw !== '' ? raw.split(',') : [];
	return list.map((s) => String(s).trim().toUpperCase()).filter((s) => ['ENABLED', 'PAUSED', 'REMOVED'].includes(s));
}
