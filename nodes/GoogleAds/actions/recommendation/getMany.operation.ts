import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { search } from '../../transport';
import { toItemError } from '../common/errors';
import { campaignField, customerField, limitClause, readCustomerId, readOptionalId, readPaging, returnAllFields, show } from '../common/fields';
import { inFilter, where } from '../common/gaql';
import { moneyFields } from '../common/money';
import { idOf } from '../common/resourceNames';

const d = show('recommendation', 'getMany');

const TYPES = [
	'CAMPAIGN_BUDGET',
	'KEYWORD',
	'TEXT_AD',
	'TARGET_CPA_OPT_IN',
	'MAXIMIZE_CONVERSIONS_OPT_IN',
	'TARGET_ROAS_OPT_IN',
	'RESPONSIVE_SEARCH_AD',
	'USE_BROAD_MATCH_KEYWORD',
	'SITELINK_ASSET',
	'RESPONSIVE_SEARCH_AD_IMPROVE_AD_STRENGTH',
];

export const description: INodeProperties[] = [
	customerField(d),
	campaignField(d, false),
	{
		displayName: 'Types',
		name: 'types',
		type: 'multiOptions',
		options: TYPES.map((t) => ({ name: t.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()), value: t })),
		default: [],
		description: 'Only these recommendation types. Empty returns every type.',
		displayOptions: d,
	},
	...returnAllFields(d),
];

const METRICS = ['impressions', 'clicks', 'cost_micros', 'conversions', 'conversions_value'];

const FIELDS = [
	'recommendation.resource_name',
	'recommendation.type',
	'recommendation.campaign',
	'recommendation.ad_group',
	'recommendation.dismissed',
	...METRICS.map((m) => `recommendation.impact.base_metrics.${m}`),
	...METRICS.map((m) => `recommendation.impact.potential_metrics.${m}`),
	'metrics.optimization_score_uplift',
	'customer.currency_code',
].join(', ');

function metricsOf(raw: unknown, currency: string | null): IDataObject {
	const m = (raw ?? {}) as IDataObject;
	const num = (v: unknown) => (v === undefined || v === null ? 0 : Number(v));
	return {
		impressions: num(m.impressions),
		clicks: num(m.clicks),
		...moneyFields('cost', m.costMicros ?? '0'),
		conversions: num(m.conversions),
		conversionsValue: num(m.conversionsValue),
		currency,
	};
}

function recommendationItem(row: IDataObject, customerId: string): IDataObject {
	const rec = (row.recommendation ?? {}) as IDataObject;
	const impact = (rec.impact ?? {}) as IDataObject;
	const currency = (((row.customer ?? {}) as IDataObject).currencyCode as string | undefined) ?? null;
	const uplift = ((row.metrics ?? {}) as IDataObject).optimizationScoreUplift;
	return {
		customerId,
		resourceName: rec.resourceName ?? null,
		id: idOf(rec.resourceName as string | undefined),
		type: rec.type ?? null,
		campaign: rec.campaign ?? null,
		campaignId: idOf(rec.campaign as string | undefined),
		adGroup: rec.adGroup ?? null,
		dismissed: rec.dismissed === true,
		impact: { base: metricsOf(impact.baseMetrics, currency), potential: metricsOf(impact.potentialMetrics, currency) },
		// A share of the 0..1 optimization score.
		optimizationScoreUplift: uplift === undefined ? null : Number(uplift),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const campaignId = readOptionalId(this, 'campaignId', itemIndex, customerId);
		const types = (this.getNodeParameter('types', itemIndex, []) as string[]) ?? [];
		const paging = readPaging(this, itemIndex);
		const query =
			`SELECT ${FIELDS} FROM recommendation` +
			where([campaignId && `recommendation.campaign = 'customers/${customerId}/campaigns/${campaignId}'`, inFilter('recommendation.type', types)]) +
			limitClause(paging);
		const rows = await search<IDataObject>(this, customerId, query, { itemIndex, ...paging });
		return rows.map((row) => recommendationItem(row, customerId));
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
