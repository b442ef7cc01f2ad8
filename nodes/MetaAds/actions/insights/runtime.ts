import { sleep } from 'n8n-workflow';

import type { Sleep } from './clientTypes';
import type { TransportOptions } from '../../transport';

/**
 * Waiting primitives the operation uses. Production keeps the defaults;
 * tests replace them so polling and backoff run instantly.
 */
export const insightsRuntime: { sleep: Sleep; transport: TransportOptions | undefined } = {
	sleep,
	transport: undefined,
};
