import { CID, PREFIX, capture, runNode } from './helpers';

const budgetRow = (campaignId: string, budgetId: string, micros: string, shared = false, refs = 1) => ({
	campaign: { id: campaignId, name: `C${campaignId}`, campaignBudget: `customers/${CID}/campaignBudgets/${budgetId}` },
	campaignBudget: {
		resourceName: `customers/${CID}/campaignBudgets/${budgetId}`,
		amountMicros: micros,
		explicitlyShared: shared,
		referenceCount: String(refs),
	},
	customer: { currencyCode: 'EUR' },
});

const mutateOk = (body: any) => ({ results: body.operations.map((op: any) => ({ resourceName: op.update.resourceName })) });

describe('Campaign Set Budget', () => {
	it('reads all budgets in one query, sets them in one mutate (micros, updateMask), outputs units', async () => {
		const read = capture(`${PREFIX}/googleAds:search`, () => ({
			results: [budgetRow('1', '91', '10000000'), budgetRow('2', '92', '20000000')],
		}));
		const write = capture(`${PREFIX}/campaignBudgets:mutate`, mutateOk);
		const { items } = await runNode([
			{ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '1', amount: 12.5 },
			{ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '2', amount: '30' },
		]);
		expect(read.bodies).toHaveLength(1);
		expect(read.bodies[0].query).toContain('campaign_budget.explicitly_shared');
		expect(read.bodies[0].query).toContain('WHERE campaign.id IN (1, 2)');
		expect(write.bodies).toHaveLength(1);
		expect(write.bodies[0].operations).toEqual([
			{ update: { resourceName: `customers/${CID}/campaignBudgets/91`, amountMicros: '12500000' }, updateMask: 'amountMicros' },
			{ update: { resourceName: `customers/${CID}/campaignBudgets/92`, amountMicros: '30000000' }, updateMask: 'amountMicros' },
		]);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				campaignId: '1',
				previousBudget: 10,
				previousBudgetMicros: '10000000',
				budget: 12.5,
				budgetMicros: '12500000',
				currency: 'EUR',
				warnings: [],
				applied: true,
			}),
		);
	});

	it('warns when the budget is shared with other campaigns', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({ results: [budgetRow('1', '91', '10000000', true, 3)] }));
		capture(`${PREFIX}/campaignBudgets:mutate`, mutateOk);
		const { items } = await runNode({ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '1', amount: 15 });
		expect(items[0].json.warnings).toEqual([
			`Budget customers/${CID}/campaignBudgets/91 is shared by 3 campaigns; this change applies to all of them, not only campaign 1.`,
		]);
	});

	it('a budget of 0 or not a number fails its own item with a clear message (3 items, middle bad)', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({
			results: [budgetRow('1', '91', '10000000'), budgetRow('2', '92', '10000000'), budgetRow('3', '93', '10000000')],
		}));
		const write = capture(`${PREFIX}/campaignBudgets:mutate`, mutateOk);
		const { items } = await runNode(
			[
				{ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '1', amount: 5 },
				{ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '2', amount: 0 },
				{ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '3', amount: 7 },
			],
			{ continueOnFail: true },
		);
		expect(items[1].json.error).toBe('Daily Budget: must be greater than 0, got 0 (item 1)');
		expect(write.bodies[0].operations).toHaveLength(2);
		expect(items[2].json.budget).toBe(7);

		capture(`${PREFIX}/googleAds:search`, () => ({ results: [budgetRow('1', '91', '10000000')] }));
		await expect(
			runNode({ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '1', amount: 'ten' }),
		).rejects.toThrow('Daily Budget: must be a number, got "ten" (item 0)');
	});

	it('a campaign that is not found fails its item', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({ results: [] }));
		await expect(
			runNode({ resource: 'campaign', operation: 'setBudget', customerId: CID, campaignId: '9', amount: 3 }),
		).rejects.toThrow(`Campaign: 9 not found in customer ${CID}, or it has no budget (item 0)`);
	});
});

describe('Campaign Change Budget by %', () => {
	it('applies the percentage to the current amount, with ceiling and floor', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({
			results: [budgetRow('1', '91', '10000000'), budgetRow('2', '92', '50000000'), budgetRow('3', '93', '4000000')],
		}));
		const write = capture(`${PREFIX}/campaignBudgets:mutate`, mutateOk);
		const { items } = await runNode([
			{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '1', percent: 20 },
			{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '2', percent: 20, mutateOptions: { ceiling: 55 } },
			{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '3', percent: -50, mutateOptions: { floor: 3 } },
		]);
		expect(write.bodies).toHaveLength(1);
		expect(write.bodies[0].operations.map((op: any) => op.update.amountMicros)).toEqual(['12000000', '55000000', '3000000']);
		expect(items.map((i) => [i.json.previousBudget, i.json.budget, i.json.limitedBy])).toEqual([
			[10, 12, null],
			[50, 55, 'ceiling'],
			[4, 3, 'floor'],
		]);
	});

	it('warns about shared budgets and about two items changing the same budget', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({
			results: [budgetRow('1', '91', '10000000', true, 2), budgetRow('2', '91', '10000000', true, 2)],
		}));
		capture(`${PREFIX}/campaignBudgets:mutate`, mutateOk);
		const { items } = await runNode([
			{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '1', percent: 10 },
			{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '2', percent: 10 },
		]);
		expect(items[0].json.warnings).toEqual([
			expect.stringContaining('is shared by 2 campaigns'),
			'Items 1 change the same budget in this run; the last one wins.',
		]);
	});

	it('refuses a cut that leaves nothing, and a percent that is not a number', async () => {
		capture(`${PREFIX}/googleAds:search`, () => ({ results: [budgetRow('1', '91', '10000000'), budgetRow('2', '92', '10000000')] }), 1);
		const { items } = await runNode(
			[
				{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '1', percent: -100 },
				{ resource: 'campaign', operation: 'changeBudget', customerId: CID, campaignId: '2', percent: 'lots' },
			],
			{ continueOnFail: true },
		);
		expect(items[0].json.error).toBe('Change (%): -100 would leave no budget; pause the campaign instead (item 0)');
		expect(items[1].json.error).toBe('Change (%): must be a number, got "lots" (item 1)');
	});
});
