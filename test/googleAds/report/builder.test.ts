import { buildReportQuery } from '../../../nodes/GoogleAds/actions/report/builder';
import { normalizeRow } from '../../../nodes/GoogleAds/actions/report/normalize';
import { queryPeriod } from '../../../nodes/GoogleAds/actions/report/period';
import { parseMetricRow } from '../../../nodes/shared/contracts';

describe('report builder', () => {
	it('campaign level, preset, daily', () => {
		expect(buildReportQuery({ level: 'campaign', datePreset: 'LAST_7_DAYS', daily: true, metrics: ['ctr'], includeRemoved: false })).toBe(
			'SELECT customer.currency_code, customer.descriptive_name, campaign.id, campaign.name, campaign.status, campaign_budget.amount_micros, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value, metrics.ctr FROM campaign WHERE segments.date DURING LAST_7_DAYS AND campaign.status != \'REMOVED\'',
		);
	});

	it('keyword level, custom range, totals, removed included', () => {
		expect(buildReportQuery({ level: 'keyword', datePreset: 'custom', since: '2026-10-01T00:00:00', until: '2026-10-31', daily: false, metrics: [], includeRemoved: true })).toBe(
			"SELECT customer.currency_code, customer.descriptive_name, campaign.id, campaign.name, campaign.status, ad_group.id, ad_group.name, ad_group.status, ad_group_criterion.criterion_id, ad_group_criterion.keyword.text, ad_group_criterion.keyword.match_type, ad_group_criterion.status, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM keyword_view WHERE segments.date BETWEEN '2026-10-01' AND '2026-10-31'",
		);
	});

	it('refuses a reversed range, naming the field', () => {
		expect(() => buildReportQuery({ level: 'ad', datePreset: 'custom', since: '2026-10-31', until: '2026-10-01', daily: true, metrics: [], includeRemoved: false })).toThrow(/after end date/);
	});

	it('reads the period of a free query', () => {
		expect(queryPeriod("... WHERE segments.date BETWEEN '2026-10-01' AND '2026-10-07'")).toEqual({ since: '2026-10-01', until: '2026-10-07' });
		expect(queryPeriod('... WHERE segments.date DURING LAST_7_DAYS', Date.parse('2026-11-20T10:00:00Z'))).toEqual({ since: '2026-11-13', until: '2026-11-19' });
	});
});

describe('normalizeRow', () => {
	it('converts micros, derives ratios, maps ad group → adSet, and validates as a MetricRow', () => {
		const row = normalizeRow(
			{
				campaign: { id: '11', name: 'C' },
				adGroup: { id: '22', name: 'G', status: 'ENABLED' },
				segments: { date: '2026-11-01' },
				metrics: { impressions: '1000', clicks: '20', costMicros: '12340000', conversions: 1.5, conversionsValue: 45.6, ctr: 0.02 },
			},
			{ level: 'adSet', customerId: '1234567890', accountName: 'Acme', currency: 'EUR', since: '2026-10-01', until: '2026-11-01', keepRaw: false },
		);
		expect(row).toMatchObject({
			platform: 'google', level: 'adSet', entityId: '22', entityName: 'G', adSetId: '22', campaignId: '11',
			date: '2026-11-01', dateStop: '2026-11-01', currency: 'EUR', spend: 12.34, impressions: 1000, clicks: 20,
			conversions: 1.5, value: 45.6, ctr: 0.02, reach: null, attributes: { status: 'ENABLED' },
		});
		expect(row.cpc).toBeCloseTo(0.617);
		expect(row.cpa).toBeCloseTo(8.2267, 3);
		expect(parseMetricRow(row).ok).toBe(true);
	});

	it('totals without date use the period; zero impressions give null ratios', () => {
		const row = normalizeRow({ campaign: { id: '1' }, campaignBudget: { amountMicros: '50000000' }, metrics: {} }, {
			level: 'campaign', customerId: '1', accountName: null, currency: 'JPY', since: '2026-10-01', until: '2026-10-07', keepRaw: true,
		});
		expect(row).toMatchObject({ date: '2026-10-01', dateStop: '2026-10-07', spend: 0, ctr: null, cpc: null, attributes: { dailyBudget: 50 } });
		expect(row.raw).toBeDefined();
	});
});
