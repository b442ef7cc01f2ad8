/**
 * Renders raw rows in Graph's insights wire format: numbers as strings, money
 * in major units of the account currency, ctr as a percentage, and the
 * actions / action_values arrays with optional attribution-window keys.
 */
import type { DailyMetrics } from '../../dataset/metrics';
import type { MetaStore } from '../store';
import type { RawRow } from './compute';
import type { InsightsQuery } from './query';

export const INSIGHTS_FIELDS = new Set([
	'account_id', 'account_name', 'account_currency', 'campaign_id', 'campaign_name', 'adset_id', 'adset_name', 'ad_id', 'ad_name',
	'objective', 'optimization_goal', 'buying_type', 'attribution_setting', 'date_start', 'date_stop',
	'impressions', 'reach', 'frequency', 'clicks', 'unique_clicks', 'inline_link_clicks', 'inline_link_click_ctr', 'cost_per_inline_link_click',
	'spend', 'ctr', 'cpc', 'cpm', 'cpp', 'actions', 'action_values', 'cost_per_action_type', 'purchase_roas', 'website_purchase_roas',
	'conversions', 'conversion_values',
]);

/** Share of the default (7d_click + 1d_view) count each window reports. */
const WINDOW_SHARE: Record<string, number> = { '1d_click': 0.72, '7d_click': 0.86, '28d_click': 0.93, '1d_view': 0.14, '1d_ev': 0.02, default: 1 };

function ratio(value: number): string {
	return value.toFixed(6);
}

function actionCounts(m: DailyMetrics): Array<[string, number]> {
	const purchases = m.pixelPurchases + m.onsitePurchases;
	const leads = m.pixelLeads + m.onsiteLeads;
	const list: Array<[string, number]> = [
		['link_click', m.linkClicks],
		['landing_page_view', m.landingPageViews],
		['page_engagement', m.clicks + Math.round(m.impressions * 0.002)],
		['post_engagement', m.clicks + Math.round(m.impressions * 0.002)],
		['offsite_conversion.fb_pixel_purchase', m.pixelPurchases],
		['onsite_conversion.purchase', m.onsitePurchases],
		['omni_purchase', purchases],
		['purchase', purchases],
		['offsite_conversion.fb_pixel_lead', m.pixelLeads],
		['onsite_conversion.lead_grouped', m.onsiteLeads],
		['lead', leads],
	];
	return list.filter(([, n]) => n > 0);
}

function actionValues(m: DailyMetrics): Array<[string, number]> {
	const list: Array<[string, number]> = [
		['offsite_conversion.fb_pixel_purchase', m.pixelPurchaseValue],
		['onsite_conversion.purchase', m.onsitePurchaseValue],
		['omni_purchase', m.pixelPurchaseValue + m.onsitePurchaseValue],
		['purchase', m.pixelPurchaseValue + m.onsitePurchaseValue],
	];
	return list.filter(([, n]) => n > 0);
}

export function formatRow(store: MetaStore, row: RawRow, query: InsightsQuery): Record<string, unknown> {
	const account = store.account(row.ancestors.accountId);
	const factor = account?.currency.minorFactor ?? 100;
	const decimals = factor === 1 ? 0 : 2;
	const money = (minor: number) => (minor / factor).toFixed(decimals);
	const m = row.metrics;
	const spendMajor = m.spend / factor;
	const withWindows = (count: number, render: (n: number) => string): Record<string, string> => {
		const entry: Record<string, string> = { value: render(count) };
		for (const window of query.windows ?? []) entry[window] = render(window === 'default' ? count : Math.round(count * WINDOW_SHARE[window]));
		return entry;
	};
	const nameOf = (id: string | undefined) => (id ? String(store.get(id)?.data.name ?? '') : undefined);
	const campaign = row.ancestors.campaignId ? store.get(row.ancestors.campaignId) : undefined;
	const adSet = row.ancestors.adSetId ? store.get(row.ancestors.adSetId) : undefined;
	const out: Record<string, unknown> = {};
	for (const field of query.fields) {
		let value: unknown;
		switch (field) {
			case 'account_id': value = row.ancestors.accountId; break;
			case 'account_name': value = account?.name; break;
			case 'account_currency': value = account?.currency.code; break;
			case 'campaign_id': value = row.ancestors.campaignId; break;
			case 'campaign_name': value = nameOf(row.ancestors.campaignId); break;
			case 'adset_id': value = row.ancestors.adSetId; break;
			case 'adset_name': value = nameOf(row.ancestors.adSetId); break;
			case 'ad_id': value = row.ancestors.adId; break;
			case 'ad_name': value = nameOf(row.ancestors.adId); break;
			case 'objective': value = campaign?.data.objective; break;
			case 'optimization_goal': value = adSet?.data.optimization_goal; break;
			case 'buying_type': value = campaign ? 'AUCTION' : undefined; break;
			case 'attribution_setting': value = 'mixed'; break;
			case 'impressions': value = String(m.impressions); break;
			case 'reach': value = String(m.reach); break;
			case 'frequency': value = m.reach > 0 ? ratio(m.impressions / m.reach) : undefined; break;
			case 'clicks': value = String(m.clicks); break;
			case 'unique_clicks': value = String(Math.round(m.clicks * 0.9)); break;
			case 'inline_link_clicks': value = String(m.linkClicks); break;
			case 'inline_link_click_ctr': value = m.impressions > 0 ? ratio((m.linkClicks / m.impressions) * 100) : undefined; break;
			case 'cost_per_inline_link_click': value = m.linkClicks > 0 ? ratio(spendMajor / m.linkClicks) : undefined; break;
			case 'spend': value = money(m.spend); break;
			case 'ctr': value = m.impressions > 0 ? ratio((m.clicks / m.impressions) * 100) : undefined; break;
			case 'cpc': value = m.clicks > 0 ? ratio(spendMajor / m.clicks) : undefined; break;
			case 'cpm': value = m.impressions > 0 ? ratio((spendMajor / m.impressions) * 1000) : undefined; break;
			case 'cpp': value = m.reach > 0 ? ratio((spendMajor / m.reach) * 1000) : undefined; break;
			case 'actions':
			case 'conversions': {
				const list = actionCounts(m).map(([type, n]) => ({ action_type: type, ...withWindows(n, String) }));
				value = list.length > 0 ? list : undefined;
				break;
			}
			case 'action_values':
			case 'conversion_values': {
				const list = actionValues(m).map(([type, n]) => ({ action_type: type, ...withWindows(n, money) }));
				value = list.length > 0 ? list : undefined;
				break;
			}
			case 'cost_per_action_type': {
				const list = actionCounts(m).map(([type, n]) => ({ action_type: type, value: ratio(spendMajor / n) }));
				value = list.length > 0 ? list : undefined;
				break;
			}
			case 'purchase_roas':
			case 'website_purchase_roas': {
				const pixelOnly = field === 'website_purchase_roas';
				const purchaseValue = pixelOnly ? m.pixelPurchaseValue : m.pixelPurchaseValue + m.onsitePurchaseValue;
				value = spendMajor > 0 && purchaseValue > 0
					? [{ action_type: pixelOnly ? 'offsite_conversion.fb_pixel_purchase' : 'omni_purchase', value: ratio(purchaseValue / factor / spendMajor) }]
					: undefined;
				break;
			}
			default: value = undefined; // date_start/date_stop are added below
		}
		if (value !== undefined) out[field] = value;
	}
	Object.assign(out, row.breakdown);
	out.date_start = row.since;
	out.date_stop = row.until;
	return out;
}
