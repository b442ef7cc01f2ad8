import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromMetaMinorUnits, toMetaMinorUnits } from '../../../shared/money';
import { graphRequest } from '../../transport';
import { getAccountCurrency } from '../common/account';
import { budgetField, budgetToMinor, readOptionalAmount, readPositiveAmount, type BudgetType } from '../common/budget';
import { activateOnCreate, adAccountLocator } from '../common/fields';
import { getAdAccountId } from '../common/ids';
import { createStatus, readOptionalTime, readRequiredString } from '../common/inputs';
import {
	BID_STRATEGIES,
	BUYING_TYPES,
	OBJECTIVES,
	SPECIAL_AD_CATEGORIES,
	assertAllOf,
	assertOneOf,
	enumOptions,
} from '../common/options';
import { amountField, optionalFields } from '../../../shared/n8n/descriptions';

export const description: INodeProperties[] = [
	adAccountLocator,
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{
		displayName: 'Objective',
		name: 'objective',
		type: 'options',
		options: enumOptions(OBJECTIVES),
		default: 'OUTCOME_TRAFFIC',
		required: true,
	},
	{
		displayName: 'Special Ad Categories',
		name: 'specialAdCategories',
		type: 'multiOptions',
		options: enumOptions(SPECIAL_AD_CATEGORIES),
		default: [],
		description: 'Required by Meta; leave empty when none apply. Ads about credit, jobs, housing, politics, gambling or financial products must declare it.',
	},
	{
		displayName: 'Campaign Budget',
		name: 'budgetType',
		type: 'options',
		options: [
			{ name: 'None (Budgets on Ad Sets)', value: 'none' },
			{ name: 'Daily', value: 'daily' },
			{ name: 'Lifetime', value: 'lifetime' },
		],
		default: 'none',
	},
	amountField({ displayName: 'Budget', name: 'budgetAmount', description: 'Campaign budget in the ad account currency (major units, e.g. 50 for 50.00)', displayOptions: { show: { budgetType: ['daily', 'lifetime'] } } }),
	{
		displayName: 'Ad Set Budget Sharing',
		name: 'isAdsetBudgetSharingEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether ad sets may share up to 20% of their budget with each other (Meta requires a choice when the campaign has no budget)',
		displayOptions: { show: { budgetType: ['none'] } },
	},
	activateOnCreate,
	optionalFields('additionalFields', [
		{ displayName: 'Bid Strategy', name: 'bidStrategy', type: 'options', options: enumOptions(BID_STRATEGIES), default: 'LOWEST_COST_WITHOUT_CAP' },
		{ displayName: 'Buying Type', name: 'buyingType', type: 'options', options: enumOptions(BUYING_TYPES), default: 'AUCTION' },
		amountField({ displayName: 'Spend Cap', name: 'spendCap', description: 'Total the campaign may ever spend, in the account currency (major units)' }),
		{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '' },
		{ displayName: 'Stop Time', name: 'stopTime', type: 'dateTime', default: '' },
	]),
];

export interface CampaignInput {
	name: string;
	objective: string;
	specialAdCategories: string[];
	status: 'PAUSED' | 'ACTIVE';
	budget?: { type: BudgetType; minor: number };
	isAdsetBudgetSharingEnabled?: boolean;
	buyingType?: string;
	bidStrategy?: string;
	spendCapMinor?: number;
	startTime?: string;
	stopTime?: string;
}

/** The POST /act_X/campaigns body; money is already in minor units. */
export function buildCampaignBody(input: CampaignInput): IDataObject {
	const body: IDataObject = {
		name: input.name,
		objective: input.objective,
		status: input.status,
		// Always sent, even empty: Meta rejects a campaign without it.
		special_ad_categories: input.specialAdCategories,
		buying_type: input.buyingType ?? 'AUCTION',
	};
	if (input.budget) body[budgetField[input.budget.type]] = input.budget.minor;
	// Meta requires this choice only when the ad sets carry the budgets.
	else body.is_adset_budget_sharing_enabled = input.isAdsetBudgetSharingEnabled === true;
	if (input.bidStrategy) body.bid_strategy = input.bidStrategy;
	if (input.spendCapMinor !== undefined) body.spend_cap = input.spendCapMinor;
	if (input.startTime) body.start_time = input.startTime;
	if (input.stopTime) body.stop_time = input.stopTime;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Everything typed by the user is checked before the first call.
	const accountId = getAdAccountId(this, itemIndex);
	const name = readRequiredString(this, 'name', 'Name', itemIndex);
	const objective = assertOneOf(this, this.getNodeParameter('objective', itemIndex), OBJECTIVES, 'Objective', itemIndex);
	const specialAdCategories = assertAllOf(
		this,
		this.getNodeParameter('specialAdCategories', itemIndex, []),
		SPECIAL_AD_CATEGORIES,
		'Special Ad Categories',
		itemIndex,
	);
	const budgetType = assertOneOf(this, this.getNodeParameter('budgetType', itemIndex, 'none'), ['none', 'daily', 'lifetime'] as const, 'Campaign Budget', itemIndex);
	const amount = budgetType === 'none' ? undefined : readPositiveAmount(this, 'budgetAmount', itemIndex, 'Budget');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const bidStrategy = extra.bidStrategy === undefined ? undefined : assertOneOf(this, extra.bidStrategy, BID_STRATEGIES, 'Bid Strategy', itemIndex);
	const buyingType = extra.buyingType === undefined ? undefined : assertOneOf(this, extra.buyingType, BUYING_TYPES, 'Buying Type', itemIndex);
	const spendCap = readOptionalAmount(extra.spendCap || undefined, this, itemIndex, 'Spend Cap');
	const startTime = readOptionalTime(this, extra.startTime, 'Start Time', itemIndex);
	const stopTime = readOptionalTime(this, extra.stopTime, 'Stop Time', itemIndex);

	let currency: string | undefined;
	let budget: CampaignInput['budget'];
	if (amount !== undefined || spendCap !== undefined) currency = await getAccountCurrency(this, accountId, itemIndex);
	if (amount !== undefined && budgetType !== 'none') {
		const minor = await budgetToMinor(this, { amount, currency: currency!, type: budgetType, accountId, label: 'Budget', itemIndex });
		budget = { type: budgetType, minor };
	}

	const body = buildCampaignBody({
		name,
		objective,
		specialAdCategories,
		status: createStatus(this, itemIndex),
		budget,
		isAdsetBudgetSharingEnabled: this.getNodeParameter('isAdsetBudgetSharingEnabled', itemIndex, false) === true,
		buyingType,
		bidStrategy,
		spendCapMinor: spendCap === undefined ? undefined : toMetaMinorUnits(spendCap, currency!),
		startTime,
		stopTime,
	});
	const created = await graphRequest<{ id: string }>(this, { method: 'POST', path: `/${accountId}/campaigns`, body, itemIndex });

	const out: IDataObject = { id: created.id, accountId, name, objective, status: body.status, specialAdCategories };
	if (budget) {
		const key = budget.type === 'daily' ? 'dailyBudget' : 'lifetimeBudget';
		out[key] = fromMetaMinorUnits(budget.minor, currency!);
		out[`${key}Minor`] = budget.minor;
	}
	if (spendCap !== undefined) {
		out.spendCap = spendCap;
		out.spendCapMinor = body.spend_cap;
	}
	if (currency) out.currency = currency;
	return out;
}
