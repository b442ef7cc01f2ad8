import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface MutateOptions {
	validateOnly: boolean;
	partialFailure: boolean;
}

export const validateOnlyOption: INodeProperties = {
	displayName: 'Validate Only',
	name: 'validateOnly',
	type: 'boolean',
	default: false,
	description: 'Whether Google should only check the request and change nothing',
};

export const partialFailureOption: INodeProperties = {
	displayName: 'Partial Failure',
	name: 'partialFailure',
	type: 'boolean',
	default: true,
	description:
		'Whether valid items are applied while failing ones become errors of their own item. Off makes the whole batch all-or-nothing.',
};

/**
 * The "Options" collection every mutation shows. Items are batched into one
 * mutate call, so Partial Failure is on unless turned off: n8n items are
 * independent, and one bad item should not sink 499 good ones.
 */
export function mutateOptionsProperty(
	show: { resource: string[]; operation: string[] },
	{ partialFailure = true, extra = [] }: { partialFailure?: boolean; extra?: INodeProperties[] } = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'mutateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [validateOnlyOption, ...(partialFailure ? [partialFailureOption] : []), ...extra],
	};
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('mutateOptions', itemIndex, {}) as IDataObject) ?? {};
}

export function readMutateOptions(ctx: IExecuteFunctions, itemIndex: number): MutateOptions {
	const options = readOptions(ctx, itemIndex);
	return {
		validateOnly: options.validateOnly === true,
		partialFailure: options.partialFailure !== false,
	};
}
