import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { getGoogleAdsErrors, mutate, search } from '../../transport';
import { buildTemplateOperations, templateOutput, validateCampaignTemplate, type PlannedCreate } from '../../templates';
import { InputProblem, describeDetails, toItemError } from '../common/errors';
import { customerField, readCustomerId, show } from '../common/fields';
import { mutateOptionsProperty, readMutateOptions } from '../common/options';
import { readTemplateInput } from './templateInput';

const d = show('campaign', 'create');

const EXAMPLE = JSON.stringify(
	{
		name: 'Brand | Search',
		budget: { amount: 20 },
		bidding: { strategy: 'MANUAL_CPC' },
		negativeKeywords: ['free'],
		adGroups: [
			{
				name: 'Brand',
				cpcBid: 0.8,
				keywords: [{ text: 'acme shoes', matchType: 'EXACT' }],
				ads: [
					{
						finalUrl: 'https://example.com',
						headlines: ['Acme Shoes', 'Made to Run', 'Free Returns'],
						descriptions: ['Shoes built for long runs.', 'Order today, free returns.'],
					},
				],
			},
		],
	},
	null,
	2,
);

export const description: INodeProperties[] = [
	customerField(d),
	{
		displayName: 'Template Source',
		name: 'templateSource',
		type: 'options',
		options: [
			{ name: 'JSON', value: 'json', description: 'Write the template on the node' },
			{ name: 'Input Item Field', value: 'field', description: 'Read it from a field of each input item' },
		],
		default: 'json',
		displayOptions: d,
	},
	{
		displayName: 'Template',
		name: 'template',
		type: 'json',
		default: EXAMPLE,
		description:
			'Campaign, budget (daily, major units), bidding, networks, ad groups with responsive search ads and keywords, negative keywords. Everything is created PAUSED.',
		displayOptions: { show: { ...d.show, templateSource: ['json'] } },
	},
	{
		displayName: 'Template Field',
		name: 'templateField',
		type: 'string',
		default: 'template',
		description:
			'Field of the input item holding the template (dots for nested fields). A "create" action from Ads Rules or AI works too: its params.spec is used.',
		displayOptions: { show: { ...d.show, templateSource: ['field'] } },
	},
	// One template is one atomic request, so there is no Partial Failure here.
	mutateOptionsProperty({ resource: ['campaign'], operation: ['create'] }, { partialFailure: false }),
];

function planPath(entry: PlannedCreate | undefined): string {
	if (!entry) return 'the request';
	switch (entry.kind) {
		case 'budget':
		case 'campaign':
			return entry.kind;
		case 'campaignNegativeKeyword':
			return `negativeKeywords[${entry.index}]`;
		case 'location':
			return `locations[${entry.index}]`;
		case 'language':
			return `languages[${entry.index}]`;
		case 'adGroup':
			return `adGroups[${entry.adGroup}]`;
		case 'ad':
			return `adGroups[${entry.adGroup}].ads[${entry.index}]`;
		case 'keyword':
			return `adGroups[${entry.adGroup}].keywords[${entry.index}]`;
		case 'adGroupNegativeKeyword':
			return `adGroups[${entry.adGroup}].negativeKeywords[${entry.index}]`;
	}
}

async function accountCurrency(ctx: IExecuteFunctions, customerId: string, itemIndex: number): Promise<string | null> {
	const rows = await search<IDataObject>(ctx, customerId, 'SELECT customer.currency_code FROM customer LIMIT 1', { itemIndex });
	const code = ((rows[0]?.customer ?? {}) as IDataObject).currencyCode;
	return code === undefined ? null : String(code);
}

/**
 * Create from a template: validate everything first (no call on bad input),
 * check the currency, then ONE atomic googleAds:mutate. Google's errors are
 * named by template path, e.g. "adGroups[0].keywords[1]".
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	try {
		const customerId = readCustomerId(this, itemIndex);
		const parsed = validateCampaignTemplate(readTemplateInput(this, itemIndex));
		if (!parsed.ok) throw InputProblem.fromList(parsed.problems);
		const template = parsed.value;
		const { validateOnly } = readMutateOptions(this, itemIndex);

		const currency = await accountCurrency(this, customerId, itemIndex);
		if (template.currency && currency && template.currency !== currency) {
			throw new InputProblem('currency', `the template is in ${template.currency} but customer ${customerId} uses ${currency}`);
		}

		const { mutateOperations, plan } = buildTemplateOperations(customerId, template);
		let results: Array<IDataObject | null>;
		try {
			({ results } = await mutate(this, customerId, { resource: 'googleAds', operations: mutateOperations, validateOnly, itemIndex }));
		} catch (error) {
			const details = getGoogleAdsErrors(error);
			const first = details.find((e) => e.operationIndex !== undefined);
			if (!first) throw toItemError(this, error, itemIndex);
			// Name the template path, not the operation number the user never saw.
			throw new NodeApiError(this.getNode(), { errors: details as unknown as JsonObject[] } as JsonObject, {
				itemIndex,
				message: `Google Ads: ${first.code} — template ${planPath(plan[first.operationIndex as number])}; nothing was created`,
				description: describeDetails(details),
			});
		}
		return templateOutput(customerId, template, plan, results, { validateOnly, currency });
	} catch (error) {
		throw toItemError(this, error, itemIndex);
	}
}
