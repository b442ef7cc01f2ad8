import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

// Filled in with the transport: ad accounts, campaigns, ad sets.
export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {};
