/**
 * Description fragments every node repeats: Return All / Limit for list
 * operations, a custom date range, a money amount in major units, and the optional-fields
 * collection of create and update operations. One definition, so a label or
 * a default changes in one place.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Return All and Limit; Limit shows only when Return All is off. `displayOptions` may be left to a wrapper that adds resource/operation. */
export function returnAllFields(displayOptions?: IDisplayOptions, { returnAllDefault = false } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: returnAllDefault,
			description: 'Whether to return all results or only up to a given limit',
			...(displayOptions ? { displayOptions } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions?.show, returnAll: [false] } },
		},
	];
}

/**
 * The two days of a custom date range, `since` and `until`, both inclusive and
 * on the account's clock. Each node says when they show (a "custom" preset or
 * a range mode) and what the fields are called in its platform's words.
 */
export function dateRangeFields(displayOptions: IDisplayOptions, labels: { since: string; until: string } = { since: 'Since', until: 'Until' }): INodeProperties[] {
	return [
		{ displayName: labels.since, name: 'since', type: 'dateTime', default: '', required: true, description: "First day (inclusive), in the ad account's time zone", displayOptions },
		{ displayName: labels.until, name: 'until', type: 'dateTime', default: '', required: true, description: "Last day (inclusive), in the ad account's time zone", displayOptions },
	];
}

/** A money amount in major units of the account currency (two decimals); 0 by default, which the operations read as "not set" or reject. */
export function amountField(field: { displayName: string; name: string; description: string; minValue?: number; displayOptions?: IDisplayOptions }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'number',
		typeOptions: { minValue: field.minValue ?? 0, numberPrecision: 2 },
		default: 0,
		description: field.description,
		...(field.displayOptions ? { displayOptions: field.displayOptions } : {}),
	};
}

/** The optional fields of a create ("Additional Fields") or update ("Update Fields") operation. */
export function optionalFields(kind: 'additionalFields' | 'updateFields', options: INodeProperties[]): INodeProperties {
	return {
		displayName: kind === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
		name: kind,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}
