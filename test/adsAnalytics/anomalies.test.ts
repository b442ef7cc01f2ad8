import { detectAnomalies, type AnomalyOptions } from '../../nodes/AdsAnalytics/actions/detectAnomalies/detectAnomalies.operation';
import { addDays, dailyRows, row, toInput } from './rows';

const base: AnomalyOptions = {
	metrics: ['spend'],
	windowDays: 28,
	evaluateDays: 1,
	threshold: 3.5,
	criticalThreshold: 5,
	minPoints: 7,
	requireSeasonalAgreement: false,
};

/** 40 days alternating 100 / 110 (median 105, MAD 5), then `last`. */
function alternating(last: number) {
	const values = Array.from({ length: 40 }, (_, i) => ({ spend: i % 2 === 0 ? 100 : 110 }));
	values.push({ spend: last });
	return dailyRows('c1', '2024-05-01', values);
}

describe('Detect Anomalies', () => {
	it('flags a spike with the modified z-score, both baselines and severity', () => {
		const out = detectAnomalies(toInput(alternating(200)), base);
		expect(out).toHaveLength(1);
		const a = out[0].json as Record<string, any>;
		expect(a.date).toBe(addDays('2024-05-01', 40));
		expect(a.direction).toBe('spike');
		expect(a.method).toBe('mad');
		// 0.6745 · (200 − 105) / 5
		expect(a.zScore).toBeCloseTo(12.8155, 2);
		expect(a.severity).toBe('critical');
		expect(a.baseline.trailing).toEqual({ median: 105, mad: 5, days: 28, points: 28 });
		// Same weekday 1..4 weeks back: days 33, 26, 19, 12 → 110, 100, 110, 100 → median 105.
		expect(a.baseline.seasonal).toEqual({ median: 105, weeks: 4 });
		expect(a.pctVsTrailing).toBeCloseTo(95 / 105, 4);
		expect(a.pctVsSeasonal).toBeCloseTo(95 / 105, 4);
		// Paired with the row of that day (the 41st item).
		expect(out[0].items).toEqual([40]);
	});

	it('flags a drop as a warning below the critical threshold, and nothing for a normal day', () => {
		// 0.6745 · (75 − 105) / 5 = −4.047
		const drop = detectAnomalies(toInput(alternating(75)), base);
		expect(drop).toHaveLength(1);
		expect(drop[0].json).toMatchObject({ direction: 'drop', severity: 'warning' });
		expect(drop[0].json.zScore).toBeCloseTo(-4.047, 3);
		expect(detectAnomalies(toInput(alternating(108)), base)).toHaveLength(0);
	});

	it('respects a configured threshold', () => {
		expect(detectAnomalies(toInput(alternating(200)), { ...base, threshold: 13, criticalThreshold: 20 })).toHaveLength(0);
		expect(detectAnomalies(toInput(alternating(200)), { ...base, threshold: 12, criticalThreshold: 20 })[0].json.severity).toBe('warning');
	});

	it('falls back to 1.2533 × mean absolute deviation when MAD is 0', () => {
		// Window: 20 × 100 and 8 × 120 → median 100, MAD 0, mean |dev| = 160 / 28.
		const values = Array.from({ length: 28 }, (_, i) => ({ spend: i % 7 === 3 || i % 7 === 5 ? 120 : 100 }));
		values.push({ spend: 130 });
		const out = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values)), base);
		expect(out).toHaveLength(1);
		expect(out[0].json.method).toBe('meanAbsoluteDeviation');
		expect(out[0].json.zScore).toBeCloseTo(30 / (1.2533 * (160 / 28)), 3);
	});

	it('a constant window: no anomaly for the same value, an unscored anomaly for a different one', () => {
		const flat = (last: number) => dailyRows('c1', '2024-05-01', [...Array.from({ length: 28 }, () => ({ spend: 100 })), { spend: last }]);
		expect(detectAnomalies(toInput(flat(100)), base)).toHaveLength(0);
		const out = detectAnomalies(toInput(flat(101)), base);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ method: 'constantBaseline', zScore: null, severity: 'warning', direction: 'spike' });
	});

	it('derives ratio metrics per day from that day\'s totals (breakdown rows summed, not ratios averaged)', () => {
		const rows = [];
		for (let d = 0; d < 29; d++) {
			const date = addDays('2024-05-01', d);
			// Two breakdown rows a day: CTR 1 % on 1000 and 3 % on 100 → day CTR 13 / 1100, not the 2 % average.
			const spike = d === 28 ? 10 : 1;
			rows.push(row({ date, impressions: 1000, clicks: 10 * spike, breakdowns: { device: 'mobile' } }));
			rows.push(row({ date, impressions: 100, clicks: 3, breakdowns: { device: 'desktop' } }));
		}
		const out = detectAnomalies(toInput(rows), { ...base, metrics: ['ctr'] });
		expect(out).toHaveLength(1);
		expect(out[0].json.baseline).toMatchObject({ trailing: { median: Number((13 / 1100).toFixed(6)) } });
		expect(out[0].json.value).toBeCloseTo(103 / 1100, 6);
		expect(out[0].items).toEqual([56, 57]);
	});

	it('reports a skip when the window is longer than the data, or rows are not daily', () => {
		const short = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', Array.from({ length: 10 }, () => ({})))), base);
		expect(short).toHaveLength(1);
		expect(short[0].json).toMatchObject({ skipped: true, entityId: 'c1', availableDays: 10, windowDays: 28 });
		expect(String(short[0].json.reason)).toContain('window is longer than the data');

		const weekly = detectAnomalies(toInput([row({ date: '2024-05-01', dateStop: '2024-05-07' })]), base);
		expect(weekly[0].json.skipped).toBe(true);
		expect(String(weekly[0].json.reason)).toContain('daily rows');
	});

	it('ratio days without a denominator are left out of the window and reported, never scored as 0', () => {
		// CPA on days with no conversions is undefined: only 4 valued days in the window → reported skip.
		const values = Array.from({ length: 31 }, (_, i) => ({ conversions: i % 6 === 0 ? 2 : 0 }));
		const out = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values)), { ...base, metrics: ['cpa'] });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ skipped: true, metric: 'cpa' });
		expect(String(out[0].json.reason)).toContain('fewer than 7 days with a value');
		// The evaluated day itself has no CPA: reported, not silently passed.
		const noValue = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values.slice(0, 30))), { ...base, metrics: ['cpa'] });
		expect(String(noValue[0].json.reason)).toContain('no value on 1 evaluated day');
	});

	it('treats a missing day as zero delivery', () => {
		const rows = alternating(105).filter((_, i) => i !== 39);
		const out = detectAnomalies(toInput(rows), { ...base, evaluateDays: 2 });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ date: addDays('2024-05-01', 39), value: 0, direction: 'drop', severity: 'critical' });
		// No row on that day: paired with the entity's rows.
		expect(out[0].items).toHaveLength(40);
	});

	it('with seasonal agreement, drops a spike that only matches the usual weekday peak', () => {
		// Every 7th day is 200 (a weekly peak): a 200 on that weekday is a spike vs the trailing median but not vs the weekday.
		const values = Array.from({ length: 29 }, (_, i) => ({ spend: i % 7 === 0 ? 200 : 100 + (i % 3) }));
		const plain = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values)), base);
		expect(plain).toHaveLength(1);
		expect(plain[0].json.baseline).toMatchObject({ seasonal: { median: 200 } });
		expect(detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values)), { ...base, requireSeasonalAgreement: true })).toHaveLength(0);
	});

	it('evaluates several recent days per entity and metric', () => {
		const values = Array.from({ length: 35 }, (_, i) => ({ spend: 100 + (i % 2) * 10, clicks: 10 + (i % 3) }));
		values[33] = { spend: 300, clicks: 10 };
		values[34] = { spend: 105, clicks: 100 };
		const out = detectAnomalies(toInput(dailyRows('c1', '2024-05-01', values)), { ...base, metrics: ['spend', 'clicks'], evaluateDays: 3 });
		expect(out.map((o) => [o.json.metric, o.json.date])).toEqual([
			['spend', addDays('2024-05-01', 33)],
			['clicks', addDays('2024-05-01', 34)],
		]);
	});
});
