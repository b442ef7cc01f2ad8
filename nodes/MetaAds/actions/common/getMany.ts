import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/n8n/operation';
import { graphPaginate } from '../../transport';
import { adSetLocator, campaignLocator } from './locators';
import { adAccountLocator } from './fields';
import { getAdAccountId, getObjectId } from './ids';
import type { ObjectKind } from './kinds';
import { fieldsProperty, presentObject, requestedFields } from './read';
import { returnAllFields } from '../../../shared/n8n/descriptions';

const EFFECTIVE_STATUSES = [
	'ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED', 'IN_PROCESS', 'WITH_ISSUES', 'PENDING_REVIEW', 'DISAPPROVED',
	'PREAPPROVED', 'PENDING_BILLING_INFO', 'CAMPAIGN_PAUSED', 'ADSET_PAUSED',
];
const CONFIGURED_STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'];

interface Filters {
	effectiveStatus?: string[];
	status?: string[];
	nameContains?: string;
}

/** Graph query for the filters; `filtering` takes Meta's `[{field, operator, value}]` list. */
export function buildListQuery(fields: string[], filters: Filters): IDataObject {
	const qs: IDataObject = { fields: fields.join(',') };
	const filtering: IDataObject[] = [];
	if (filters.effectiveStatus?.length) qs.effective_status = JSON.stringify(filters.effectiveStatus);
	if (filters.status?.length) filtering.push({ field: 'configured_status', operator: 'IN', value: filters.status });
	const name = filters.nameContains?.trim();
	if (name) filtering.push({ field: 'name', operator: 'CONTAIN', value: name });
	if (filtering.length) qs.filtering = JSON.stringify(filtering);
	return qs;
}

function statusOptions(values: string[]) {
	return values.map((value) => ({ name: value.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase()), value }));
}

// Over 80 lines on purpose: a declarative property list, assembled per kind in the order the form shows it.
function describe(kind: ObjectKind): INodeProperties[] {
	const properties: INodeProperties[] = [];
	// The account is always shown: it is the source when listing from the account, and it feeds the parent pickers otherwise.
	properties.push(adAccountLocator);
	if (kind.parents.length) {
		properties.push({
			displayName: 'List From',
			name: 'listFrom',
			type: 'options',
			options: [
				{ name: 'Ad Account', value: 'account' },
				...kind.parents.map((parent) => ({ name: parent.label, value: parent.param })),
			],
			default: 'account',
		});
		for (const parent of kind.parents) {
			const locator = parent.param === 'campaignId' ? campaignLocator() : adSetLocator();
			properties.push({ ...locator, displayOptions: { show: { listFrom: [parent.param] } } });
		}
	}
	properties.push(
		...returnAllFields(),
		fieldsProperty(kind),
	);
	if (kind.hasStatus) {
		properties.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Effective Status',
					name: 'effectiveStatus',
					type: 'multiOptions',
					options: statusOptions(EFFECTIVE_STATUSES),
					default: [],
					description: 'Status Meta reports after parents and review, e.g. CAMPAIGN_PAUSED',
				},
				{
					displayName: 'Name Contains',
					name: 'nameContains',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'multiOptions',
					options: statusOptions(CONFIGURED_STATUSES),
					default: [],
					description: 'The status set on the object itself',
				},
			],
		});
	}
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: 100,
				description: 'Objects per API page; smaller pages help when Meta asks to reduce the amount of data',
			},
		],
	});
	return properties;
}

export function makeGetMany(kind: ObjectKind): OperationModule {
	return {
		description: describe(kind),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const listFrom = kind.parents.length ? (this.getNodeParameter('listFrom', itemIndex, 'account') as string) : 'account';
			let path: string;
			let accountId: string | undefined;
			if (listFrom === 'account') {
				accountId = getAdAccountId(this, itemIndex);
				path = `/${accountId}/${kind.edge}`;
			} else {
				const parent = kind.parents.find((candidate) => candidate.param === listFrom);
				if (!parent) {
					throw new NodeOperationError(this.getNode(), `List From on item ${itemIndex} has an unknown value ${JSON.stringify(listFrom)}`, { itemIndex });
				}
				path = `/${getObjectId(this, parent.param, parent.label, itemIndex)}/${kind.edge}`;
			}
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const filters = kind.hasStatus ? (this.getNodeParameter('filters', itemIndex, {}) as Filters) : {};
			const options = this.getNodeParameter('options', itemIndex, {}) as { pageSize?: number };
			const fields = requestedFields(this, itemIndex);

			const objects = await graphPaginate<IDataObject>(this, {
				path,
				qs: buildListQuery(fields, filters),
				itemIndex,
				returnAll,
				limit,
				pageSize: options.pageSize ?? 100,
			});
			const out: IDataObject[] = [];
			for (const object of objects) out.push(await presentObject(this, object, fields, itemIndex, accountId));
			return out;
		},
	};
}
