import { NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import { AdsRules } from '../../nodes/AdsRules/AdsRules.node';
import { uiRule } from '../../nodes/AdsRules/ui';
import { fakeContext, type FakeOptions } from './fakeContext';
import { days, NOW, rawRow } from './helpers';

const items = (): IDataObject[] => [
	...days('2025-03-10', 7, () => ({ entityId: 'a', entityName: 'Alpha', impressions: 2000, clicks: 10, spend: 30, conversions: 0, attributes: { dailyBudget: 40 } })),
	...days('2025-03-10', 7, () => ({ entityId: 'b', entityName: 'Beta', impressions: 2000, clicks: 60, spend: 30, conversions: 3, value: 300 })),
].map((r) => rawRow(r) as IDataObject);

const uiRules = {
	rule: [
		{
			name: 'Low CTR',
			enabled: true,
			level: 'adSet',
			window: 'last_7d',
			excludeToday: false,
			conditionMode: 'simple',
			combine: 'all',
			conditions: { condition: [{ metric: 'ctr', operator: '<', compareWith: 'value', value: 0.01 }] },
			params: '{}',
			minImpressions: 1000,
			minSpend: 0,
			minConversions: 0,
			actionKind: 'pause',
			cooldownHours: 24,
			maxPerWeek: 0,
			priority: 0,
		},
	],
};

async function exec(o: Partial<FakeOptions> & { params?: Record<string, unknown> }) {
	const ctx = fakeContext({ items: items(), ...o, params: { rulesSource: 'ui', rules: uiRules, presets: [], options: { decisionLog: true }, ...(o.params ?? {}) } });
	const out = (await new AdsRules().execute.call(ctx)) as INodeExecutionData[][];
	return { out, ctx };
}

describe('AdsRules node', () => {
	beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
	afterEach(() => jest.useRealTimers());

	it('describes three outputs and follows n8n conventions', () => {
		const d = new AdsRules().description;
		expect(d.name).toBe('adsRules');
		expect(d.displayName).toBe('Ads Rules (AdPilot)');
		expect(d.outputs).toEqual(['main', 'main', 'main']);
		expect(d.outputNames).toEqual(['Actions', 'No Match', 'Decision Log']);
		expect(d.usableAsTool).toBe(true);
		expect(d.icon).toEqual({ light: 'file:adsRules.svg', dark: 'file:adsRules.dark.svg' });
	});

	it('emits actions, no-match summaries and the log, paired with the contributing items', async () => {
		const { out, ctx } = await exec({});
		const [actions, noMatch, log] = out;
		expect(actions).toHaveLength(1);
		expect(actions[0].json).toMatchObject({ kind: 'pause', entityId: 'a', source: { type: 'rule', ruleName: 'Low CTR' } });
		expect(actions[0].pairedItem).toEqual([0, 1, 2, 3, 4, 5, 6].map((item) => ({ item })));
		expect(noMatch.map((i) => i.json)).toEqual([expect.objectContaining({ entityId: 'b', summary: expect.stringContaining('"Low CTR" not matched') })]);
		expect(noMatch[0].pairedItem).toEqual([7, 8, 9, 10, 11, 12, 13].map((item) => ({ item })));
		expect(log[0].json).toMatchObject({ type: 'run', referenceDate: '2025-03-10', entities: 2, rules: 1, matched: 1, actions: 1, cooldownsRecorded: 1 });
		expect(log.slice(1).map((i) => [i.json.type, i.json.entityId, i.json.status])).toEqual([
			['decision', 'a', 'matched'],
			['decision', 'b', 'notMatched'],
		]);
		// Parameters are read once per execution, never per item.
		expect(ctx.parameterReads.every((r) => r.endsWith('@0'))).toBe(true);
		expect(new Set(ctx.parameterReads).size).toBe(ctx.parameterReads.length);
	});

	it('keeps cooldowns across executions through workflow static data', async () => {
		const staticData: IDataObject = {};
		expect((await exec({ staticData })).out[0]).toHaveLength(1);
		const second = await exec({ staticData });
		expect(second.out[0]).toHaveLength(0);
		expect(second.out[2].find((i) => i.json.entityId === 'a')?.json).toMatchObject({ status: 'cooldown' });
		jest.setSystemTime(NOW + 25 * 3_600_000);
		expect((await exec({ staticData })).out[0]).toHaveLength(1);
	});

	it('does not record cooldowns in preview mode', async () => {
		const staticData: IDataObject = {};
		await exec({ staticData, params: { options: { previewOnly: true } } });
		expect(staticData).toEqual({}); // nothing recorded, not even an empty table (a write would make n8n save the run's static data)
	});

	it('leaves the log output empty when the option is off', async () => {
		const { out } = await exec({ params: { options: {} } });
		expect(out[2]).toEqual([]);
	});

	it('accepts Rules (JSON), presets and exports the list', async () => {
		const { out } = await exec({
			params: {
				rulesSource: 'json',
				rulesJson: JSON.stringify([{ name: 'j', level: 'adSet', window: 'last_7d', conditions: { metric: 'roas', operator: '>', value: 5 }, actions: [{ kind: 'notify', message: '{{entityName}} ROAS {{roas}}' }] }]),
				presets: ['spendNoConversions'],
				presetParams: { spendThreshold: 100 },
				options: { exportRules: true },
			},
		});
		expect(out[0].map((i) => [i.json.entityId, i.json.kind, (i.json.params as IDataObject).message])).toEqual([
			['b', 'notify', 'Beta ROAS 10'],
			['a', 'notify', 'Alpha (adSet a) spent 210.00 EUR in last_7d up to 2025-03-10 with no conversions'],
		]);
		const exported = out[2].find((i) => i.json.type === 'export')!.json.rules as IDataObject[];
		expect(exported.map((r) => r.name)).toEqual(['j', 'Preset: notify when spend ≥ 100 with zero conversions']);
	});

	it('exports UI rules as JSON that Rules (JSON) accepts unchanged', async () => {
		const first = await exec({ params: { options: { exportRules: true } } });
		const exported = first.out[2].find((i) => i.json.type === 'export')!.json.rules;
		const second = await exec({ params: { rulesSource: 'json', rulesJson: JSON.stringify(exported), options: {} } });
		expect(second.out[0].map((i) => i.json.idempotencyKey)).toEqual(first.out[0].map((i) => i.json.idempotencyKey));
	});

	it('fails naming the item and field for a bad row, or reports it with continueOnFail', async () => {
		const bad = items();
		bad[3] = { ...bad[3], spend: 'lots' };
		const ctx = fakeContext({ items: bad, params: { rulesSource: 'ui', rules: uiRules, options: { decisionLog: true } } });
		await expect(new AdsRules().execute.call(ctx)).rejects.toThrow('Item 3 is not a valid metric row: spend: expected a number, got "lots"');
		await expect(new AdsRules().execute.call(ctx)).rejects.toBeInstanceOf(NodeOperationError);

		const soft = fakeContext({ items: bad, continueOnFail: true, params: { rulesSource: 'ui', rules: uiRules, options: { decisionLog: true } } });
		const [actions, , log] = (await new AdsRules().execute.call(soft)) as INodeExecutionData[][];
		const errorItem = actions.find((i) => i.json.error);
		expect(errorItem).toEqual({
			json: { error: 'Item 3 is not a valid metric row: spend: expected a number, got "lots"', details: { itemIndex: 3, problems: ['spend: expected a number, got "lots"'] } },
			pairedItem: { item: 3 },
		});
		expect(log.find((i) => i.json.type === 'inputError')?.json).toEqual({ type: 'inputError', itemIndex: 3, problems: ['spend: expected a number, got "lots"'] });
		expect(log[0].json).toMatchObject({ inputErrors: 1 });
		// The bad row is left out of the totals (6 of 7 days counted), the rest is still evaluated.
		expect(log.find((i) => i.json.entityId === 'a')?.json).toMatchObject({ status: 'matched', gates: [expect.objectContaining({ left: 12000 })] });
		expect(actions.filter((i) => !i.json.error)).toHaveLength(1);
	});

	it('rejects an empty rule list, invalid JSON and unknown metrics with their paths', async () => {
		await expect(exec({ params: { rules: {} } })).rejects.toThrow('rules: no rules; add a rule in the list, choose a preset, or paste rules as JSON');
		await expect(exec({ params: { rulesSource: 'json', rulesJson: '[{' } })).rejects.toThrow(/^Rules \(JSON\) is not valid JSON/);
		const badMetric = { rule: [{ ...uiRules.rule[0], conditions: { condition: [{ metric: 'cpx', operator: '<', value: 1 }] } }] };
		await expect(exec({ params: { rules: badMetric } })).rejects.toThrow(/^rules\[0\]\.conditions\.all\[0\]\.metric: unknown metric "cpx"/);
		await expect(exec({ params: { presets: ['highCpa'] } })).rejects.toThrow('preset "highCpa": set Target CPA (a number above 0)');
		const badParams = { rule: [{ ...uiRules.rule[0], params: '{targetCpa: 1}' }] };
		await expect(exec({ params: { rules: badParams } })).rejects.toThrow(/^rules\[0\]\.params: not valid JSON/);
	});

	it('explains why a Data Table cannot be used when n8n refuses it', async () => {
		const refused = { getDataTableProxy: async () => Promise.reject(new Error('This proxy is only available for Data table nodes')) };
		await expect(exec({ params: { cooldownStorage: 'dataTable', dataTableId: 't1' }, helpers: refused })).rejects.toThrow(
			'Cannot open Data Table "t1": This proxy is only available for Data table nodes',
		);
		await expect(exec({ params: { cooldownStorage: 'dataTable', dataTableId: 't1' } })).rejects.toThrow('Data Tables are not available to this node in this n8n instance');
	});
});

describe('UI rule conversion', () => {
	it('turns simple rows into the JSON format, keeping per-condition windows and comparisons', () => {
		const raw = uiRule(
			{
				name: 'x',
				level: 'campaign',
				window: 'custom',
				customDays: 10,
				excludeToday: true,
				conditionMode: 'simple',
				combine: 'any',
				conditions: {
					condition: [
						{ metric: 'spend', window: 'today', operator: '>', compareWith: 'metric', otherMetric: 'dailyBudget', multiplier: 2 },
						{ metric: 'ctr', window: 'rule', operator: '<=', compareWith: 'previous', changeMode: 'percent', value: -30 },
						{ metric: 'roas', operator: '<=', compareWith: 'rank', rankDirection: 'bottom', rankScope: 'all', value: 3 },
						{ metric: 'cpa', operator: 'between', compareWith: 'value', value: 5, value2: 9 },
					],
				},
				params: '{"targetCpa": 20}',
				minSpend: 30,
				actionKind: 'changeBudgetByPercent',
				percent: -10,
				floor: 5,
				ceiling: 0,
				cooldownHours: 12,
				maxPerWeek: 2,
				priority: 3,
			},
			'rules[0]',
		);
		expect(raw).toEqual({
			name: 'x',
			level: 'campaign',
			window: 'last_10d_excl_today',
			priority: 3,
			cooldown: { hours: 12, maxPerWeek: 2 },
			params: { targetCpa: 20 },
			conditions: {
				any: [
					{ metric: 'spend', operator: '>', window: 'today', compareTo: { metric: 'dailyBudget', multiplier: 2, window: 'today' } },
					{ metric: 'ctr', operator: '<=', change: 'percent', value: -30 },
					{ metric: 'roas', operator: '<=', rank: 'bottom', scope: 'all', value: 3 },
					{ metric: 'cpa', operator: 'between', value: [5, 9] },
				],
			},
			minData: { spend: 30 },
			actions: [{ kind: 'changeBudgetByPercent', percent: -10, budgetType: 'daily', floor: 5 }],
		});
	});
});
