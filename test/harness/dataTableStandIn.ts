/**
 * An in-memory stand-in for n8n's Data Table node (n8n-nodes-base.dataTable
 * v1.1, resource "row": get, insert, upsert), for template tests that need
 * what a template stored to come back on a later node or a later run.
 * Tables are plain arrays keyed by name; a test passes them in (and reads
 * them back) through the harness's `dataTables` option. Only the parameters
 * the templates use are read: table by name, filters (eq, neq, gt, gte, lt,
 * lte) with any/all matching, "define below" columns, Return All / Limit.
 */
import { NodeConnectionTypes, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeType } from 'n8n-workflow';

export type DataTables = Record<string, IDataObject[]>;

interface Condition {
	keyName: string;
	condition: string;
	keyValue: unknown;
}

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
	eq: (a, b) => a === b,
	neq: (a, b) => a !== b,
	gt: (a, b) => (a as number) > (b as number),
	gte: (a, b) => (a as number) >= (b as number),
	lt: (a, b) => (a as number) < (b as number),
	lte: (a, b) => (a as number) <= (b as number),
};

function matcher(ctx: IExecuteFunctions, index: number): (row: IDataObject) => boolean {
	const conditions = ctx.getNodeParameter('filters.conditions', index, []) as Condition[];
	const all = ctx.getNodeParameter('matchType', index, 'anyCondition') === 'allConditions';
	for (const c of conditions) {
		if (!COMPARE[c.condition]) throw new NodeOperationError(ctx.getNode(), `The harness Data Table has no condition "${c.condition}"`, { itemIndex: index });
	}
	const test = (row: IDataObject, c: Condition) => COMPARE[c.condition](row[c.keyName], c.keyValue);
	return (row) => conditions.length === 0 || (all ? conditions.every((c) => test(row, c)) : conditions.some((c) => test(row, c)));
}

export function dataTableStandIn(tables: DataTables): INodeType {
	let nextId = 1;
	return {
		description: {
			displayName: 'Data Table (harness, in memory)',
			name: 'n8n-nodes-base.dataTable',
			group: ['transform'],
			version: [1, 1.1],
			description: 'Rows kept in the test’s memory',
			defaults: { name: 'Data Table' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			// Declared so n8n-core hands their values over (it drops parameters a node type does not declare).
			properties: [
				{ displayName: 'Resource', name: 'resource', type: 'string', default: 'row' },
				{ displayName: 'Operation', name: 'operation', type: 'string', default: 'get' },
				{ displayName: 'Data Table', name: 'dataTableId', type: 'resourceLocator', default: { mode: 'name', value: '' }, modes: [{ displayName: 'Name', name: 'name', type: 'string' }] },
				{ displayName: 'Match Type', name: 'matchType', type: 'string', default: 'anyCondition' },
				{
					displayName: 'Filters',
					name: 'filters',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					options: [
						{
							displayName: 'Conditions',
							name: 'conditions',
							values: [
								{ displayName: 'Column', name: 'keyName', type: 'string', default: '' },
								{ displayName: 'Condition', name: 'condition', type: 'string', default: 'eq' },
								{ displayName: 'Value', name: 'keyValue', type: 'string', default: '' },
							],
						},
					],
				},
				{ displayName: 'Columns', name: 'columns', type: 'resourceMapper', default: { mappingMode: 'defineBelow', value: null }, typeOptions: { resourceMapper: { resourceMapperMethod: 'none', mode: 'add' } } },
				{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
				{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
				{ displayName: 'Options', name: 'options', type: 'json', default: {} },
			],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const out: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let i = 0; i < items.length; i++) {
				const name = String((this.getNodeParameter('dataTableId', i) as { value: unknown }).value);
				const table = tables[name];
				if (!table) throw new NodeOperationError(this.getNode(), `No data table named "${name}" (the test created ${Object.keys(tables).join(', ') || 'none'})`, { itemIndex: i });
				const operation = this.getNodeParameter('operation', i) as string;
				const now = new Date().toISOString();
				let rows: IDataObject[];
				if (operation === 'get') {
					const limit = this.getNodeParameter('returnAll', i, false) ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
					rows = table.filter(matcher(this, i)).slice(0, limit);
				} else if (operation === 'insert' || operation === 'upsert') {
					const data = this.getNodeParameter('columns.value', i, {}) as IDataObject;
					const existing = operation === 'upsert' ? table.filter(matcher(this, i)) : [];
					for (const row of existing) Object.assign(row, data, { updatedAt: now });
					rows = existing.length > 0 ? existing : [{ id: nextId++, ...data, createdAt: now, updatedAt: now }];
					if (existing.length === 0) table.push(rows[0]);
				} else {
					throw new NodeOperationError(this.getNode(), `The harness Data Table has no operation "${operation}"`, { itemIndex: i });
				}
				for (const row of rows) out.push({ json: { ...row }, pairedItem: { item: i } });
			}
			return [out];
		},
	};
}
