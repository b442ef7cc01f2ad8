import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fromMetaMinorUnits, toMetaMinorUnits } from '../../../shared/money';
import { graphRequest } from '../../transport';
import { getAccountCurrency } from '../common/account';
import { budgetField, budgetToMinor, readOptionalAmount, readPositiveAmount, type BudgetType } from '../common/budget';
import { campaignLocator } from '../common/locators';
import { activateOnCreate, adAccountLocator } from '../common/fields';
import { getAdAccountId, getObjectId } from '../common/ids';
import { createStatus, readOptionalTime, readRequiredString } from '../common/inputs';
import { BID_STRATEGIES, BILLING_EVENTS, OPTIMIZATION_GOALS, assertOneOf, enumOptions } from '../common/options';
import { parseJsonField } from '../common/update';
import { buildTargeting } from './targeting';
import { amountField, optionalFields } from '../../../shared/n8n/descriptions';

export const description: INodeProperties[] = [
	adAccountLocator,
	campaignLocator(),
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{
		displayName: 'Optimization Goal',
		name: 'optimizationGoal',
		type: 'options',
		options: enumOptions(OPTIMIZATION_GOALS),
		default: 'LINK_CLICKS',
	},
	{ displayName: 'Billing Event', name: 'billingEvent', type: 'options', options: enumOptions(BILLING_EVENTS), default: 'IMPRESSIONS' },
	{
		displayName: 'Budget Type',
		name: 'budgetType',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily' },
			{ name: 'Lifetime (Needs End Time)', value: 'lifetime' },
			{ name: 'None (Campaign Budget)', value: 'none' },
		],
		default: 'daily',
	},
	amountField({ displayName: 'Budget', name: 'budgetAmount', description: 'Ad set budget in the ad account currency (major units, e.g. 20 for 20.00)', displayOptions: { show: { budgetType: ['daily', 'lifetime'] } } }),
	{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '' },
	{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', description: 'Required with a lifetime budget' },
	{
		displayName: 'Countries',
		name: 'countries',
		type: 'string',
		default: '',
		placeholder: 'US, CA',
		description: 'Two-letter country codes; merged into geo_locations of the targeting JSON',
	},
	{
		displayName: 'Targeting (JSON)',
		name: 'targetingJson',
		type: 'json',
		default: '{}',
		description: 'Meta targeting spec; Countries and the age fields are merged into it',
	},
	activateOnCreate,
	optionalFields('additionalFields', [
		amountField({ displayName: 'Bid Amount', name: 'bidAmount', description: 'Bid cap or cost cap in the account currency (major units)' }),
		{ displayName: 'Bid Strategy', name: 'bidStrategy', type: 'options', options: enumOptions(BID_STRATEGIES), default: 'LOWEST_COST_WITHOUT_CAP' },
		{ displayName: 'Maximum Age', name: 'ageMax', type: 'number', typeOptions: { minValue: 13, maxValue: 65 }, default: 65 },
		{ displayName: 'Minimum Age', name: 'ageMin', type: 'number', typeOptions: { minValue: 13, maxValue: 65 }, default: 18 },
		{
			displayName: 'Promoted Object (JSON)',
			name: 'promotedObject',
			type: 'json',
			default: '{}',
			description: 'E.g. {"pixel_id": "123", "custom_event_type": "PURCHASE"} for conversion goals',
		},
	]),
];

export interface AdSetInput {
	name: string;
	campaignId: string;
	optimizationGoal: string;
	billingEvent: string;
	status: 'PAUSED' | 'ACTIVE';
	targeting: IDataObject;
	budget?: { type: BudgetType; minor: number };
	startTime?: string;
	endTime?: string;
	bidStrategy?: string;
	bidAmountMinor?: number;
	promotedObject?: IDataObject;
}

