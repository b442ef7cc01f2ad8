import { addDays, halveRange, parseDay, presetDays, rangeDays } from '../../../nodes/MetaAds/actions/insights/dates';
import { RowMerger } from '../../../nodes/MetaAds/actions/insights/merge';
import {
	childType,
	chooseMode,
	insightsParams,
	splitByChildren,
	splitByTime,
} from '../../../nodes/MetaAds/actions/insights/planner';
import type { InsightsQuery } from '../../../nodes/MetaAds/actions/insights/types';

const query: InsightsQuery = {
	objectId: 'act_1',
	objectType: 'account',
	level: 'campaign',
	fields: ['campaign_id', 'spend'],
	timeRange: { since: '2026-01-01', until: '2026-01-10' },
	timeIncrement: 'daily',
	breakdowns: [],
	attributionWindows: [],
};

describe('dates', () => {
	it('parses days and ISO timestamps, rejecting impossible dates', () => {
		expect(parseDay('2026-02-28')).toBe('2026-02-28');
		expect(parseDay('2026-02-28T00:00:00.000+01:00')).toBe('2026-02-28');
		expect(parseDay('2026-02-30')).toBeUndefined();
		expect(parseDay('yesterday')).toBeUndefined();
		expect(parseDay(20260101)).toBeUndefined();
	});

	it('counts inclusive days and halves ranges without gaps or overlap', () => {
		expect(rangeDays({ since: '2026-01-01', until: '2026-01-01' })).toBe(1);
		expect(rangeDays({ since: '2024-02-28', until: '2024-03-01' })).toBe(3);
		expect(halveRange({ since: '2026-01-01', until: '2026-01-01' })).toBeUndefined();
		expect(halveRange({ since: '2026-01-01', until: '2026-01-05' })).toEqual([
			{ since: '2026-01-01', until: '2026-01-02' },
			{ since: '2026-01-03', until: '2026-01-05' },
		]);
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('estimates preset lengths, unknown presets as long', () => {
		expect(presetDays('last_7d')).toBe(7);
		expect(presetDays('something_new')).toBeGreaterThan(365);
	});
});

describe('planner', () => {
	it('Auto goes async for ad level, breakdowns and long daily ranges', () => {
		expect(chooseMode(query, 'auto')).toBe('sync');
		expect(chooseMode({ ...query, level: 'ad' }, 'auto')).toBe('async');
		expect(chooseMode({ ...query, breakdowns: ['age'] }, 'auto')).toBe('async');
		expect(chooseMode({ ...query, timeRange: { since: '2026-01-01', until: '2026-02-15' } }, 'auto')).toBe('async');
		expect(chooseMode({ ...query, timeRange: { since: '2026-01-01', until: '2026-02-15' }, timeIncrement: 'all_days' }, 'auto')).toBe('sync');
		expect(chooseMode({ ...query, timeRange: undefined, datePreset: 'last_90d' }, 'auto')).toBe('async');
		expect(chooseMode({ ...query, level: 'ad' }, 'sync')).toBe('sync');
		expect(chooseMode(query, 'async')).toBe('async');
	});

	it('builds Graph parameters', () => {
		expect(insightsParams({ ...query, breakdowns: ['age', 'gender'], attributionWindows: ['7d_click'], actionReportTime: 'conversion' })).toEqual({
			level: 'campaign',
			fields: 'campaign_id,spend',
			time_increment: '1',
			time_range: '{"since":"2026-01-01","until":"2026-01-10"}',
			breakdowns: 'age,gender',
			action_attribution_windows: '["7d_click"]',
			action_report_time: 'conversion',
		});
		expect(insightsParams({ ...query, timeRange: undefined, datePreset: 'last_7d', timeIncrement: 'all_days' })).toEqual({
			level: 'campaign',
			fields: 'campaign_id,spend',
			time_increment: 'all_days',
			date_preset: 'last_7d',
		});
	});

	it('splits daily explicit ranges by time only', () => {
		const parts = splitByTime(query)!;
		expect(parts.map((p) => p.timeRange)).toEqual([
			{ since: '2026-01-01', until: '2026-01-05' },
			{ since: '2026-01-06', until: '2026-01-10' },
		]);
		expect(splitByTime({ ...query, timeIncrement: 'all_days' })).toBeUndefined();
		expect(splitByTime({ ...query, timeRange: undefined, datePreset: 'last_7d' })).toBeUndefined();
		expect(splitByTime({ ...query, timeRange: { since: '2026-01-01', until: '2026-01-01' } })).toBeUndefined();
	});

	it('splits by children only where rows can simply be unioned', () => {
		expect(childType(query)).toBe('campaign');
		expect(childType({ ...query, level: 'account' })).toBeUndefined();
		expect(childType({ ...query, objectType: 'campaign', level: 'campaign' })).toBeUndefined();
		expect(childType({ ...query, objectType: 'campaign', level: 'ad' })).toBe('adset');
		expect(childType({ ...query, objectType: 'ad', level: 'ad' })).toBeUndefined();
		expect(splitByChildren(query, ['c1', 'c2']).map((q) => [q.objectId, q.objectType])).toEqual([
			['c1', 'campaign'],
			['c2', 'campaign'],
		]);
		expect(splitByChildren({ ...query, level: 'account' }, ['c1'])).toEqual([]);
	});
});

describe('RowMerger', () => {
	it('keeps each (entity, date, breakdowns) key once, in arrival order', () => {
		const merger = new RowMerger('ad', ['age']);
		const r = (ad: string, date: string, age: string) => ({ ad_id: ad, date_start: date, date_stop: date, age });
		merger.add([r('a1', '2026-01-01', '18-24'), r('a1', '2026-01-01', '25-34'), r('a2', '2026-01-01', '18-24')]);
		merger.add([r('a1', '2026-01-01', '18-24'), r('a1', '2026-01-02', '18-24')]);
		expect(merger.size).toBe(4);
		expect(merger.duplicates).toBe(1);
		expect(merger.values().map((x) => merger.keyOf(x))).toEqual([
			'a1|2026-01-01|18-24',
			'a1|2026-01-01|25-34',
			'a2|2026-01-01|18-24',
			'a1|2026-01-02|18-24',
		]);
	});
});

describe('RowMerger with a conversion', () => {
	it('converts each unique row once, as it arrives, and never converts a duplicate', () => {
		const seen: string[] = [];
		const merger = new RowMerger('campaign', [], (row) => {
			seen.push(String(row.campaign_id));
			return { id: row.campaign_id, day: row.date_start };
		});
		const r = (id: string) => ({ campaign_id: id, date_start: '2026-01-01', date_stop: '2026-01-01' });
		merger.add([r('c1'), r('c2')]);
		merger.add([r('c1')]);
		expect(seen).toEqual(['c1', 'c2']);
		expect(merger.values()).toEqual([
			{ id: 'c1', day: '2026-01-01' },
			{ id: 'c2', day: '2026-01-01' },
		]);
		expect(merger.duplicates).toBe(1);
	});
});
