import { deriveMetrics, parseMetricRow, type MetricRow } from '../../nodes/shared/contracts';

const base = {
	level: 'adSet',
	entityId: '42',
	accountId: '1001',
	date: '2026-11-20',
	currency: 'EUR',
	impressions: 2000,
	clicks: 40,
	spend: 50,
	conversions: 2,
	value: 150,
};

function parsed(input: unknown): MetricRow {
	const result = parseMetricRow(input);
	if (!result.ok) throw new Error(result.problems.join('; '));
	return result.value;
}

describe('deriveMetrics', () => {
	it('derives ratios from totals, with ctr as a ratio and cpm per thousand', () => {
		expect(deriveMetrics({ impressions: 2000, clicks: 40, spend: 50, conversions: 2, value: 150 })).toEqual({
			ctr: 0.02,
			cpc: 1.25,
			cpm: 25,
			cpa: 25,
			roas: 3,
		});
	});

	it('gives null, not 0 or Infinity, when a denominator is 0', () => {
		expect(deriveMetrics({ impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 })).toEqual({
			ctr: null,
			cpc: null,
			cpm: null,
			cpa: null,
			roas: null,
		});
	});
});

describe('parseMetricRow', () => {
	it('fills the contract: schema, nulls for absent ids, dateStop = date, derived metrics', () => {
		const row = parsed(base);
		expect(row).toMatchObject({
			schema: 'adpilot.metricRow/v1',
			platform: 'other',
			campaignId: null,
			adId: null,
			dateStop: '2026-11-20',
			reach: null,
			frequency: null,
			ctr: 0.02,
			cpa: 25,
			roas: 3,
		});
	});

	it('recomputes derived metrics instead of trusting the input', () => {
		expect(parsed({ ...base, ctr: 0.9, cpa: 1, roas: 99 })).toMatchObject({ ctr: 0.02, cpa: 25, roas: 3 });
	});

	it('accepts numeric strings, as sheets and Graph send them, and derives frequency from reach', () => {
		const row = parsed({ ...base, impressions: '2000', spend: '50.00', reach: '1000', platform: 'meta' });
		expect(row).toMatchObject({ impressions: 2000, spend: 50, reach: 1000, frequency: 2, platform: 'meta' });
	});

	it('names every unusable field at once', () => {
		const result = parseMetricRow({ ...base, level: 'adgroup', spend: 'lots', clicks: -1, date: '20/11/2026', impressions: undefined, accountId: '' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			'level: expected one of account, campaign, adSet, ad, keyword, got "adgroup"',
			'accountId: required',
			'date: expected YYYY-MM-DD, got "20/11/2026"',
			'impressions: required',
			'clicks: must not be negative, got -1',
			'spend: expected a number, got "lots"',
		]);
	});

	it('rejects a non-numeric reach and a malformed dateStop', () => {
		const result = parseMetricRow({ ...base, reach: 'many', dateStop: 'soon' });
		expect(result).toEqual({
			ok: false,
			problems: ['dateStop: expected YYYY-MM-DD, got "soon"', 'reach: expected a number or null, got "many"'],
		});
	});

	it('keeps breakdowns and attributes when they are objects', () => {
		const row = parsed({ ...base, breakdowns: { age: '25-34' }, attributes: { dailyBudget: 80 } });
		expect(row.breakdowns).toEqual({ age: '25-34' });
		expect(row.attributes).toEqual({ dailyBudget: 80 });
	});

	it('refuses something that is not an object', () => {
		expect(parseMetricRow([1, 2])).toEqual({ ok: false, problems: ['row: expected an object'] });
	});
});