/** The POST /act_X/adsets body; money is already in minor units. */
export function buildAdSetBody(input: AdSetInput): IDataObject {
	const body: IDataObject = {
		name: input.name,
		campaign_id: input.campaignId,
		optimization_goal: input.optimizationGoal,
		billing_event: input.billingEvent,
		status: input.status,
		targeting: input.targeting,
	};
	if (input.budget) body[budgetField[input.budget.type]] = input.budget.minor;
	if (input.startTime) body.start_time = input.startTime;
	if (input.endTime) body.end_time = input.endTime;
	if (input.bidStrategy) body.bid_strategy = input.bidStrategy;
	if (input.bidAmountMinor !== undefined) body.bid_amount = input.bidAmountMinor;
	if (input.promotedObject && Object.keys(input.promotedObject).length) body.promoted_object = input.promotedObject;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fail = (message: string) => new NodeOperationError(this.getNode(), message, { itemIndex });
	// Everything typed by the user is checked before the first call.
	const accountId = getAdAccountId(this, itemIndex);
	const campaignId = getObjectId(this, 'campaignId', 'Campaign', itemIndex);
	const name = readRequiredString(this, 'name', 'Name', itemIndex);
	const optimizationGoal = assertOneOf(this, this.getNodeParameter('optimizationGoal', itemIndex), OPTIMIZATION_GOALS, 'Optimization Goal', itemIndex);
	const billingEvent = assertOneOf(this, this.getNodeParameter('billingEvent', itemIndex), BILLING_EVENTS, 'Billing Event', itemIndex);
	const budgetType = assertOneOf(this, this.getNodeParameter('budgetType', itemIndex, 'daily'), ['daily', 'lifetime', 'none'] as const, 'Budget Type', itemIndex);
	const amount = budgetType === 'none' ? undefined : readPositiveAmount(this, 'budgetAmount', itemIndex, 'Budget');
	const startTime = readOptionalTime(this, this.getNodeParameter('startTime', itemIndex, ''), 'Start Time', itemIndex);
	const endTime = readOptionalTime(this, this.getNodeParameter('endTime', itemIndex, ''), 'End Time', itemIndex);
	if (budgetType === 'lifetime' && !endTime) {
		throw fail(`End Time is required with a lifetime budget (item ${itemIndex})`);
	}
	if (startTime && endTime && Date.parse(endTime) <= Date.parse(startTime)) {
		throw fail(`End Time must be after Start Time on item ${itemIndex}`);
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const targeting = buildTargeting(
		parseJsonField(this, this.getNodeParameter('targetingJson', itemIndex, '{}'), 'Targeting (JSON)', itemIndex),
		{ countries: String(this.getNodeParameter('countries', itemIndex, '') ?? ''), ageMin: extra.ageMin as number, ageMax: extra.ageMax as number },
		itemIndex,
		fail,
	);
	const bidStrategy = extra.bidStrategy === undefined ? undefined : assertOneOf(this, extra.bidStrategy, BID_STRATEGIES, 'Bid Strategy', itemIndex);
	const bidAmount = readOptionalAmount(extra.bidAmount || undefined, this, itemIndex, 'Bid Amount');
	const promotedObject = parseJsonField(this, extra.promotedObject, 'Promoted Object (JSON)', itemIndex);

	let currency: string | undefined;
	let budget: AdSetInput['budget'];
	if (amount !== undefined || bidAmount !== undefined) currency = await getAccountCurrency(this, accountId, itemIndex);
	if (amount !== undefined && budgetType !== 'none') {
		budget = { type: budgetType, minor: await budgetToMinor(this, { amount, currency: currency!, type: budgetType, accountId, label: 'Budget', itemIndex }) };
	}
	const body = buildAdSetBody({
		name,
		campaignId,
		optimizationGoal,
		billingEvent,
		status: createStatus(this, itemIndex),
		targeting,
		budget,
		startTime,
		endTime,
		bidStrategy,
		bidAmountMinor: bidAmount === undefined ? undefined : toMetaMinorUnits(bidAmount, currency!),
		promotedObject,
	});
	const created = await graphRequest<{ id: string }>(this, { method: 'POST', path: `/${accountId}/adsets`, body, itemIndex });

	const out: IDataObject = { id: created.id, accountId, campaignId, name, status: body.status, optimizationGoal, billingEvent, targeting };
	if (budget) {
		const key = budget.type === 'daily' ? 'dailyBudget' : 'lifetimeBudget';
		out[key] = fromMetaMinorUnits(budget.minor, currency!);
		out[`${key}Minor`] = budget.minor;
	}
	if (bidAmount !== undefined) {
		out.bidAmount = bidAmount;
		out.bidAmountMinor = body.bid_amount;
	}
	if (currency) out.currency = currency;
	return out;
}
