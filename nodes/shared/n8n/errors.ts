/**
 * The one error idiom of every platform kit (Meta and Google `actions/common/`,
 * and the next platform's):
 * - code that has the n8n context and the item (parameter readers, API calls)
 *   throws `NodeOperationError`/`NodeApiError` with `itemIndex`;
 * - pure code (builders, validators, parsers: no context, no item) throws
 *   `InputProblem(field, detail)`;
 * - the router (and batch operations, through `toItemError`) turns either into
 *   an n8n error that names the item.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * Bad input found by a pure builder or validator. Builders know the field,
 * not the node or the item; `toItemError` adds those.
 */
export class InputProblem extends Error {
	constructor(
		readonly field: string,
		readonly detail: string,
	) {
		super(`${field}: ${detail}`);
		this.name = 'InputProblem';
	}

	/** Every problem of a validator's list ("path: detail") in one error, so users fix them in one go. */
	static fromList(problems: string[]): InputProblem {
		const [first, ...rest] = problems;
		const split = first.indexOf(': ');
		const field = split === -1 ? first : first.slice(0, split);
		const detail = split === -1 ? 'invalid' : first.slice(split + 2);
		const error = new InputProblem(field, detail);
		if (rest.length) error.message = problems.join('; ');
		return error;
	}
}

/**
 * Any error thrown while working on an item, as an n8n error that names the
 * item: an InputProblem gets " (item N)", an n8n error keeps its message and
 * learns its item, anything else is wrapped.
 */
export function toItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InputProblem) {
		return new NodeOperationError(ctx.getNode(), `${error.message} (item ${itemIndex})`, { itemIndex });
	}
	const withContext = error as Error & { context?: IDataObject };
	if (withContext.context) {
		if (withContext.context.itemIndex === undefined) withContext.context.itemIndex = itemIndex;
		return withContext;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
