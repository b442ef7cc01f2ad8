import type { IDataObject } from 'n8n-workflow';

/**
 * The two Graph calls the insights logic needs. The operation wires them to
 * the Meta transport (retries, throttling, page-size halving); unit tests of
 * the logic can pass a fake.
 */
export interface InsightsClient {
	request<T>(req: { method: 'GET' | 'POST'; path: string; qs?: IDataObject }): Promise<T>;
	/** Every page of a paged edge, following `paging.next`. */
	pages<T>(req: { path: string; qs?: IDataObject; pageSize: number }): AsyncIterable<T[]>;
	/** The major Graph API version the calls go to (25 for v25.0), when known. */
	apiVersion?: number;
}

export type Sleep = (ms: number) => Promise<void>;
