import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A required text field, trimmed, with an error naming the field and item when blank. */
export function readRequiredString(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `${label} is required on item ${itemIndex}`, { itemIndex });
	}
	return value;
}

/** An optional date-time as ISO 8601 (what Meta accepts), or undefined when blank. */
export function readOptionalTime(ctx: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const date = new Date(String(raw));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `${label} on item ${itemIndex} is not a valid date-time: ${JSON.stringify(raw)}`, { itemIndex });
	}
	return date.toISOString();
}

/** The status a new object gets: PAUSED unless the user opted in to ACTIVE. */
export function createStatus(ctx: IExecuteFunctions, itemIndex: number): 'PAUSED' | 'ACTIVE' {
	return ctx.getNodeParameter('activateOnCreate', itemIndex, false) === true ? 'ACTIVE' : 'PAUSED';
}
