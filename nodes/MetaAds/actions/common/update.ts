import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { graphRequest } from '../../transport';
import type { ObjectKind } from './kinds';

/** Sends an update and reports which fields changed; an empty update is a user mistake, not a no-op call. */
export async function postUpdate(
	ctx: IExecuteFunctions,
	kind: ObjectKind,
	id: string,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const keys = Object.keys(body);
	if (keys.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Update Fields on item ${itemIndex} is empty: add at least one field to change`, { itemIndex });
	}
	const response = await graphRequest<IDataObject>(ctx, { method: 'POST', path: `/${id}`, body, itemIndex });
	return { id, object: kind.resource, updatedFields: keys, success: response?.success !== false };
}

/** Parses a JSON text/object field, naming the field and item on failure. */
export function parseJsonField<T = IDataObject>(ctx: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): T | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') return raw as T;
	if (raw.trim() === '' || raw.trim() === '{}') return undefined;
	try {
		return JSON.parse(raw) as T;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}
