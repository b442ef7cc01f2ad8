import { checkAmount } from '../money';
import { NodeOperationError, type IExecuteFunctions, type INodeParameterResourceLocator } from 'n8n-workflow';

/** Reads a resourceLocator (list / id / url) parameter as a plain id string. */
export function getLocatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as
		| string
		| INodeParameterResourceLocator
		| undefined;
	const value = typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '');
	if (value.trim() === '') {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${name}" is empty`, {
			itemIndex,
			description: `Choose a value from the list or enter an ID for "${name}" on item ${itemIndex}.`,
		});
	}
	return value.trim();
}

/** A positive finite number parameter, or a clear error naming the field and the item. */
export function getPositiveNumber(ctx: IExecuteFunctions, name: string, itemIndex: number, label = name): number {
	const checked = checkAmount(ctx.getNodeParameter(name, itemIndex) as unknown);
	if ('problem' in checked) throw new NodeOperationError(ctx.getNode(), `${label} ${checked.problem}`, { itemIndex });
	return checked.value;
}

/** Parses a JSON parameter that may arrive as a string or an object, naming the field on failure. */
export function getJsonParameter<T = unknown>(ctx: IExecuteFunctions, name: string, itemIndex: number, label = name): T {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw as T;
	if (raw.trim() === '') return {} as T;
	try {
		return JSON.parse(raw) as T;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}
