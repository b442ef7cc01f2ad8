import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait Until Ready',
		name: 'waitUntilReady',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Meta has processed the video (needed before it can be used in an ad). Off: return the video ID at once and check later with Get Status.',
	},
	{
		displayName: 'Wait Timeout (Minutes)',
		name: 'waitTimeoutMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 10,
		description: 'Fail if the video is still processing after this long',
		displayOptions: { show: { waitUntilReady: [true] } },
	},
];

export function readWaitTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('waitTimeoutMinutes', itemIndex, 10) as unknown;
	const minutes = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
		throw new NodeOperationError(ctx.getNode(), `Wait Timeout on item ${itemIndex} must be a positive number of minutes, got ${JSON.stringify(raw)}`, { itemIndex });
	}
	return Math.round(minutes * 60_000);
}
