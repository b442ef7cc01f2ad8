import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { deriveMetrics, makeIdempotencyKey, parseAction, ratioMetric, type ActionDraft } from '../../nodes/shared/contracts';
import { groupByEntity, metricFromTotals } from '../../nodes/shared/analysis';
import { checkAmount, minorDigits, parseAmount } from '../../nodes/shared/money';
import { makeAction, pairedWith, readMetricRows } from '../../nodes/shared/n8n/decisionNode';
import { fakeContext } from '../adsAnalytics/fakeContext';

const row = (over: IDataObject = {}): IDataObject => ({
	platform: 'meta',
	level: 'adSet',
	entityId: 'as1',
	entityName: 'Prospecting',
	accountId: '123',
	date: '2025-03-10',
	currency: 'EUR',
	impressions: 1000,
	clicks: 20,
	spend: 50,
	conversions: 2,
	value: 180,
	...over,
});

const draft: ActionDraft<'setBudget'> = {
	platform: 'meta',
	accountId: '123',
	level: 'adSet',
	entityId: 'as1',
	entityName: 'Prospecting',
	kind: 'setBudget',
	params: { budgetType: 'daily', amount: 60, currency: 'EUR', currentAmount: 50 },
	reason: 'ROAS above target',
	evidence: [{ label: 'roas over last_7d', left: 3.6, operator: '>', right: 3, result: true }],
	source: { type: 'ai', model: 'gpt-test', confidence: 0.8 },
	decidedAt: Date.UTC(2025, 2, 10, 12),
	identity: { source: 'ai', entity: 'meta|adSet|123|as1', kind: 'setBudget', amount: 60, day: '2025-03-10' },
};

describe('makeAction', () => {
	it('builds a valid adpilot.action/v1 with the schema, a key from the identity and an ISO decision time', () => {
		const action = makeAction(draft);
		expect(parseAction(action)).toEqual({ ok: true, value: action });
		expect(action).toMatchObject({ schema: 'adpilot.action/v1', kind: 'setBudget', entityName: 'Prospecting', decidedAt: '2025-03-10T12:00:00.000Z' });
		expect(action.idempotencyKey).toBe(makeIdempotencyKey(draft.identity));
	});

	it('keys the same decision alike whatever the time, and a different one differently', () => {
		const later = makeAction({ ...draft, decidedAt: new Date('2025-03-10T18:00:00Z') });
		expect(later.idempotencyKey).toBe(makeAction(draft).idempotencyKey);
		expect(later.decidedAt).toBe('2025-03-10T18:00:00.000Z');
		expect(makeAction({ ...draft, identity: { ...draft.identity, amount: 61 } }).idempotencyKey).not.toBe(later.idempotencyKey);
		expect(makeAction({ ...draft, entityName: undefined, decidedAt: '2025-03-10T00:00:00Z' })).toMatchObject({ entityName: null, decidedAt: '2025-03-10T00:00:00Z' });
	});
});

describe('readMetricRows', () => {
	it('stops at the first bad row, naming the item and the field', () => {
		const { ctx } = fakeContext([row(), row({ spend: 'lots' })], {});
		expect(() => readMetricRows(ctx, 'where rows come from')).toThrow(NodeOperationError);
		expect(() => readMetricRows(ctx, 'where rows come from')).toThrow('Item 1 is not a valid metric row: spend: expected a number, got "lots"');
	});

	it('under Continue On Fail returns the good rows and one error item per bad row, paired with it', () => {
		const { ctx } = fakeContext([row(), row({ spend: 'lots' }), row({ entityId: 'as2' })], {}, { continueOnFail: true });
		const read = readMetricRows(ctx, 'where rows come from');
		expect(read.rows.map((r) => [r.itemIndex, r.row.entityId])).toEqual([
			[0, 'as1'],
			[2, 'as2'],
		]);
		expect(read.errorItems).toEqual([
			{
				json: { error: 'Item 1 is not a valid metric row: spend: expected a number, got "lots"', details: { itemIndex: 1, problems: ['spend: expected a number, got "lots"'] } },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('pairs one input item as an object and several as a list', () => {
		expect(pairedWith([4])).toEqual({ item: 4 });
		expect(pairedWith([1, 3])).toEqual([{ item: 1 }, { item: 3 }]);
	});
});

describe('shared analysis', () => {
	it('reads every ratio from totals exactly as the contract derives it, null on a 0 denominator', () => {
		const t = { impressions: 1000, clicks: 20, spend: 50, conversions: 2, value: 180 };
		const d = deriveMetrics(t);
		for (const m of ['ctr', 'cpc', 'cpm', 'cpa', 'roas'] as const) {
			expect(metricFromTotals(m, t)).toBe(d[m]);
			expect(ratioMetric(m, t)).toBe(d[m]);
		}
		expect(d).toEqual({ ctr: 0.02, cpc: 2.5, cpm: 50, cpa: 25, roas: 3.6 });
		expect(metricFromTotals('cpa', { ...t, conversions: 0 })).toBeNull();
		expect(metricFromTotals('frequency', { ...t, reach: 400 })).toBe(2.5);
		expect(metricFromTotals('dailyBudget', t)).toBeNull();
	});

	it('groups rows by platform, level, account and entity in first-seen order, keeping the latest name', () => {
		const { ctx } = fakeContext(
			[row(), row({ entityId: 'as2' }), row({ date: '2025-03-11', entityName: 'Renamed' }), row({ accountId: '456' }), row({ level: 'campaign', entityId: 'c1' })],
			{},
		);
		const groups = groupByEntity(readMetricRows(ctx, '').rows);
		expect(groups.map((g) => [g.key, g.entityName, g.itemIndexes])).toEqual([
			['meta|adSet|123|as1', 'Renamed', [0, 2]],
			['meta|adSet|123|as2', 'Prospecting', [1]],
			['meta|adSet|456|as1', 'Prospecting', [3]],
			['meta|campaign|123|c1', 'Prospecting', [4]],
		]);
		expect(groupByEntity(readMetricRows(ctx, '').rows, 'campaign').map((g) => g.entityId)).toEqual(['c1']);
	});
});

describe('the one amount parser', () => {
	it('reads numbers and numeric strings, nothing else', () => {
		expect(parseAmount(12.5)).toBe(12.5);
		expect(parseAmount(' 40 ')).toBe(40);
		for (const bad of ['', ' ', 'ten', NaN, Infinity, null, undefined, {}, true]) expect(parseAmount(bad)).toBeUndefined();
	});

	it('words the problem the way every node reports it', () => {
		expect(checkAmount('25.5')).toEqual({ value: 25.5 });
		expect(checkAmount('ten')).toEqual({ problem: 'must be a number, got "ten"' });
		expect(checkAmount(0)).toEqual({ problem: 'must be greater than 0, got 0' });
		expect(checkAmount(0, { allowZero: true })).toEqual({ value: 0 });
		expect(checkAmount(-1, { allowZero: true })).toEqual({ problem: 'must be greater than or equal to 0, got -1' });
	});

	it('knows each currency minor-unit digits, capped at 2', () => {
		expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD'), minorDigits('XXX?')]).toEqual([2, 0, 2, 2]);
	});
});
