/**
 * Google Ads rows → AdPilot's normalized MetricRow. Micros become major
 * units here and nowhere else; ctr is a ratio; ad groups are 'adSet'.
 */
import type { IDataObject } from 'n8n-workflow';

import { deriveMetrics, METRIC_ROW_SCHEMA, type EntityLevel, type MetricRow } from '../../../shared/contracts';
import { fromGoogleMicros } from '../../../shared/money';

/** FROM resource → level. */
export const RESOURCE_LEVEL: Record<string, EntityLevel> = {
	customer: 'account',
	campaign: 'campaign',
	ad_group: 'adSet',
	ad_group_ad: 'ad',
	keyword_view: 'keyword',
	ad_group_criterion: 'keyword',
};

export interface NormalizeContext {
	level: EntityLevel;
	customerId: string;
	/** Used when the row does not carry customer.descriptive_name / currency_code. */
	accountName: string | null;
	currency: string;
	/** Period when rows are not segmented by date. */
	since: string;
	until: string;
	keepRaw: boolean;
}

function obj(value: unknown): IDataObject {
	return value && typeof value === 'object' ? (value as IDataObject) : {};
}

function num(value: unknown): number {
	const n = Number(value ?? 0);
	return Number.isFinite(n) ? n : 0;
}

function str(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
}

export function normalizeRow(row: IDataObject, ctx: NormalizeContext): MetricRow {
	const metrics = obj(row.metrics);
	const campaign = obj(row.campaign);
	const adGroup = obj(row.adGroup);
	const adGroupAd = obj(row.adGroupAd);
	const ad = obj(adGroupAd.ad);
	const criterion = obj(row.adGroupCriterion);
	const keyword = obj(criterion.keyword);
	const customer = obj(row.customer);
	const budget = obj(row.campaignBudget);
	const date = str(obj(row.segments).date);
	const accountName = str(customer.descriptiveName) ?? ctx.accountName;

	const totals = {
		impressions: num(metrics.impressions),
		clicks: num(metrics.clicks),
		spend: fromGoogleMicros(num(metrics.costMicros)),
		conversions: num(metrics.conversions),
		value: num(metrics.conversionsValue),
	};
	const ids: Record<EntityLevel, [string | null, string | null]> = {
		account: [str(customer.id) ?? ctx.customerId, accountName],
		campaign: [str(campaign.id), str(campaign.name)],
		adSet: [str(adGroup.id), str(adGroup.name)],
		ad: [str(ad.id), str(ad.name)],
		keyword: [str(criterion.criterionId), str(keyword.text)],
	};
	const [entityId, entityName] = ids[ctx.level];
	const status = { account: customer.status, campaign: campaign.status, adSet: adGroup.status, ad: adGroupAd.status, keyword: criterion.status }[ctx.level];

	const out: MetricRow = {
		schema: METRIC_ROW_SCHEMA,
		platform: 'google',
		level: ctx.level,
		entityId: entityId ?? '',
		entityName,
		accountId: ctx.customerId,
		accountName,
		campaignId: str(campaign.id),
		campaignName: str(campaign.name),
		adSetId: str(adGroup.id),
		adSetName: str(adGroup.name),
		adId: str(ad.id),
		adName: str(ad.name),
		keywordId: str(criterion.criterionId),
		keywordText: str(keyword.text),
		date: date ?? ctx.since,
		dateStop: date ?? ctx.until,
		currency: str(customer.currencyCode) ?? ctx.currency,
		...totals,
		reach: null,
		frequency: null,
		...deriveMetrics(totals),
	};
	const attributes: MetricRow['attributes'] = {};
	if (status !== undefined) attributes.status = str(status);
	if (ctx.level === 'campaign' && budget.amountMicros !== undefined) attributes.dailyBudget = fromGoogleMicros(num(budget.amountMicros));
	if (Object.keys(attributes).length) out.attributes = attributes;
	if (ctx.keepRaw) out.raw = row;
	return out;
}
