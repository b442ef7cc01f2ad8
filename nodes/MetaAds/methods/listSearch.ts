import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { graphRequest, nextPageParams, normalizeAdAccountId } from '../transport';

interface Page {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

const PAGE_SIZE = 100;
const ADS_MANAGER = 'https://adsmanager.facebook.com/adsmanager/manage';

/** One page of a Graph edge, with Meta's `after` cursor as n8n's pagination token. */
async function fetchPage(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, paginationToken?: string): Promise<Page & { token?: string }> {
	const page = await graphRequest<Page>(ctx, {
		method: 'GET',
		path,
		qs: { ...qs, limit: PAGE_SIZE, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const next = nextPageParams(page.paging);
	return { ...page, token: typeof next?.after === 'string' ? next.after : undefined };
}

/** A parameter from the editor, or undefined when it is empty or not set. */
function currentValue(ctx: ILoadOptionsFunctions, name: string): string | undefined {
	try {
		const value = ctx.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
		const text = typeof value === 'object' && value !== null ? String((value as IDataObject).value ?? '') : String(value ?? '');
		return text.trim() === '' ? undefined : text.trim();
	} catch {
		return undefined;
	}
}

function accountOf(ctx: ILoadOptionsFunctions): string {
	// `adAccountId` is the shared name; `adAccount` kept for nodes that chose it.
	const raw = currentValue(ctx, 'adAccountId') ?? currentValue(ctx, 'adAccount');
	if (!raw) throw new NodeOperationError(ctx.getNode(), 'Choose an ad account first', { description: 'The list depends on the selected Ad Account' });
	return normalizeAdAccountId(raw, undefined, ctx.getNode());
}

/** Server-side name filter for edges that support `filtering`. */
function nameFilter(filter?: string): IDataObject {
	return filter ? { filtering: [{ field: 'name', operator: 'CONTAIN', value: filter }] } : {};
}

function matches(row: IDataObject, filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return [row.name, row.id, row.account_id].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

/** Ad accounts the token can see. Meta cannot filter this edge by name, so we filter each page here. */
async function searchAdAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = await fetchPage(this, '/me/adaccounts', { fields: 'id,account_id,name' }, paginationToken);
	const results: INodeListSearchItems[] = (page.data ?? []).filter((row) => matches(row, filter)).map((row) => {
		const id = normalizeAdAccountId(String(row.id ?? row.account_id), undefined, this.getNode());
		return {
			name: `${String(row.name ?? id)} (${id.slice(4)})`,
			value: id,
			url: `${ADS_MANAGER}/campaigns?act=${id.slice(4)}`,
		};
	});
	return { results, paginationToken: page.token };
}

async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const account = accountOf(this);
	const page = await fetchPage(this, `/${account}/campaigns`, { fields: 'id,name,status', ...nameFilter(filter) }, paginationToken);
	const results = (page.data ?? []).map((row) => ({
		name: `${String(row.name ?? row.id)}${row.status ? ` [${String(row.status)}]` : ''}`,
		value: String(row.id),
		url: `${ADS_MANAGER}/campaigns?act=${account.slice(4)}&selected_campaign_ids=${String(row.id)}`,
	}));
	return { results, paginationToken: page.token };
}

/** Ad sets of the selected campaign when there is one, else of the whole account. */
async function searchAdSets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const campaign = currentValue(this, 'campaignId');
	const account = campaign ? undefined : accountOf(this);
	const path = campaign ? `/${campaign}/adsets` : `/${account}/adsets`;
	const page = await fetchPage(this, path, { fields: 'id,name,status,account_id', ...nameFilter(filter) }, paginationToken);
	const results = (page.data ?? []).map((row) => {
		const act = account ? account.slice(4) : String(row.account_id ?? '');
		return {
			name: `${String(row.name ?? row.id)}${row.status ? ` [${String(row.status)}]` : ''}`,
			value: String(row.id),
			url: `${ADS_MANAGER}/adsets?act=${act}&selected_adset_ids=${String(row.id)}`,
		};
	});
	return { results, paginationToken: page.token };
}

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = { searchAdAccounts, searchCampaigns, searchAdSets };
