import * as ss from 'simple-statistics';

import { forecast, type ForecastOptions } from '../../nodes/AdsAnalytics/actions/forecast/forecast.operation';
import { studentTQuantile } from '../../nodes/AdsAnalytics/stats/studentT';
import { dailyRows, toInput } from './rows';

const base: ForecastOptions = {
	metrics: ['spend', 'conversions'],
	horizonDays: 7,
	trailingDays: 28,
	model: 'linear',
	monthlyBudget: 0,
	pacingScope: 'total',
	paceTolerancePercent: 5,
	excludeLastDay: false,
};

describe('Forecast', () => {
	it('a perfect line forecasts exactly, with a zero-width interval', () => {
		// spend = 100 + 2t over 28 days; the next 7 are t = 28..34 → 7·100 + 2·Σ(28..34) = 1134
		const rows = dailyRows('c1', '2024-05-01', Array.from({ length: 28 }, (_, t) => ({ spend: 100 + 2 * t, conversions: 5 })));
		const [out] = forecast(toInput(rows), base);
		const f = (out.json as any).forecasts;
		expect(f.spend.total).toBeCloseTo(1134, 6);
		expect(f.spend.trendPerDay).toBeCloseTo(2, 9);
		expect(f.spend.interval95).toEqual({ lower: 1134, upper: 1134 });
		expect(f.spend.daily[0]).toEqual({ date: '2024-05-29', value: 156 });
		expect(f.conversions.total).toBeCloseTo(35, 9);
		expect(out.json.from).toBe('2024-05-29');
		expect(out.json.to).toBe('2024-06-04');
	});

	it('matches simple-statistics on the fitted trend and widens intervals with the t multiplier', () => {
		const noise = [3, -2, 5, -4, 1, 0, -3, 2, 4, -5, 2, -1, 0, 3];
		const spend = noise.map((e, t) => 50 + 1.5 * t + e);
		const rows = dailyRows('c1', '2024-05-01', spend.map((s) => ({ spend: s })));
		const [out] = forecast(toInput(rows), { ...base, metrics: ['spend'], trailingDays: 14, horizonDays: 1 });
		const f = (out.json as any).forecasts.spend;
		const ref = ss.linearRegression(spend.map((y, x) => [x, y]));
		expect(f.trendPerDay).toBeCloseTo(ref.m, 6);
		expect(f.total).toBeCloseTo(ref.b + ref.m * 14, 4);
		// One step ahead: se = s √(1 + 1/n + (14 − 6.5)² / Sxx)
		const fitted = spend.map((_, x) => ref.b + ref.m * x);
		const s = Math.sqrt(spend.reduce((acc, y, i) => acc + (y - fitted[i]) ** 2, 0) / 12);
		const sxx = spend.reduce((acc, _, x) => acc + (x - 6.5) ** 2, 0);
		const se = s * Math.sqrt(1 + 1 / 14 + (14 - 6.5) ** 2 / sxx);
		const t95 = studentTQuantile(0.975, 12);
		expect(t95).toBeCloseTo(2.179, 3); // t table, df 12
		expect(f.interval95.upper - f.total).toBeCloseTo(t95 * se, 3);
		expect(f.interval80.upper - f.interval80.lower).toBeLessThan(f.interval95.upper - f.interval95.lower);
	});

	it('average model: flat at the trailing mean', () => {
		const rows = dailyRows('c1', '2024-05-01', Array.from({ length: 10 }, (_, t) => ({ spend: t % 2 === 0 ? 90 : 110 })));
		const [out] = forecast(toInput(rows), { ...base, metrics: ['spend'], trailingDays: 10, model: 'average', horizonDays: 3 });
		expect((out.json as any).forecasts.spend.total).toBeCloseTo(300, 9);
		expect((out.json as any).forecasts.spend.trendPerDay).toBe(0);
	});

	it('clamps a trend that runs below zero and says so', () => {
		const rows = dailyRows('c1', '2024-05-01', Array.from({ length: 10 }, (_, t) => ({ spend: 90 - 10 * t })));
		const [out] = forecast(toInput(rows), { ...base, metrics: ['spend'], trailingDays: 10, horizonDays: 5 });
		expect((out.json as any).forecasts.spend.total).toBe(0);
		expect((out.json as any).notes[0]).toContain('clamped at 0');
	});

	it('paces month-end spend against a monthly budget: under / on / over', () => {
		// 20 days of 100/day in June 2024: month-to-date 2000, 10 days left at 100 → 3000.
		const rows = dailyRows('c1', '2024-06-01', Array.from({ length: 20 }, () => ({ spend: 100 })));
		const pacing = (budget: number) =>
			(forecast(toInput(rows), { ...base, trailingDays: 14, monthlyBudget: budget, pacingScope: 'each' })[0].json as any).pacing;
		const on = pacing(3000);
		expect(on).toMatchObject({ month: '2024-06', monthToDateSpend: 2000, remainingDays: 10, projectedMonthEndSpend: 3000, status: 'on', dailySpendToHitBudget: 100 });
		expect(pacing(2500).status).toBe('over');
		expect(pacing(2500).probabilityOverBudget).toBe(1);
		expect(pacing(4000).status).toBe('under');
		expect(pacing(4000).dailySpendToHitBudget).toBe(200);
	});

	it('paces all entities together in a summary item', () => {
		const rows = [
			...dailyRows('a', '2024-06-01', Array.from({ length: 20 }, () => ({ spend: 100 }))),
			...dailyRows('b', '2024-06-01', Array.from({ length: 20 }, () => ({ spend: 50 }))),
		];
		const out = forecast(toInput(rows), { ...base, trailingDays: 14, monthlyBudget: 4500 });
		const summary = out.find((o) => o.json.summary === true)!;
		expect((summary.json as any).pacing).toMatchObject({ monthToDateSpend: 3000, projectedMonthEndSpend: 4500, status: 'on' });
		expect(summary.items).toHaveLength(40);
	});

	it('skips entities whose history is shorter than the trailing window, naming the numbers', () => {
		const rows = dailyRows('c1', '2024-06-01', Array.from({ length: 5 }, () => ({})));
		const [out] = forecast(toInput(rows), base);
		expect(out.json).toMatchObject({ skipped: true, entityId: 'c1', availableDays: 5, trailingDays: 28 });
	});

	it('excludes an incomplete last day when asked', () => {
		const values = Array.from({ length: 15 }, () => ({ spend: 100 }));
		values[14] = { spend: 10 };
		const [out] = forecast(toInput(dailyRows('c1', '2024-06-01', values)), { ...base, metrics: ['spend'], trailingDays: 14, excludeLastDay: true });
		expect((out.json as any).forecasts.spend.total).toBeCloseTo(700, 9);
		expect(out.json.from).toBe('2024-06-15');
	});

	it('refuses to pace mixed levels together (double counting)', () => {
		const rows = [
			...dailyRows('a', '2024-06-01', Array.from({ length: 14 }, () => ({}))),
			...dailyRows('acct', '2024-06-01', Array.from({ length: 14 }, () => ({})), { level: 'account' }),
		];
		expect(() => forecast(toInput(rows), { ...base, trailingDays: 14, monthlyBudget: 100 })).toThrow(/one level/);
	});
});
