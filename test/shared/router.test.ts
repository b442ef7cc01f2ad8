import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../nodes/shared/n8n/operation';
import { routeOperation } from '../../nodes/shared/n8n/router';
import { getJsonParameter, getLocatorValue, getPositiveNumber } from '../../nodes/shared/n8n/parameters';
import { createExecuteContext } from '../helpers';

/** Doubles `n`, and fails on item 1 the way a bad input would. */
const doubling: OperationModule = {
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const n = this.getNodeParameter('n', itemIndex) as number;
		if (n < 0) throw new Error(`n must not be negative on item ${itemIndex}`);
		return { doubled: n * 2 };
	},
};

const resources = { thing: { double: doubling } };

function context(continueOnFail: boolean) {
	return createExecuteContext({
		parameters: [{ resource: 'thing', operation: 'double', n: 1 }, { resource: 'thing', operation: 'double', n: -1 }, { resource: 'thing', operation: 'double', n: 3 }],
		continueOnFail,
	});
}

describe('routeOperation', () => {
	it('pairs every output item with its input item', async () => {
		const ctx = createExecuteContext({ parameters: [{ resource: 'thing', operation: 'double', n: 1 }, { resource: 'thing', operation: 'double', n: 2 }] });
		const [items] = await routeOperation(ctx, resources);
		expect(items).toEqual([
			{ json: { doubled: 2 }, pairedItem: { item: 0 } },
			{ json: { doubled: 4 }, pairedItem: { item: 1 } },
		]);
	});

	it('stops at a failing item and names it when Continue On Fail is off', async () => {
		const error = await routeOperation(context(false), resources).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('turns the failing item into an error item and goes on under Continue On Fail', async () => {
		const [items] = await routeOperation(context(true), resources);
		expect(items).toEqual([
			{ json: { doubled: 2 }, pairedItem: { item: 0 } },
			{ json: { error: 'n must not be negative on item 1' }, pairedItem: { item: 1 } },
			{ json: { doubled: 6 }, pairedItem: { item: 2 } },
		]);
	});

	it('maps batch outcomes back to their items', async () => {
		const batched: OperationModule = {
			description: [],
			async executeBatch(itemIndexes) {
				return itemIndexes.map((itemIndex) =>
					itemIndex === 0 ? { itemIndex, error: new Error('rejected by the platform') } : { itemIndex, result: [{ id: `a${itemIndex}` }, { id: `b${itemIndex}` }] },
				);
			},
		};
		const ctx = createExecuteContext({ parameters: [{ resource: 'thing', operation: 'many' }, { resource: 'thing', operation: 'many' }], continueOnFail: true });
		const [items] = await routeOperation(ctx, { thing: { many: batched } });
		expect(items).toEqual([
			{ json: { error: 'rejected by the platform' }, pairedItem: { item: 0 } },
			{ json: { id: 'a1' }, pairedItem: { item: 1 } },
			{ json: { id: 'b1' }, pairedItem: { item: 1 } },
		]);
	});

	it('refuses an unknown operation clearly', async () => {
		const ctx = createExecuteContext({ parameters: { resource: 'thing', operation: 'explode' } });
		await expect(routeOperation(ctx, resources)).rejects.toThrow('The operation "explode" of "thing" is not supported');
	});
});

describe('parameter helpers', () => {
	it('read a resource locator as its id and refuse an empty one naming the field', () => {
		const ctx = createExecuteContext({ parameters: [{ campaign: { __rl: true, mode: 'id', value: ' 123 ' } }, { campaign: { __rl: true, mode: 'id', value: '' } }] });
		expect(getLocatorValue(ctx, 'campaign', 0)).toBe('123');
		expect(() => getLocatorValue(ctx, 'campaign', 1)).toThrow('The parameter "campaign" is empty');
	});

	it('accept positive numbers (also as strings) and name the field and value otherwise', () => {
		const ctx = createExecuteContext({ parameters: [{ budget: '25.5' }, { budget: 'ten' }, { budget: 0 }] });
		expect(getPositiveNumber(ctx, 'budget', 0, 'Daily Budget')).toBe(25.5);
		expect(() => getPositiveNumber(ctx, 'budget', 1, 'Daily Budget')).toThrow('Daily Budget must be a number, got "ten"');
		expect(() => getPositiveNumber(ctx, 'budget', 2, 'Daily Budget')).toThrow('Daily Budget must be greater than 0, got 0');
	});

	it('parse JSON parameters given as text or objects, naming the field when broken', () => {
		const ctx = createExecuteContext({ parameters: [{ spec: '{"a":1}' }, { spec: { b: 2 } }, { spec: '{oops' }] });
		expect(getJsonParameter(ctx, 'spec', 0)).toEqual({ a: 1 });
		expect(getJsonParameter(ctx, 'spec', 1)).toEqual({ b: 2 });
		expect(() => getJsonParameter(ctx, 'spec', 2, 'Targeting (JSON)')).toThrow(/^Targeting \(JSON\) is not valid JSON/);
	});
});
