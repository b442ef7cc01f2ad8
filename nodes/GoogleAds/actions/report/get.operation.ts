import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { dateRangeFields } from '../../../shared/n8n/descriptions';
import type { OperationResult } from '../../../shared/n8n/operation';
import { customerLocator, readCustomerLocator } from '../common/locators';
import { search, searchStream } from '../../transport';
import { buildReportQuery, ReportSpecError, type ReportLevel, type ReportSpec } from './builder';
import { normalizeRow, RESOURCE_LEVEL } from './normalize';
import { presetPeriod, queryPeriod } from './period';

const show = { show: { resource: ['report'], operation: ['get'] } };
const builder = { show: { ...show.show, mode: ['builder'] } };

const PRESETS = [
	['Today', 'TODAY'], ['Yesterday', 'YESTERDAY'], ['Last 7 Days', 'LAST_7_DAYS'], ['Last 14 Days', 'LAST_14_DAYS'],
	['Last 30 Days', 'LAST_30_DAYS'], ['This Month', 'THIS_MONTH'], ['Last Month', 'LAST_MONTH'],
	['This Week (Mon–Today)', 'THIS_WEEK_MON_TODAY'], ['Last Week (Mon–Sun)', 'LAST_WEEK_MON_SUN'], ['Custom Range', 'custom'],
];

const EXTRA_METRICS = [
	['All Conversions', 'all_conversions'], ['All Conversions Value', 'all_conversions_value'], ['Average CPC (Micros)', 'average_cpc'],
	['Average CPM (Micros)', 'average_cpm'], ['Cost per Conversion (Micros)', 'cost_per_conversion'], ['CTR', 'ctr'], ['Interactions', 'interactions'],
];

export const description: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Query Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Builder', value: 'builder', description: 'Pick a level, a date range and metrics' },
			{ name: 'GAQL', value: 'gaql', description: 'Write a Google Ads Query Language query' },
		],
		default: 'builder',
		displayOptions: show,
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{ name: 'Ad', value: 'ad' },
			{ name: 'Ad Group', value: 'adGroup' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Keyword', value: 'keyword' },
		],
		default: 'campaign',
		displayOptions: builder,
	},
	{
		displayName: 'Date Range',
		name: 'datePreset',
		type: 'options',
		options: PRESETS.map(([name, value]) => ({ name, value })),
		default: 'LAST_7_DAYS',
		description: 'Re-read the last 14–30 days each run: Google keeps attributing late conversions',
		displayOptions: builder,
	},
	...dateRangeFields({ show: { ...builder.show, datePreset: ['custom'] } }, { since: 'Start Date', until: 'End Date' }),
	{
		displayName: 'Daily Rows',
		name: 'daily',
		type: 'boolean',
		default: true,
		description: 'Whether to return one row per day (segments.date) instead of one total per entity',
		displayOptions: builder,
	},
	{
		displayName: 'Extra Metrics',
		name: 'metrics',
		type: 'multiOptions',
		options: EXTRA_METRICS.map(([name, value]) => ({ name, value })),
		default: [],
		description: 'Impressions, clicks, cost, conversions and conversion value are always included. Extra metrics appear in raw output (or under "raw" with Keep Raw Values).',
		displayOptions: builder,
	},
	{
		displayName: 'Include Removed',
		name: 'includeRemoved',
		type: 'boolean',
		default: false,
		description: 'Whether to include removed entities',
		displayOptions: builder,
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 6 },
		default: "SELECT campaign.id, campaign.name, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM campaign WHERE segments.date DURING LAST_7_DAYS",
		required: true,
		description: 'GAQL. Normalized output needs FROM customer, campaign, ad_group, ad_group_ad or keyword_view.',
		displayOptions: { show: { ...show.show, mode: ['gaql'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Normalized Metric Rows', value: 'normalized', description: 'AdPilot metric rows: money in currency units, ctr as ratio' },
			{ name: 'Raw Google Rows', value: 'raw', description: 'Rows as Google returns them (micros, nested objects)' },
		],
		default: 'normalized',
		displayOptions: show,
	},
	{
		displayName: 'Keep Raw Values',
		name: 'keepRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to add the Google row under "raw" on each normalized row',
		displayOptions: { show: { ...show.show, output: ['normalized'] } },
	},
];

