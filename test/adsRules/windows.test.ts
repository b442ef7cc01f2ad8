import { deriveMetrics } from '../../nodes/shared/contracts';
import { dayNumber, dayString } from '../../nodes/AdsRules/engine/dates';
import { groupEntities } from '../../nodes/shared/analysis/entities';
import { metricFromTotals } from '../../nodes/shared/analysis';
import type { Window } from '../../nodes/AdsRules/engine/types';
import { previousRange, resolveWindow, windowLabel } from '../../nodes/shared/analysis/windows';
import { days, indexed } from './helpers';

const today = dayNumber('2025-03-10');
const span = (w: Window) => {
	const r = resolveWindow(w, today);
	return [r.open ? null : dayString(r.start), dayString(r.end)];
};

describe('window maths', () => {
	it('resolves today, yesterday, last N days (with and without today) and lifetime', () => {
		expect(span({ type: 'today' })).toEqual(['2025-03-10', '2025-03-10']);
		expect(span({ type: 'yesterday' })).toEqual(['2025-03-09', '2025-03-09']);
		expect(span({ type: 'lastNDays', days: 7, excludeToday: false })).toEqual(['2025-03-04', '2025-03-10']);
		expect(span({ type: 'lastNDays', days: 7, excludeToday: true })).toEqual(['2025-03-03', '2025-03-09']);
		expect(span({ type: 'lifetime', excludeToday: false })).toEqual([null, '2025-03-10']);
		expect(span({ type: 'lifetime', excludeToday: true })).toEqual([null, '2025-03-09']);
		expect(windowLabel({ type: 'lastNDays', days: 3, excludeToday: true })).toBe('last_3d_excl_today');
	});

	it('puts the previous window right before the current one, with the same length', () => {
		const r = resolveWindow({ type: 'lastNDays', days: 7, excludeToday: true }, today);
		const p = previousRange(r)!;
		expect([dayString(p.start), dayString(p.end)]).toEqual(['2025-02-24', '2025-03-02']);
		const t = previousRange(resolveWindow({ type: 'today' }, today))!;
		expect([dayString(t.start), dayString(t.end)]).toEqual(['2025-03-09', '2025-03-09']);
		expect(previousRange(resolveWindow({ type: 'lifetime', excludeToday: false }, today))).toBeNull();
	});

	it('sums window totals from prefix sums, including unsorted input and same-day duplicates', () => {
		const input = days('2025-03-10', 10, (i) => ({ impressions: 100 * (i + 1), clicks: i, spend: i + 0.5 }));
		input.reverse();
		input.push({ date: '2025-03-10', impressions: 1, clicks: 1, spend: 1 });
		const { entities, lastDay } = groupEntities(indexed(input));
		expect(entities).toHaveLength(1);
		expect(dayString(lastDay)).toBe('2025-03-10');
		const s = entities[0].series;
		const last3 = s.totals(resolveWindow({ type: 'lastNDays', days: 3, excludeToday: false }, today));
		// days 8, 9, 10 have i = 7, 8, 9 plus the duplicate on the 10th
		expect(last3.impressions).toBe(800 + 900 + 1000 + 1);
		expect(last3.clicks).toBe(7 + 8 + 9 + 1);
		expect(last3.spend).toBeCloseTo(7.5 + 8.5 + 9.5 + 1, 10);
		expect(last3.days).toBe(3);
		const excl = s.totals(resolveWindow({ type: 'lastNDays', days: 3, excludeToday: true }, today));
		expect(excl.impressions).toBe(700 + 800 + 900);
		const life = s.totals(resolveWindow({ type: 'lifetime', excludeToday: false }, today));
		expect(life.impressions).toBe(5500 + 1);
	});

	it('computes ratio metrics from window totals, not from averaged daily ratios', () => {
		// Day 1: 1 click / 100 impr (1 %); day 2: 90 clicks / 900 impr (10 %). Average of ratios = 5.5 %, true CTR = 9.1 %.
		const input = [
			{ date: '2025-03-09', impressions: 100, clicks: 1, spend: 10, conversions: 1, value: 5 },
			{ date: '2025-03-10', impressions: 900, clicks: 90, spend: 90, conversions: 9, value: 900 },
		];
		const { entities } = groupEntities(indexed(input));
		const t = entities[0].series.totals(resolveWindow({ type: 'lastNDays', days: 2, excludeToday: false }, today));
		expect(metricFromTotals('ctr', t)).toBeCloseTo(91 / 1000, 12);
		expect(metricFromTotals('ctr', t)).not.toBeCloseTo((0.01 + 0.1) / 2, 3);
		expect(metricFromTotals('roas', t)).toBeCloseTo(905 / 100, 12);
		expect(metricFromTotals('cpa', t)).toBeCloseTo(10, 12);
		expect(metricFromTotals('cpm', t)).toEqual(deriveMetrics({ impressions: 1000, clicks: 91, spend: 100, conversions: 10, value: 905 }).cpm);
	});

	it('returns null ratios when the denominator is zero and null reach when none was reported', () => {
		const { entities } = groupEntities(indexed([{ date: '2025-03-10', impressions: 0, spend: 0 }]));
		const t = entities[0].series.totals(resolveWindow({ type: 'today' }, today));
		expect(metricFromTotals('ctr', t)).toBeNull();
		expect(metricFromTotals('cpa', t)).toBeNull();
		expect(metricFromTotals('frequency', t)).toBeNull();
	});

	it('reports windows that start before the data or cut through a multi-day row', () => {
		const { entities } = groupEntities(
			indexed([
				...days('2025-03-10', 3, () => ({ impressions: 10 })),
				{ entityId: 'p', date: '2025-03-01', dateStop: '2025-03-07', impressions: 700 },
				{ entityId: 'p', date: '2025-03-08', impressions: 1 },
			]),
		);
		const daily = entities.find((e) => e.entityId === 'as1')!.series;
		const period = entities.find((e) => e.entityId === 'p')!.series;
		const last7 = resolveWindow({ type: 'lastNDays', days: 7, excludeToday: false }, today);
		expect(daily.coverageProblem(last7, 'last_7d', dayString)).toBe(
			'insufficient data: last_7d needs 2025-03-04..2025-03-10 but the data starts 2025-03-08',
		);
		expect(daily.coverageProblem(resolveWindow({ type: 'lastNDays', days: 3, excludeToday: false }, today), 'last_3d', dayString)).toBeNull();
		expect(period.coverageProblem(last7, 'last_7d', dayString)).toMatch(/a row covering 2025-03-01..2025-03-07 crosses last_7d/);
		const life = resolveWindow({ type: 'lifetime', excludeToday: false }, today);
		expect(period.coverageProblem(life, 'lifetime', dayString)).toBeNull();
		expect(period.totals(life).impressions).toBe(701);
	});
});
