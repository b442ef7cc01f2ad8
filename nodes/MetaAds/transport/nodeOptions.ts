import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MetaContext } from './types';

/**
 * Add this to an operation's "Options" collection (named `options`) to let
 * users bound how long a run may pause for Meta's rate limits. The transport
 * reads it by itself; operations need not pass it on.
 */
export const maxThrottleWaitOption: INodeProperties = {
	displayName: 'Max Rate Limit Wait (Minutes)',
	name: 'maxThrottleWaitMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 5,
	description:
		'When Meta says access returns within this time, the node waits; otherwise it fails at once saying when access returns',
};

export function readMaxThrottleWaitMs(ctx: MetaContext, itemIndex: number | undefined): number | undefined {
	try {
		// Load-options contexts have no item-scoped parameters; they use the default.
		if (itemIndex === undefined || !('getInputData' in ctx)) return undefined;
		const minutes = (ctx as IExecuteFunctions).getNodeParameter('options.maxThrottleWaitMinutes', itemIndex, undefined) as
			| number
			| undefined;
		return typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : undefined;
	} catch {
		return undefined;
	}
}
