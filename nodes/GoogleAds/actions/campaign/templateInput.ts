import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ACTION_SCHEMA } from '../../../shared/contracts';
import { getJsonParameter } from '../../../shared/n8n/parameters';
import { InputProblem } from '../common/errors';

function isRecord(v: unknown): v is IDataObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readPath(source: IDataObject, path: string): unknown {
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (!isRecord(current)) return undefined;
		current = current[part];
	}
	return current;
}

/** An AdAction of kind `create` carries its template in `params.spec`. */
function unwrapAction(value: unknown): unknown {
	if (isRecord(value) && value.schema === ACTION_SCHEMA && value.kind === 'create' && isRecord(value.params)) {
		return value.params.spec;
	}
	return value;
}

/**
 * The raw template of one item: the JSON parameter, or a field of the input
 * item (dotted path; a JSON string, an object, or a whole `create` action).
 */
export function readTemplateInput(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const source = ctx.getNodeParameter('templateSource', itemIndex, 'json') as string;
	if (source === 'field') {
		const field = String(ctx.getNodeParameter('templateField', itemIndex, 'template')).trim();
		const json = ctx.getInputData()[itemIndex]?.json ?? {};
		// The item itself may be the action.
		if (field === '' || (json.schema === ACTION_SCHEMA && readPath(json, field) === undefined)) return unwrapAction(json);
		const value = readPath(json, field);
		if (value === undefined) throw new InputProblem('Template Field', `the input item has no field "${field}"`);
		return unwrapAction(value);
	}
	return unwrapAction(getJsonParameter(ctx, 'template', itemIndex, 'Template'));
}
