import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { googleAdsRequest, normalizeCustomerId, search } from '../transport';

/**
 * Rows shown per page of a picker. GAQL has no OFFSET, so the token is an
 * offset and each page asks for LIMIT offset + PAGE + 1 rows: the first page
 * of a 20,000-campaign account costs 101 rows, not 20,000.
 */
const PAGE = 100;
/** Accessible customers whose client lists are read at the same time. */
const CUSTOMER_CONCURRENCY = 4;

function quote(text: string): string {
	return `'%${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/%/g, '')}%'`;
}

function offsetOf(paginationToken?: string): number {
	const offset = Number(paginationToken ?? 0);
	return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** `results` holds everything up to at least this page (plus one row that says whether more follow). */
function page(results: INodeListSearchItems[], paginationToken?: string): INodeListSearchResult {
	const offset = offsetOf(paginationToken);
	const slice = results.slice(offset, offset + PAGE);
	return { results: slice, paginationToken: offset + PAGE < results.length ? String(offset + PAGE) : undefined };
}

/** GAQL LIMIT that fetches this page and one row beyond it. Queries order by name, then id, so pages stay stable between calls. */
function limitFor(paginationToken?: string): string {
	return `LIMIT ${offsetOf(paginationToken) + PAGE + 1}`;
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

interface ClientRow {
	id: string;
	label: string;
	manager: boolean;
}

async function clientsOf(ctx: ILoadOptionsFunctions, id: string): Promise<ClientRow[]> {
	let rows: IDataObject[];
	try {
		rows = await search(ctx, id, 'SELECT customer_client.id, customer_client.descriptive_name, customer_client.manager, customer_client.level FROM customer_client WHERE customer_client.level <= 1');
	} catch {
		// Some accessible customers need another login-customer-id; still list them by id.
		return [];
	}
	return rows.map((row) => {
		const client = row.customerClient as IDataObject;
		const cid = String(client.id);
		const manager = client.manager === true;
		return { id: cid, manager, label: `${String(client.descriptiveName ?? cid)}${manager ? ' (manager)' : ''} — ${dashed(cid)}` };
	});
}

/**
 * Customers: those the user reaches directly (listAccessibleCustomers), and
 * for managers their clients through the customer_client hierarchy. A
 * customer already listed as some manager's non-manager client is not asked
 * again: its own hierarchy is just itself.
 */
async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { resourceNames = [] } = await googleAdsRequest<{ resourceNames?: string[] }>(this, {
		method: 'GET',
		path: 'customers:listAccessibleCustomers',
	});
	const accessible = resourceNames.map((rn) => rn.split('/')[1]);
	const seen = new Map<string, ClientRow>();
	const answers = new Map<string, ClientRow[]>();
	let next = 0;
	const worker = async () => {
		while (next < accessible.length) {
			const id = accessible[next++];
			if (seen.get(id)?.manager === false) continue;
			const rows = await clientsOf(this, id);
			answers.set(id, rows);
			for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
		}
	};
	await Promise.all(Array.from({ length: Math.min(CUSTOMER_CONCURRENCY, accessible.length) }, worker));

	// In listAccessibleCustomers order, each followed by its clients, whatever order the answers came in.
	const listed = new Map<string, INodeListSearchItems>();
	for (const id of accessible) {
		const rows = answers.get(id);
		if (rows === undefined) continue; // skipped: listed as another manager's client
		if (!rows.length && !listed.has(id)) listed.set(id, { name: dashed(id), value: id });
		for (const row of rows) if (!listed.has(row.id)) listed.set(row.id, { name: row.label, value: row.id });
	}
	const results = [...listed.values()].filter((r) => matchesFilter(String(r.name), String(r.value), filter));
	return page(results, paginationToken);
}

async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const cid = selectedCustomer(this);
	const where = ["campaign.status != 'REMOVED'", ...(filter ? [`campaign.name LIKE ${quote(filter)}`] : [])];
	const rows = await search(this, cid, `SELECT campaign.id, campaign.name, campaign.status FROM campaign WHERE ${where.join(' AND ')} ORDER BY campaign.name, campaign.id ${limitFor(paginationToken)}`);
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
	const rows = await search(this, cid, `SELECT ad_group.id, ad_group.name, campaign.name FROM ad_group WHERE ${where.join(' AND ')} ORDER BY ad_group.name, ad_group.id ${limitFor(paginationToken)}`);
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
