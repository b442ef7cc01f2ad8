import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { adAccountLocator as accountLocator, adSetLocator, campaignLocator } from './locators';
import type { ObjectKind, ObjectResource } from './kinds';

/** Shows properties only for one resource/operation pair. */
export function showFor(resource: ObjectResource, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

const idMode = (label: string): INodePropertyMode => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string',
	placeholder: '120200000000000000',
	validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: `Not a valid ${label} ID (digits only)` } }],
});

/** A picker for a Meta object: list (when a listSearch exists) or a numeric id. */
export function objectLocator(options: {
	name: string;
	label: string;
	listSearch?: string;
	required?: boolean;
	description?: string;
}): INodeProperties {
	const modes: INodePropertyMode[] = [];
	if (options.listSearch) {
		modes.push({
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: options.listSearch, searchable: true },
		});
	}
	modes.push(idMode(options.label));
	return {
		displayName: options.label,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.listSearch ? 'list' : 'id', value: '' },
		required: options.required ?? true,
		modes,
		description: options.description,
	};
}

/** The locator for the object an operation acts on (e.g. `campaignId`). */
export function kindLocator(kind: ObjectKind): INodeProperties {
	if (kind.resource === 'campaign') return campaignLocator();
	if (kind.resource === 'adSet') return adSetLocator();
	return objectLocator({ name: kind.idParam, label: kind.label });
}

/** The ad account picker (list, id or Ads Manager URL), shared with the rest of the node; insights uses it too. */
export const adAccountLocator: INodeProperties = accountLocator();

/**
 * The campaign and ad set pickers list the objects of `adAccountId`; this
 * optional copy feeds them where the operation itself needs no account.
 */
const listingAccount: INodeProperties = accountLocator({
	required: false,
	description: 'Only used to fill the list below; not needed when you enter an ID or URL',
});

/** Fields that pick the one object an operation acts on. */
export function targetFields(kind: ObjectKind): INodeProperties[] {
	return kind.resource === 'campaign' || kind.resource === 'adSet' ? [listingAccount, kindLocator(kind)] : [kindLocator(kind)];
}

export const activateOnCreate: INodeProperties = {
	displayName: 'Activate on Create',
	name: 'activateOnCreate',
	type: 'boolean',
	default: false,
	description:
		'Whether to create the object ACTIVE. Off by default: new objects are created PAUSED so nothing spends until you activate it.',
};

export const budgetTypeOptions = [
	{ name: 'Daily', value: 'daily' },
	{ name: 'Lifetime', value: 'lifetime' },
];
