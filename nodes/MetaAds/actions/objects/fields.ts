import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

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
	const parent = { campaign: 'searchCampaigns', adSet: 'searchAdSets' } as Record<string, string | undefined>;
	return objectLocator({ name: kind.idParam, label: kind.label, listSearch: parent[kind.resource] });
}

/**
 * Ad account picker. The list search is the shared `searchAdAccounts`; the
 * name `adAccountId` is what the campaign/ad-set list searches read.
 */
export const adAccountLocator: INodeProperties = {
	displayName: 'Ad Account',
	name: 'adAccountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAdAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'act_1234567890',
			validation: [{ type: 'regex', properties: { regex: '^(act_)?\\d+$', errorMessage: 'Not a valid ad account ID' } }],
		},
	],
};

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
