import nock from 'nock';

import { BASE, CID, PREFIX, capture, errorBody, runNode } from './helpers';
import { validTemplate } from '../templates/fixtures';

const currency = (code = 'EUR') => capture(`${PREFIX}/googleAds:search`, () => ({ results: [{ customer: { currencyCode: code } }] }));

function createdNames(body: any) {
	const kinds: Record<string, string> = {
		campaignBudgetOperation: 'campaignBudgetResult',
		campaignOperation: 'campaignResult',
		campaignCriterionOperation: 'campaignCriterionResult',
		adGroupOperation: 'adGroupResult',
		adGroupAdOperation: 'adGroupAdResult',
		adGroupCriterionOperation: 'adGroupCriterionResult',
	};
	return {
		mutateOperationResponses: body.mutateOperations.map((op: any, i: number) => {
			const [kind] = Object.keys(op);
			return { [kinds[kind]]: { resourceName: `customers/${CID}/x/${i + 100}` } };
		}),
	};
}

describe('Campaign Create From Template', () => {
	it('sends ONE atomic googleAds:mutate with temp ids, PAUSED, micros, the EU declaration; outputs created names', async () => {
		currency();
		const { bodies } = capture(`${PREFIX}/googleAds:mutate`, createdNames);
		const { items } = await runNode({ resource: 'campaign', operation: 'create', customerId: CID, templateSource: 'json', template: JSON.stringify(validTemplate()) });
		expect(bodies).toHaveLength(1);
		const ops = bodies[0].mutateOperations;
		expect(bodies[0].partialFailure).toBeUndefined();
		expect(ops[0].campaignBudgetOperation.create).toEqual(expect.objectContaining({ resourceName: `customers/${CID}/campaignBudgets/-1`, amountMicros: '25500000' }));
		expect(ops[1].campaignOperation.create).toEqual(
			expect.objectContaining({
				resourceName: `customers/${CID}/campaigns/-2`,
				campaignBudget: `customers/${CID}/campaignBudgets/-1`,
				status: 'PAUSED',
				containsEuPoliticalAdvertising: 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING',
			}),
		);
		expect(ops[6].adGroupOperation.create.campaign).toBe(`customers/${CID}/campaigns/-2`);
		expect(ops[7].adGroupAdOperation.create.adGroup).toBe(`customers/${CID}/adGroups/-3`);
		const out = items[0].json as any;
		expect(out.campaign).toEqual({ name: 'Acme | Search', resourceName: `customers/${CID}/x/101`, id: '101' });
		expect(out.budget).toEqual(expect.objectContaining({ id: '100', budget: 25.5, budgetMicros: '25500000', currency: 'EUR' }));
		expect(out.adGroups[0].ads[0].id).toBe('107');
	});

	it('reads the template from an input item field, or from a create action (params.spec); validate only', async () => {
		currency();
		currency();
		const { bodies } = capture(`${PREFIX}/googleAds:mutate`, () => ({}), 2);
		const action = { schema: 'adpilot.action/v1', kind: 'create', params: { objectType: 'campaignFromTemplate', spec: validTemplate() } };
		const { items } = await runNode(
			{ resource: 'campaign', operation: 'create', customerId: CID, templateSource: 'field', templateField: 'spec.template', mutateOptions: { validateOnly: true } },
			{ inputItems: [{ json: { spec: { template: validTemplate() } } }, { json: { spec: { template: action } } }] },
		);
		expect(bodies).toHaveLength(2);
		expect(bodies[0].validateOnly).toBe(true);
		expect(items.map((i) => i.json.validateOnly)).toEqual([true, true]);
	});

	it('validates the template before any call, naming the path and the item', async () => {
		const t = validTemplate() as any;
		t.adGroups[0].ads[0].headlines[1] = 'This headline is way too long!!!';
		const { items, ctx } = await runNode(
			[
				{ resource: 'campaign', operation: 'create', customerId: CID, templateSource: 'json', template: t },
				{ resource: 'campaign', operation: 'create', customerId: CID, templateSource: 'json', template: { ...validTemplate(), budget: { amount: 0 } } },
			],
			{ continueOnFail: true },
		);
		expect(ctx.sentRequests).toHaveLength(0);
		expect(items[0].json.error).toBe(
			'adGroups[0].ads[0].headlines[1]: 32 characters, max 30 ("This headline is way too long!!!") (item 0)',
		);
		expect(items[1].json.error).toBe('budget.amount: must be greater than 0, got 0 (item 1)');
	});

	it('refuses a template whose currency is not the account currency', async () => {
		currency('JPY');
		await expect(
			runNode({ resource: 'campaign', operation: 'create', customerId: CID, template: { ...validTemplate(), currency: 'EUR' } }),
		).rejects.toThrow(`currency: the template is in EUR but customer ${CID} uses JPY (item 0)`);
	});

	it('names the template path of an operation Google rejects; nothing is created', async () => {
		currency();
		nock(BASE)
			.post(`${PREFIX}/googleAds:mutate`)
			.reply(
				400,
				errorBody([
					{
						code: { fieldError: 'REQUIRED' },
						message: 'The required field was not present.',
						operation: 8,
					},
				]),
			);
		await expect(runNode({ resource: 'campaign', operation: 'create', customerId: CID, template: validTemplate() })).rejects.toThrow(
			'template adGroups[0].keywords[0]; nothing was created',
		);
	});
});
