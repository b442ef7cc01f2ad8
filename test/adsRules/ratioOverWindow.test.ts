import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AdsRules } from '../../nodes/AdsRules/AdsRules.node';
import { fakeContext } from './fakeContext';
import { NOW, rawRow } from './helpers';

/**
 * A rule whose ratio condition spans days with very different daily ratios:
 * the window's value must come from the window's summed totals, never from
 * the average of the daily ratios. For every ratio metric, the threshold sits
 * between the two, so computing it the wrong way flips the decision, and the
 * evidence must carry the value from totals.
 */
const DAY_1 = { impressions: 1000, clicks: 10, spend: 10, conversions: 1, value: 5, reach: 500 };
const DAY_2 = { impressions: 100, clicks: 30, spend: 90, conversions: 3, value: 900, reach: 100 };
const T = {
	impressions: DAY_1.impressions + DAY_2.impressions,
	clicks: DAY_1.clicks + DAY_2.clicks,
	spend: DAY_1.spend + DAY_2.spend,
	conversions: DAY_1.conversions + DAY_2.conversions,
	value: DAY_1.value + DAY_2.value,
	reach: DAY_1.reach + DAY_2.reach,
};
type Day = typeof DAY_1;
const RATIOS: Record<string, (d: Day) => number> = {
	ctr: (d) => d.clicks / d.impressions,
	cpc: (d) => d.spend / d.clicks,
	cpm: (d) => (d.spend / d.impressions) * 1000,
	cpa: (d) => d.spend / d.conversions,
	roas: (d) => d.value / d.spend,
	frequency: (d) => d.impressions / d.reach,
};

const cases = Object.entries(RATIOS).map(([metric, ratio]) => {
	const fromTotals = ratio(T);
	const averaged = (ratio(DAY_1) + ratio(DAY_2)) / 2;
	return { metric, fromTotals, averaged, threshold: (fromTotals + averaged) / 2 };
});

async function decide(metric: string, operator: '<' | '>', threshold: number) {
	const items = [
		rawRow({ entityId: 'as1', date: '2025-03-09', ...DAY_1 }),
		rawRow({ entityId: 'as1', date: '2025-03-10', ...DAY_2 }),
	] as IDataObject[];
	const rule = { name: `${metric} over two days`, level: 'adSet', window: 'last_2d', conditions: { all: [{ metric, operator, value: threshold }] }, actions: [{ kind: 'pause' }] };
	const ctx = fakeContext({ items, params: { rulesSource: 'json', rulesJson: JSON.stringify([rule]), presets: [], options: { decisionLog: true } } });
	const [actions, noMatch] = (await new AdsRules().execute.call(ctx)) as INodeExecutionData[][];
	return { actions: actions.map((a) => a.json), noMatch: noMatch.map((n) => n.json) };
}

describe('Ads Rules: ratio metrics over a multi-day window come from summed totals', () => {
	beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
	afterEach(() => jest.useRealTimers());

	it('every case really separates the two ways of computing (else it proves nothing)', () => {
		for (const c of cases) expect(Math.abs(c.fromTotals - c.averaged) / c.fromTotals).toBeGreaterThan(0.1);
	});

	it.each(cases)('$metric: from totals $fromTotals, not the daily average $averaged', async ({ metric, fromTotals, averaged, threshold }) => {
		// The operator that is true of the value from totals and false of the averaged one.
		const operator = fromTotals < averaged ? '<' : '>';
		const { actions, noMatch } = await decide(metric, operator, threshold);
		expect(noMatch).toEqual([]);
		expect(actions).toHaveLength(1);
		const evidence = (actions[0].evidence as Array<{ label: string; left: number }>).find((e) => e.label.startsWith(metric));
		expect(evidence?.left).toBeCloseTo(fromTotals, 6);

		// And the opposite comparison does not match.
		const opposite = await decide(metric, operator === '<' ? '>' : '<', threshold);
		expect(opposite.actions).toEqual([]);
	});
});
