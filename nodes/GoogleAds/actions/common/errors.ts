import { NodeApiError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import type { GoogleAdsErrorDetail } from '../../transport/errors';

// Google's kit uses the package's one error idiom (see shared/n8n/errors.ts).
export { InputProblem, toItemError } from '../../../shared/n8n/errors';

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
