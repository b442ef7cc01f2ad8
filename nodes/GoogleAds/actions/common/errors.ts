import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import type { GoogleAdsErrorDetail } from '../../transport/errors';

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

/** Any error thrown while planning an item, as an n8n error that names the item. */
export function toItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InputProblem) {
		return new NodeOperationError(ctx.getNode(), `${error.message} (item ${itemIndex})`, { itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function policyLine(detail: GoogleAdsErrorDetail): string | undefined {
	const policy = detail.policy;
	if (!policy) return undefined;
	const parts: string[] = [];
	const key = policy.exemptPolicyViolationKey;
	if (key) parts.push(`exemption key {policyName: "${key.policyName ?? ''}", violatingText: "${key.violatingText ?? ''}"}`);
	if (policy.isExemptible !== undefined) parts.push(policy.isExemptible ? 'exemptible' : 'not exemptible');
	if (policy.policyTopics?.length) parts.push(`policy topics: ${policy.policyTopics.join(', ')}`);
	return parts.length ? `Policy: ${parts.join('; ')}` : undefined;
}

/** One line per error, with the policy exemption keys spelled out so users can act on them. */
export function describeDetails(details: GoogleAdsErrorDetail[]): string {
	return details
		.map((d) => {
			const lines = [`${d.code}: ${d.message}`];
			if (d.trigger !== undefined) lines.push(`Trigger: ${d.trigger}`);
			if (d.fieldPath) lines.push(`Field: ${d.fieldPath}`);
			const policy = policyLine(d);
			if (policy) lines.push(policy);
			return lines.join(' | ');
		})
		.join('\n');
}

/** Errors Google reported for one item's operations, as that item's error. */
export function operationError(ctx: IExecuteFunctions, details: GoogleAdsErrorDetail[], itemIndex: number): NodeApiError {
	const first = details[0];
	const more = details.length > 1 ? ` (+${details.length - 1} more)` : '';
	// Plain objects only: the details never hold request options or tokens.
	const response = { errors: details as unknown as JsonObject[] } as JsonObject;
	return new NodeApiError(ctx.getNode(), response, {
		itemIndex,
		message: `Google Ads rejected item ${itemIndex}: ${first ? `${first.code}: ${first.message}` : 'unknown error'}${more}`,
		description: describeDetails(details),
	});
}
