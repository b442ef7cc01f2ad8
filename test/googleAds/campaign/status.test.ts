import nock from 'nock';

import { CID, PREFIX, BASE, capture, errorBody, failure, runNode } from './helpers';

const name = (id: string) => `customers/${CID}/campaigns/${id}`;

describe('Campaign pause / enable / remove', () => {
	it('pauses 3 campaigns with ONE mutate call (status only, updateMask)', async () => {
		const { bodies, scope } = capture(`${PREFIX}/campaigns:mutate`, (body) => ({
			results: body.operations.map((op: any) => ({ resourceName: op.update.resourceName })),
		}));
		const { items, ctx } = await runNode([
			{ resource: 'campaign', operation: 'pause', customerId: '123-456-7890', campaignId: '11' },
			{ resource: 'campaign', operation: 'pause', customerId: '1234567890', campaignId: name('22') },
			{ resource: 'campaign', operation: 'pause', customerId: '123-456-7890', campaignId: '33' },
		]);
		expect(scope.isDone()).toBe(true);
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).toEqual({
			operations: ['11', '22', '33'].map((id) => ({ update: { resourceName: name(id), status: 'PAUSED' }, updateMask: 'status' })),
			partialFailure: true,
		});
		expect(items.map((i) => i.json)).toEqual(
			['11', '22', '33'].map((id) => ({ customerId: CID, resourceName: name(id), id, status: 'PAUSED', validateOnly: false, applied: true })),
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(ctx.sentRequests[0].headers['developer-token']).toBe('dev-token');
	});

	it('enables and removes', async () => {
		const enable = capture(`${PREFIX}/campaigns:mutate`, () => ({ results: [{ resourceName: name('5') }] }));
		await runNode({ resource: 'campaign', operation: 'enable', customerId: CID, campaignId: '5' });
		expect(enable.bodies[0].operations).toEqual([{ update: { resourceName: name('5'), status: 'ENABLED' }, updateMask: 'status' }]);

		const remove = capture(`${PREFIX}/campaigns:mutate`, () => ({ results: [{ resourceName: name('5') }] }));
		const { items } = await runNode({ resource: 'campaign', operation: 'remove', customerId: CID, campaignId: '5' });
		expect(remove.bodies[0].operations).toEqual([{ remove: name('5') }]);
		expect(items[0].json.status).toBe('REMOVED');
	});

	it('sends validateOnly and says nothing was applied', async () => {
		const { bodies } = capture(`${PREFIX}/campaigns:mutate`, () => ({}));
		const { items } = await runNode({
			resource: 'campaign',
			operation: 'pause',
			customerId: CID,
			campaignId: '11',
			mutateOptions: { validateOnly: true },
		});
		expect(bodies[0].validateOnly).toBe(true);
		expect(items[0].json).toEqual(expect.objectContaining({ validateOnly: true, applied: false }));
	});

	it('Continue On Fail: a bad customer id fails only its item (3 items, middle bad), the rest in one call', async () => {
		const { bodies } = capture(`${PREFIX}/campaigns:mutate`, (body) => ({
			results: body.operations.map((op: any) => ({ resourceName: op.update.resourceName })),
		}));
		const { items } = await runNode(
			[
				{ resource: 'campaign', operation: 'pause', customerId: CID, campaignId: '1' },
				{ resource: 'campaign', operation: 'pause', customerId: '12-34', campaignId: '2' },
				{ resource: 'campaign', operation: 'pause', customerId: CID, campaignId: '3' },
			],
			{ continueOnFail: true },
		);
		expect(bodies).toHaveLength(1);
		expect(bodies[0].operations).toHaveLength(2);
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toBe('Customer ID "12-34" is not valid (item 1)');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json.id).toBe('3');
	});

	it('without Continue On Fail, a bad id stops the node naming the item', async () => {
		await expect(
			runNode([
				{ resource: 'campaign', operation: 'pause', customerId: CID, campaignId: 'abc' },
			]),
		).rejects.toThrow('Campaign: expected a numeric ID or a campaigns resource name, got "abc" (item 0)');
	});

	it('maps partial failure errors back to their items', async () => {
		const { bodies } = capture(`${PREFIX}/campaigns:mutate`, () => ({
			results: [{ resourceName: name('1') }, {}, { resourceName: name('3') }],
			partialFailureError: failure([{ code: { mutateError: 'RESOURCE_NOT_FOUND' }, message: 'Resource was not found.', operation: 1 }]),
		}));
		const { items } = await runNode(
			['1', '2', '3'].map((id) => ({ resource: 'campaign', operation: 'pause', customerId: CID, campaignId: id })),
			{ continueOnFail: true },
		);
		expect(bodies).toHaveLength(1);
		expect(items[0].json.id).toBe('1');
		expect(items[1].json.error).toBe('Google Ads rejected item 1: MutateError.RESOURCE_NOT_FOUND: Resource was not found.');
		expect(items[1].json.details).toContain('Field: operations[1].create');
		expect(items[2].json.id).toBe('3');
	});

	it('Partial Failure off: all-or-nothing, the failing item is named and the others are told why', async () => {
		const scope = nock(BASE)
			.post(`${PREFIX}/campaigns:mutate`, (body) => body.partialFailure === undefined)
			.reply(400, errorBody([{ code: { mutateError: 'RESOURCE_NOT_FOUND' }, message: 'Resource was not found.', operation: 2 }]));
		const { items } = await runNode(
			['1', '2', '3'].map((id) => ({
				resource: 'campaign',
				operation: 'pause',
				customerId: CID,
				campaignId: id,
				mutateOptions: { partialFailure: false },
			})),
			{ continueOnFail: true },
		);
		expect(scope.isDone()).toBe(true);
		expect(items[2].json.error).toBe('Google Ads rejected item 2: MutateError.RESOURCE_NOT_FOUND: Resource was not found.');
		expect(items[0].json.error).toBe('Item 0 was not applied: item(s) 2 failed and Partial Failure is off');
		expect(items[1].json.error).toBe('Item 1 was not applied: item(s) 2 failed and Partial Failure is off');
	});

	it('500 pauses are one request', async () => {
		const { bodies } = capture(`${PREFIX}/campaigns:mutate`, (body) => ({
			results: body.operations.map((op: any) => ({ resourceName: op.update.resourceName })),
		}));
		const { items } = await runNode(
			Array.from({ length: 500 }, (_, i) => ({ resource: 'campaign', operation: 'pause', customerId: CID, campaignId: String(i + 1) })),
		);
		expect(bodies).toHaveLength(1);
		expect(bodies[0].operations).toHaveLength(500);
		expect(items).toHaveLength(500);
	});
});
