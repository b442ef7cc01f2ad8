import { sleep } from 'n8n-workflow';

import type { TransportOptions } from '../transport';

/**
 * Waiting primitives of the upload operations. Production keeps the
 * defaults; tests swap them so polling and retries run instantly.
 */
export const uploadRuntime: {
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	transport: TransportOptions | undefined;
	/** Bytes read from n8n's binary store at a time; bounds memory next to the chunk being sent. */
	readSizeBytes: number;
} = {
	sleep,
	now: () => Date.now(),
	transport: undefined,
	readSizeBytes: 1024 * 1024,
};
