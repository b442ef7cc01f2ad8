import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fromMetaMinorUnits } from '../../../shared/money';
import { amountField } from '../../../shared/n8n/descriptions';
import type { OperationModule } from '../../../shared/n8n/operation';
import { graphRequest } from '../../transport';
import { accountPath, getAccountCurrency } from './account';
import { budgetField, budgetToMinor, changeByPercent, parseAmount, readOptionalAmount, readPositiveAmount, type BudgetType } from './budget';
import { budgetTypeOptions, targetFields } from './fields';
import { getObjectId } from './ids';
import type { ObjectKind } from './kinds';
import { metaPort } from '../../../shared/platforms/meta';
import type { Change } from '../../../shared/platforms/platform';
import { PORT_LEVEL } from './statusOperations';

interface BudgetState {
	id: string;
	name?: string;
	account_id?: string;
	daily_budget?: string | number;
	lifetime_budget?: string | number;
}

function readBudgetType(ctx: IExecuteFunctions, itemIndex: number): BudgetType {
	const type = ctx.getNodeParameter('budgetType', itemIndex) as string;
	if (type !== 'daily' && type !== 'lifetime') {
		throw new NodeOperationError(ctx.getNode(), `Budget Type on item ${itemIndex} must be "daily" or "lifetime", got ${JSON.stringify(type)}`, {
			itemIndex,
		});
	}
	return type;
}

/** Meta reports "no budget of this kind" as a missing field or "0". */
function minorOf(value: string | number | undefined): number | undefined {
	const amount = parseAmount(value);
	return amount !== undefined && amount > 0 ? amount : undefined;
}

async function readBudgetState(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number) {
	const id = getObjectId(ctx, kind.idParam, kind.label, itemIndex);
	const state = await graphRequest<BudgetState>(ctx, {
		method: 'GET',
		path: `/${id}`,
		qs: { fields: 'id,name,account_id,daily_budget,lifetime_budget' },
		itemIndex,
	});
	if (!state.account_id) {
		throw new NodeOperationError(ctx.getNode(), `Could not read the ad account of ${kind.label} ${id} (item ${itemIndex})`, { itemIndex });
	}
	const accountId = accountPath(String(state.account_id));
	const currency = await getAccountCurrency(ctx, accountId, itemIndex);
	return { id, state, accountId, currency };
}

