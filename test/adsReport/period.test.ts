import { dayString } from '../../nodes/shared/days';
import { dateIn, resolvePeriods, type PeriodInput } from '../../nodes/AdsReport/report/period';
import type { Periods } from '../../nodes/AdsReport/report/types';

const base: PeriodInput = { type: 'weekly', timezone: 'UTC', referenceDate: '2026-11-30', customFrom: '', customTo: '', now: new Date('2026-12-02T12:00:00Z') };

function windows(input: Partial<PeriodInput>): Record<string, string> {
	const p = resolvePeriods({ ...base, ...input }) as Periods;
	if (typeof p === 'string') throw new Error(p);
	const w = (x: { from: number; to: number }) => `${dayString(x.from)}..${dayString(x.to)}`;
	return { current: w(p.current), previous: w(p.previous), chart: w(p.chart) };
}

describe('report windows', () => {
	it('daily, weekly and custom', () => {
		expect(windows({ type: 'daily' })).toEqual({ current: '2026-11-30..2026-11-30', previous: '2026-11-29..2026-11-29', chart: '2026-11-17..2026-11-30' });
		expect(windows({ type: 'weekly' })).toEqual({ current: '2026-11-24..2026-11-30', previous: '2026-11-17..2026-11-23', chart: '2026-11-17..2026-11-30' });
		expect(windows({ type: 'custom', customFrom: '2026-11-01', customTo: '2026-11-30' })).toEqual({ current: '2026-11-01..2026-11-30', previous: '2026-10-02..2026-10-31', chart: '2026-10-02..2026-11-30' });
	});

	it('monthly is month to date vs the same days of the previous month, clipped to its length', () => {
		expect(windows({ type: 'monthly', referenceDate: '2026-11-10' })).toMatchObject({ current: '2026-11-01..2026-11-10', previous: '2026-10-01..2026-10-10' });
		expect(windows({ type: 'monthly', referenceDate: '2026-03-31' })).toMatchObject({ current: '2026-03-01..2026-03-31', previous: '2026-02-01..2026-02-28' });
		expect(windows({ type: 'monthly', referenceDate: '2028-03-30' })).toMatchObject({ previous: '2028-02-01..2028-02-29' }); // leap year
		expect(windows({ type: 'monthly', referenceDate: '2027-01-15' })).toMatchObject({ previous: '2026-12-01..2026-12-15' });
	});

	it('defaults the reference date to yesterday in the time zone', () => {
		const now = new Date('2026-11-30T23:30:00Z'); // already 1 December in Berlin, still 30 November in New York
		expect(dateIn('Europe/Berlin', now)).toBe('2026-12-01');
		expect(dateIn('America/New_York', now)).toBe('2026-11-30');
		expect(windows({ type: 'daily', referenceDate: '', timezone: 'Europe/Berlin', now }).current).toBe('2026-11-30..2026-11-30');
		expect(windows({ type: 'daily', referenceDate: '', timezone: 'America/New_York', now }).current).toBe('2026-11-29..2026-11-29');
		const morning = new Date('2026-11-30T10:30:00Z'); // 00:30 on 1 December in Kiritimati (UTC+14)
		expect(windows({ type: 'daily', referenceDate: '', timezone: 'Pacific/Kiritimati', now: morning }).current).toBe('2026-11-30..2026-11-30');
		expect(windows({ type: 'daily', referenceDate: '', timezone: 'UTC', now: morning }).current).toBe('2026-11-29..2026-11-29');
	});

	it('names the parameter that is wrong', () => {
		expect(resolvePeriods({ ...base, timezone: 'Mars/Olympus' })).toMatch(/^Timezone: "Mars\/Olympus"/);
		expect(resolvePeriods({ ...base, referenceDate: '2026-02-30' })).toMatch(/^Reference Date: expected YYYY-MM-DD/);
		expect(resolvePeriods({ ...base, type: 'custom', customFrom: '2026-11-10', customTo: '2026-11-01' })).toMatch(/^To \(2026-11-01\) is before From/);
		expect(resolvePeriods({ ...base, type: 'custom', customFrom: 'yesterday', customTo: '2026-11-01' })).toMatch(/^From: expected YYYY-MM-DD/);
	});
});
