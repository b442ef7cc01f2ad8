import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { AdsAnalytics } from '../../nodes/AdsAnalytics/AdsAnalytics.node';
import { parseAction } from '../../nodes/shared/contracts/validate';
import { fakeContext } from './fakeContext';
import { dailyRows, row } from './rows';

const node = new AdsAnalytics();

const anomalyParams: IDataObject = { operation: 'detectAnomalies', metrics: ['spend'], windowDays: 7, evaluateDays: 1, threshold: 3.5, criticalThreshold: 5, anomalyOptions: { minPoints: 5 } };

function spendSeries(entityId: string, last: number) {
	return dailyRows(entityId, '2024-05-01', [...Array.from({ length: 7 }, (_, i) => ({ spend: 100 + (i % 2) * 10 })), { spend: last }]);
}

describe('AdsAnalytics node', () => {
	it('describes itself by the conventions', () => {
		const d = node.description;
		expect(d.name).toBe('adsAnalytics');
		expect(d.displayName).toBe('Ads Analytics (AdPilot)');
		expect(d.usableAsTool).toBe(true);
		const op = d.properties.find((p) => p.name === 'operation')!;
		expect(op.noDataExpression).toBe(true);
		for (const option of op.options as Array<{ action?: string }>) expect(option.action).toEqual(expect.any(String));
		// Each parameter belongs to an operation (displayOptions), so names do not collide.
		const names = d.properties.map((p) => p.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('runs an operation end to end, pairing every output item', async () => {
		const items = [...spendSeries('a', 300), ...spendSeries('b', 104)];
		const { ctx } = fakeContext(items, anomalyParams);
		const [out] = await node.execute.call(ctx);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ entityId: 'a', metric: 'spend', direction: 'spike' });
		expect(out[0].pairedItem).toEqual({ item: 7 });
	});

	it('reads parameters once per execution, not per item', async () => {
		const small = fakeContext(spendSeries('a', 300), anomalyParams);
		await node.execute.call(small.ctx);
		const many = fakeContext(Array.from({ length: 200 }, (_, i) => spendSeries(`e${i}`, 300)).flat(), anomalyParams);
		await node.execute.call(many.ctx);
		expect(many.parameterReads()).toBe(small.parameterReads());
	});

	it('an invalid row stops the node with its item index and the field named', async () => {
		const items = [row(), row({ spend: 'abc' as unknown as number }), row({ clicks: undefined })];
		const { ctx } = fakeContext(items, { operation: 'scorePerformance' });
		const error = await node.execute.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain('Item 1');
		expect((error as NodeOperationError).message).toContain('spend: expected a number, got "abc"');
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('with Continue On Fail, bad rows become error items and the rest is analysed', async () => {
		const items = [row({ spend: 'abc' as unknown as number }), ...spendSeries('a', 300)];
		const { ctx } = fakeContext(items, anomalyParams, { continueOnFail: true });
		const [out] = await node.execute.call(ctx);
		expect(out[0]).toEqual({ json: expect.objectContaining({ error: expect.stringContaining('Item 0') }), pairedItem: { item: 0 } });
		expect(out[1].json).toMatchObject({ entityId: 'a', direction: 'spike' });
		expect(out[1].pairedItem).toEqual({ item: 8 });
	});

	it('reports an operation-level input error against the right item', async () => {
		const { ctx } = fakeContext([row({ entityId: 'only' })], { operation: 'compareAbTest', variantSource: 'entity', abMetric: 'ctr', control: '', abOptions: {} });
		const error = await node.execute.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/at least 2 variants/);

		const cof = fakeContext([row({ entityId: 'only' })], { operation: 'compareAbTest', variantSource: 'entity', abMetric: 'ctr', control: '', abOptions: {} }, { continueOnFail: true });
		const [out] = await node.execute.call(cof.ctx);
		expect(out).toEqual([{ json: { error: expect.stringMatching(/at least 2 variants/) }, pairedItem: { item: 0 } }]);
	});

	it('rejects a bad parameter with a clear message', async () => {
		const { ctx } = fakeContext(spendSeries('a', 300), { ...anomalyParams, threshold: 5, criticalThreshold: 2 });
		await expect(node.execute.call(ctx)).rejects.toThrow(/Critical Threshold \(2\) must be at least the Threshold \(5\)/);
	});

	it('every operation runs through execute and pairs all items', async () => {
		const rows = [
			row({ entityId: 'A', level: 'campaign', impressions: 10000, clicks: 100, spend: 100, value: 400, conversions: 10, attributes: { dailyBudget: 100 } }),
			row({ entityId: 'B', level: 'campaign', impressions: 10000, clicks: 200, spend: 100, value: 200, conversions: 5, attributes: { dailyBudget: 100 } }),
			row({ entityId: 'C', level: 'campaign', impressions: 10000, clicks: 150, spend: 100, value: 300, conversions: 8, attributes: { dailyBudget: 100 } }),
		];
		const params: Record<string, IDataObject> = {
			scorePerformance: { scoreWindowDays: 0, targetCpa: 0, targetRoas: 3, scoreWeights: {}, scoreMinimums: {} },
			compareAbTest: { variantSource: 'entity', abMetric: 'ctr', control: 'A', abOptions: {} },
			reallocateBudget: { budgetLevel: 'campaign', totalBudget: 300, currency: 'EUR', basis: 'roas', maxChangePercent: 20, floor: 1, explorationShare: 0.1, reallocateOptions: { currentBudgets: '{}' } },
			forecast: { forecastMetrics: ['spend'], horizonDays: 7, trailingDays: 3, model: 'linear', monthlyBudget: 0, forecastOptions: {} },
		};
		for (const [operation, p] of Object.entries(params)) {
			const input = operation === 'forecast' ? dailyRows('A', '2024-06-01', [{ spend: 1 }, { spend: 2 }, { spend: 4 }]) : rows;
			const { ctx } = fakeContext(input, { operation, ...p });
			const [out] = await node.execute.call(ctx);
			expect(out.length).toBeGreaterThan(0);
			for (const item of out) expect(item.pairedItem).toBeDefined();
			if (operation === 'reallocateBudget') {
				const actions = out.filter((o) => o.json.kind === 'setBudget');
				expect(actions.length).toBeGreaterThan(0);
				for (const a of actions) expect(parseAction(a.json).ok).toBe(true);
				expect(out[out.length - 1].json).toMatchObject({ summary: true, allocated: 300, feasible: true });
			}
		}
	});
});
