import { conversionSelection } from '../../../nodes/MetaAds/actions/insights/conversions';
import { createNormalizer, type NormalizeOptions } from '../../../nodes/MetaAds/actions/insights/normalize';
import type { MetaInsightRow } from '../../../nodes/MetaAds/actions/insights/types';
import { parseMetricRow } from '../../../nodes/shared/contracts/validate';

const base: NormalizeOptions = {
	level: 'ad',
	breakdowns: [],
	conversions: conversionSelection('sales', []),
	keepRaw: false,
	clicksField: 'clicks',
	accountId: 'act_42',
};

const row: MetaInsightRow = {
	account_id: '42',
	account_name: 'Shop',
	account_currency: 'EUR',
	campaign_id: 'c1',
	campaign_name: 'Camp',
	adset_id: 's1',
	adset_name: 'Set',
	ad_id: 'a1',
	ad_name: 'Ad',
	date_start: '2026-03-01',
	date_stop: '2026-03-01',
	impressions: '2000',
	clicks: '30',
	inline_link_clicks: '20',
	spend: '45.50',
	reach: '1600',
	frequency: '1.25',
	actions: [
		{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '3' },
		{ action_type: 'onsite_conversion.purchase', value: '2' },
		{ action_type: 'purchase', value: '5' },
	],
	action_values: [
		{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '120.00' },
		{ action_type: 'onsite_conversion.purchase', value: '62.00' },
		{ action_type: 'omni_purchase', value: '182.00' },
	],
};

describe('createNormalizer', () => {
	it('maps a Graph row to a metric row in major units with ratios from totals', () => {
		const out = createNormalizer(base)(row);
		expect(out).toEqual({
			schema: 'adpilot.metricRow/v1',
			platform: 'meta',
			level: 'ad',
			entityId: 'a1',
			entityName: 'Ad',
			accountId: '42',
			accountName: 'Shop',
			campaignId: 'c1',
			campaignName: 'Camp',
			adSetId: 's1',
			adSetName: 'Set',
			adId: 'a1',
			adName: 'Ad',
			keywordId: null,
			keywordText: null,
			date: '2026-03-01',
			dateStop: '2026-03-01',
			currency: 'EUR',
			impressions: 2000,
			clicks: 30,
			spend: 45.5,
			conversions: 5,
			value: 182,
			reach: 1600,
			frequency: 1.25,
			ctr: 0.015,
			cpc: 45.5 / 30,
			cpm: 22.75,
			cpa: 9.1,
			roas: 182 / 45.5,
		});
		expect(parseMetricRow(out).ok).toBe(true);
	});

	it('gives null ratios on zero denominators, never 0 or Infinity', () => {
		const out = createNormalizer(base)({ ...row, impressions: '0', clicks: '0', spend: '0', actions: [], action_values: [] });
		expect(out.ctr).toBeNull();
		expect(out.cpc).toBeNull();
		expect(out.cpm).toBeNull();
		expect(out.cpa).toBeNull();
		expect(out.roas).toBeNull();
		expect(out.conversions).toBe(0);
	});

	it('uses the level to choose the entity: account rows are keyed by the account id without act_', () => {
		const account = createNormalizer({ ...base, level: 'account' })({ ...row, account_id: 'act_42' });
		expect(account.level).toBe('account');
		expect(account.entityId).toBe('42');
		expect(account.entityName).toBe('Shop');
		const adSet = createNormalizer({ ...base, level: 'adset' })(row);
		expect(adSet.level).toBe('adSet');
		expect(adSet.entityId).toBe('s1');
		expect(adSet.entityName).toBe('Set');
		const noAccount = createNormalizer({ ...base, level: 'account' })({ ...row, account_id: undefined });
		expect(noAccount.accountId).toBe('42');
	});

	it('derives frequency from reach when Meta omits it, and leaves both null without reach', () => {
		const derived = createNormalizer(base)({ ...row, frequency: undefined });
		expect(derived.frequency).toBe(1.25);
		const noReach = createNormalizer(base)({ ...row, reach: undefined, frequency: undefined });
		expect(noReach.reach).toBeNull();
		expect(noReach.frequency).toBeNull();
	});

	it('can count link clicks instead of all clicks', () => {
		const out = createNormalizer({ ...base, clicksField: 'inline_link_clicks' })(row);
		expect(out.clicks).toBe(20);
		expect(out.ctr).toBe(0.01);
	});

	it('keeps the raw row (with actions) only on request', () => {
		expect(createNormalizer(base)(row)).not.toHaveProperty('raw');
		const out = createNormalizer({ ...base, keepRaw: true })(row);
		expect(out.raw).toBe(row);
		expect(out.raw?.actions).toEqual(row.actions);
	});

	it('adds breakdown values as strings only when broken down', () => {
		expect(createNormalizer(base)(row)).not.toHaveProperty('breakdowns');
		const out = createNormalizer({ ...base, breakdowns: ['age', 'gender'] })({ ...row, age: '25-34' });
		expect(out.breakdowns).toEqual({ age: '25-34', gender: '' });
	});

	it('keeps whole-range rows with their stop date', () => {
		const out = createNormalizer(base)({ ...row, date_stop: '2026-03-31' });
		expect(out.date).toBe('2026-03-01');
		expect(out.dateStop).toBe('2026-03-31');
	});

	it('treats missing or garbage counts as 0', () => {
		const out = createNormalizer(base)({ date_start: '2026-03-01', date_stop: '2026-03-01', ad_id: 'a9', spend: 'abc' });
		expect(out.impressions).toBe(0);
		expect(out.spend).toBe(0);
		expect(out.currency).toBe('');
		expect(out.accountId).toBe('42');
	});
});