/** Meta does not switch a live object between daily and lifetime budgets; say so before it does. */
function assertSameBudgetType(ctx: IExecuteFunctions, kind: ObjectKind, id: string, state: BudgetState, type: BudgetType, itemIndex: number) {
	const other: BudgetType = type === 'daily' ? 'lifetime' : 'daily';
	if (minorOf(state[budgetField[other]]) !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${kind.label} ${id} has a ${other} budget; set its ${other} budget instead (item ${itemIndex})`,
			{ itemIndex, description: 'Meta does not convert an existing object between daily and lifetime budgets.' },
		);
	}
}

function output(kind: ObjectKind, id: string, state: BudgetState, type: BudgetType, currency: string, oldMinor: number | undefined, newMinor: number, changed: boolean): IDataObject {
	return {
		id,
		...(state.name !== undefined ? { name: state.name } : {}),
		object: kind.resource,
		budgetType: type,
		currency,
		oldBudget: oldMinor === undefined ? null : fromMetaMinorUnits(oldMinor, currency),
		oldBudgetMinor: oldMinor ?? null,
		newBudget: fromMetaMinorUnits(newMinor, currency),
		newBudgetMinor: newMinor,
		changed,
	};
}

/** The write goes through the platform port, as Ads Apply's do: one plain request for this item. */
async function writeBudget(ctx: IExecuteFunctions, kind: ObjectKind, id: string, type: BudgetType, minor: number, currency: string, itemIndex: number) {
	const change: Change = { kind: 'budget', ref: { accountId: '', level: PORT_LEVEL[kind.resource], entityId: id }, budgetType: type, amount: fromMetaMinorUnits(minor, currency), currency };
	const [result] = await metaPort.applyChanges(ctx, [change], { validateOnly: false, itemIndexes: [itemIndex], oneByOne: true });
	if (!result.ok) throw result.cause ?? new NodeOperationError(ctx.getNode(), result.error?.message ?? 'Meta did not apply the budget', { itemIndex });
}

const budgetTypeProperty: INodeProperties = {
	displayName: 'Budget Type',
	name: 'budgetType',
	type: 'options',
	options: budgetTypeOptions,
	default: 'daily',
};

export function makeSetBudget(kind: ObjectKind): OperationModule {
	return {
		description: [
			...targetFields(kind),
			budgetTypeProperty,
			{
				displayName: 'Budget',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				required: true,
				description: 'The new budget in the ad account currency (major units, e.g. 50 for 50.00 EUR)',
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			// Validate everything the user typed before the first call.
			const type = readBudgetType(this, itemIndex);
			const amount = readPositiveAmount(this, 'amount', itemIndex, 'Budget');
			getObjectId(this, kind.idParam, kind.label, itemIndex);
			const { id, state, accountId, currency } = await readBudgetState(this, kind, itemIndex);
			assertSameBudgetType(this, kind, id, state, type, itemIndex);
			const oldMinor = minorOf(state[budgetField[type]]);
			const newMinor = await budgetToMinor(this, { amount, currency, type, accountId, label: 'Budget', itemIndex });
			const changed = newMinor !== oldMinor;
			// An unchanged budget is not written: ad set budgets may change only 4 times an hour.
			if (changed) await writeBudget(this, kind, id, type, newMinor, currency, itemIndex);
			return output(kind, id, state, type, currency, oldMinor, newMinor, changed);
		},
	};
}

/** Change Budget's parameters: the target, the budget type, the percent and optional limits. */
function changeBudgetDescription(kind: ObjectKind): INodeProperties[] {
	return [
		...targetFields(kind),
		budgetTypeProperty,
		{
			displayName: 'Change (%)',
			name: 'percent',
			type: 'number',
			default: 10,
			required: true,
			description: 'Percentage to change the current budget by: 20 raises it by a fifth, -10 lowers it by a tenth',
		},
		{
			displayName: 'Limits',
			name: 'limits',
			type: 'collection',
			placeholder: 'Add Limit',
			default: {},
			options: [
				amountField({ displayName: 'Floor', name: 'floor', description: 'Never go below this budget (account currency, major units)' }),
				amountField({ displayName: 'Ceiling', name: 'ceiling', description: 'Never go above this budget (account currency, major units)' }),
			],
		},
	];
}

export function makeChangeBudget(kind: ObjectKind): OperationModule {
	return {
		description: changeBudgetDescription(kind),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const type = readBudgetType(this, itemIndex);
			const rawPercent = this.getNodeParameter('percent', itemIndex) as unknown;
			const percent = parseAmount(rawPercent);
			if (percent === undefined || percent <= -100) {
				throw new NodeOperationError(
					this.getNode(),
					`Change (%) on item ${itemIndex} must be a number above -100, got ${JSON.stringify(rawPercent)}`,
					{ itemIndex },
				);
			}
			const limits = this.getNodeParameter('limits', itemIndex, {}) as { floor?: unknown; ceiling?: unknown };
			const floor = readOptionalAmount(limits.floor, this, itemIndex, 'Floor');
			const ceiling = readOptionalAmount(limits.ceiling, this, itemIndex, 'Ceiling');
			if (floor !== undefined && ceiling !== undefined && floor > ceiling) {
				throw new NodeOperationError(this.getNode(), `Floor (${floor}) is above Ceiling (${ceiling}) on item ${itemIndex}`, { itemIndex });
			}
			getObjectId(this, kind.idParam, kind.label, itemIndex);

			const { id, state, accountId, currency } = await readBudgetState(this, kind, itemIndex);
			const oldMinor = minorOf(state[budgetField[type]]);
			if (oldMinor === undefined) {
				throw new NodeOperationError(this.getNode(), `${kind.label} ${id} has no ${type} budget to change (item ${itemIndex})`, {
					itemIndex,
					description: kind.resource === 'campaign'
						? 'Its budgets may live on its ad sets; change those instead, or use Set Budget.'
						: 'Its budget may live on the campaign (Advantage campaign budget); change that instead.',
				});
			}
			const target = changeByPercent({ oldMinor, percent, currency, floor, ceiling });
			const newMinor = await budgetToMinor(this, {
				amount: fromMetaMinorUnits(target, currency),
				currency,
				type,
				accountId,
				label: 'New budget',
				itemIndex,
			});
			const changed = newMinor !== oldMinor;
			if (changed) await writeBudget(this, kind, id, type, newMinor, currency, itemIndex);
			return { ...output(kind, id, state, type, currency, oldMinor, newMinor, changed), percent };
		},
	};
}
