import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { googleAdsRequest, normalizeCustomerId, search } from '../transport';

/** Rows shown per page of a picker; GAQL has no offset, so the token is an offset into our own query. */
const PAGE = 100;

function quote(text: string): string {
	return `'%${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/%/g, '')}%'`;
}

function page(results: INodeListSearchItems[], paginationToken?: string): INodeListSearchResult {
	const offset = Number(paginationToken ?? 0) || 0;
	const slice = results.slice(offset, offset + PAGE);
	return { results: slice, paginationToken: offset + PAGE < results.length ? String(offset + PAGE) : undefined };
}

function matchesFilter(name: string, id: string, filter?: string): boolean {
	if (!filter) return true;
	const f = filter.toLowerCase().replace(/-/g, '');
	return name.toLowerCase().includes(filter.toLowerCase()) || id.includes(f);
}

function selectedCustomer(ctx: ILoadOptionsFunctions): string {
	const value = ctx.getCurrentNodeParameter('customerId', { extractValue: true }) as unknown;
	const raw = typeof value === 'object' && value !== null ? String((value as IDataObject).value ?? '') : String(value ?? '');
	return normalizeCustomerId(raw);
}

function dashed(id: string): string {
	return `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}`;
}

/**
 * Customers: those the user reaches directly (listAccessibleCustomers), and
 * for managers their clients through the customer_client hierarchy.
 */
async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { resourceNames = [] } = await googleAdsRequest<{ resourceNames?: string[] }>(this, {
		method: 'GET',
		path: 'customers:listAccessibleCustomers',
	});
	const seen = new Map<string, INodeListSearchItems>();
	for (const rn of resourceNames) {
		const id = rn.split('/')[1];
		let rows: IDataObject[] = [];
		try {
			rows = await search(this, id, 'SELECT customer_client.id, customer_client.descriptive_name, customer_client.manager, customer_client.level FROM customer_client WHERE customer_client.level <= 1');
		} catch {
			// Some accessible customers need another login-customer-id; still list them by id.
		}
		if (!rows.length) seen.set(id, { name: dashed(id), value: id });
		for (const row of rows) {
			const client = row.customerClient as IDataObject;
			const cid = String(client.id);
			const label = `${String(client.descriptiveName ?? cid)}${client.manager === true ? ' (manager)' : ''} — ${dashed(cid)}`;
			if (!seen.has(cid)) seen.set(cid, { name: label, value: cid });
		}
	}
	const results = [...seen.values()].filter((r) => matchesFilter(r.name, String(r.value), filter));
	return page(results, paginationToken);
}

async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const cid = selectedCustomer(this);
	const where = ["campaign.status != 'REMOVED'", ...(filter ? [`campaign.name LIKE ${quote(filter)}`] : [])];
	const rows = await search(this, cid, `SELECT campaign.id, campaign.name, campaign.status FROM campaign WHERE ${where.join(' AND ')} ORDER BY campaign.name`);
	const results = rows.map((row) => {
		const c = row.campaign as IDataObject;
		return { name: `${String(c.name)}${c.status === 'PAUSED' ? ' (paused)' : ''}`, value: String(c.id) };
	});
	return page(results, paginationToken);
}

async function searchAdGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const cid = selectedCustomer(this);
	const campaign = this.getCurrentNodeParameter('campaignId', { extractValue: true }) as unknown;
	const campaignId = String((typeof campaign === 'object' && campaign !== null ? (campaign as IDataObject).value : campaign) ?? '').trim();
	const where = ["ad_group.status != 'REMOVED'"];
	if (/^\d+$/.test(campaignId)) where.push(`campaign.id = ${campaignId}`);
	if (filter) where.push(`ad_group.name LIKE ${quote(filter)}`);
	const rows = await search(this, cid, `SELECT ad_group.id, ad_group.name, campaign.name FROM ad_group WHERE ${where.join(' AND ')} ORDER BY ad_group.name`);
	const results = rows.map((row) => {
		const g = row.adGroup as IDataObject;
		return { name: `${String(g.name)} — ${String((row.campaign as IDataObject).name)}`, value: String(g.id) };
	});
	return page(results, paginationToken);
}

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = { searchCustomers, searchCampaigns, searchAdGroups };
