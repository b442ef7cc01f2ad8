import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

// Filled in with the transport: customers, campaigns, ad groups.
export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {};