interface AccountInfo {
	currency: string;
	name: string | null;
}

/** Currency and name per customer, asked once per execution however many items or rows. */
const accountCache = new WeakMap<object, Map<string, Promise<AccountInfo>>>();

async function accountInfo(ctx: IExecuteFunctions, customerId: string, itemIndex: number): Promise<AccountInfo> {
	let perRun = accountCache.get(ctx);
	if (!perRun) accountCache.set(ctx, (perRun = new Map()));
	let info = perRun.get(customerId);
	if (!info) {
		info = search(ctx, customerId, 'SELECT customer.currency_code, customer.descriptive_name FROM customer LIMIT 1', { itemIndex }).then((rows) => {
			const customer = (rows[0]?.customer ?? {}) as IDataObject;
			return { currency: String(customer.currencyCode ?? ''), name: customer.descriptiveName ? String(customer.descriptiveName) : null };
		});
		perRun.set(customerId, info);
		info.catch(() => perRun!.delete(customerId));
	}
	return await info;
}

function readSpec(ctx: IExecuteFunctions, itemIndex: number): ReportSpec {
	const datePreset = ctx.getNodeParameter('datePreset', itemIndex) as string;
	return {
		level: ctx.getNodeParameter('level', itemIndex) as ReportLevel,
		datePreset,
		since: datePreset === 'custom' ? String(ctx.getNodeParameter('since', itemIndex, '')) : undefined,
		until: datePreset === 'custom' ? String(ctx.getNodeParameter('until', itemIndex, '')) : undefined,
		daily: ctx.getNodeParameter('daily', itemIndex, true) as boolean,
		metrics: ctx.getNodeParameter('metrics', itemIndex, []) as string[],
		includeRemoved: ctx.getNodeParameter('includeRemoved', itemIndex, false) as boolean,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const customerId = readCustomerLocator(this, itemIndex);
	const mode = this.getNodeParameter('mode', itemIndex, 'builder') as string;
	const output = this.getNodeParameter('output', itemIndex, 'normalized') as string;
	let query: string;
	let period: { since: string; until: string };
	if (mode === 'builder') {
		const spec = readSpec(this, itemIndex);
		try {
			query = buildReportQuery(spec);
		} catch (error) {
			if (!(error instanceof ReportSpecError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			throw new NodeOperationError(this.getNode(), `${error.message} (item ${itemIndex})`, { itemIndex, description: `Check the "${error.field}" parameter.` });
		}
		period = spec.datePreset === 'custom'
			? { since: String(spec.since).slice(0, 10), until: String(spec.until).slice(0, 10) }
			: (presetPeriod(spec.datePreset) ?? queryPeriod(query));
	} else {
		query = String(this.getNodeParameter('query', itemIndex, '')).trim();
		if (!query) throw new NodeOperationError(this.getNode(), `The GAQL query is empty (item ${itemIndex})`, { itemIndex });
		period = queryPeriod(query);
	}

	const rows: IDataObject[] = [];
	if (output === 'raw') {
		await searchStream(this, customerId, query, (chunk) => void rows.push(...chunk), { itemIndex });
		return rows;
	}
	const resource = /\bFROM\s+([a-z_]+)/i.exec(query)?.[1]?.toLowerCase() ?? '';
	const level = RESOURCE_LEVEL[resource];
	if (!level) {
		throw new NodeOperationError(this.getNode(), `Normalized rows need a query FROM customer, campaign, ad_group, ad_group_ad or keyword_view, not "${resource || '?'}" (item ${itemIndex})`, {
			itemIndex,
			description: 'Set Output to "Raw Google Rows" for other resources.',
		});
	}
	// Builder queries select the currency themselves; a hand-written query may not.
	const account = /\bcustomer\.currency_code\b/i.test(query) ? { currency: '', name: null } : await accountInfo(this, customerId, itemIndex);
	const keepRaw = this.getNodeParameter('keepRaw', itemIndex, false) as boolean;
	const context = { level, customerId, accountName: account.name, currency: account.currency, ...period, keepRaw };
	// Normalize each chunk as it arrives so only one chunk of Google rows is alive at a time.
	await searchStream(this, customerId, query, (chunk) => {
		for (const row of chunk) rows.push(normalizeRow(row, context) as unknown as IDataObject);
	}, { itemIndex });
	return rows;
}
