import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAccountCurrency } from './account';
import type { ObjectKind } from './kinds';
import { hasMoneyFields, withMajorUnits } from './money';

/** Field picker shared by Get and Get Many. */
export function fieldsProperty(kind: ObjectKind): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		options: kind.fields.map((field) => ({ name: field, value: field })),
		default: kind.defaultFields,
		description: 'Fields to read. Budgets and bids come back in major units (e.g. dailyBudget) next to the raw minor units.',
	};
}

/** The Graph `fields` list: always `id`, plus `account_id` when money needs the account currency. */
export function requestedFields(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const chosen = (ctx.getNodeParameter('fields', itemIndex, []) as string[]).filter((field) => typeof field === 'string' && field !== '');
	const fields = new Set(['id', ...chosen]);
	if (hasMoneyFields(chosen)) fields.add('account_id');
	return [...fields];
}

/** Converts money fields using the owning account's currency (one cached lookup per account). */
export async function presentObject(
	ctx: IExecuteFunctions,
	object: IDataObject,
	fields: string[],
	itemIndex: number,
	accountId?: string,
): Promise<IDataObject> {
	if (!hasMoneyFields(fields)) return object;
	const owner = accountId ?? (object.account_id ? String(object.account_id) : undefined);
	if (!owner) return object;
	const currency = await getAccountCurrency(ctx, owner, itemIndex);
	return withMajorUnits(object, currency);
}
