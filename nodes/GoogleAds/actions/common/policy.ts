import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { GoogleAdsErrorDetail } from '../../transport';

export const requestPolicyExemptionOption: INodeProperties = {
	displayName: 'Request Policy Exemption',
	name: 'requestPolicyExemption',
	type: 'boolean',
	default: false,
	description:
		'Whether to retry once with an exemption request when Google reports exemptible policy violations. Exempted items still go through policy review.',
};

export interface PolicyKey {
	policyName?: string;
	violatingText?: string;
}

/** Exemption keys of every error, or undefined when any error is not an exemptible policy violation. */
export function exemptibleKeys(errors: GoogleAdsErrorDetail[]): PolicyKey[] | undefined {
	if (errors.length === 0) return undefined;
	const keys: PolicyKey[] = [];
	for (const error of errors) {
		const policy = error.policy;
		if (!policy?.isExemptible || !policy.exemptPolicyViolationKey) return undefined;
		const key = policy.exemptPolicyViolationKey;
		if (!keys.some((k) => k.policyName === key.policyName && k.violatingText === key.violatingText)) keys.push({ ...key });
	}
	return keys;
}

/** Policy topics of ad policy findings, or undefined when any error is something else. */
export function ignorableTopics(errors: GoogleAdsErrorDetail[]): string[] | undefined {
	if (errors.length === 0) return undefined;
	const topics = new Set<string>();
	for (const error of errors) {
		if (!error.policy?.policyTopics?.length) return undefined;
		error.policy.policyTopics.forEach((t) => topics.add(t));
	}
	return [...topics];
}

/** Keywords: the same operations, with `exemptPolicyViolationKeys` (an operation field beside `create`). */
export function keywordExemptionRetry(
	operations: IDataObject[],
	errors: GoogleAdsErrorDetail[],
): { operations: IDataObject[]; note: IDataObject } | undefined {
	const keys = exemptibleKeys(errors);
	if (!keys) return undefined;
	return {
		operations: operations.map((op) => ({ ...op, exemptPolicyViolationKeys: keys })),
		note: { policyExemptionRequested: keys as unknown as IDataObject[] },
	};
}

/** Ads: the same operations, with `policyValidationParameter.ignorablePolicyTopics`. */
export function adExemptionRetry(
	operations: IDataObject[],
	errors: GoogleAdsErrorDetail[],
): { operations: IDataObject[]; note: IDataObject } | undefined {
	const topics = ignorableTopics(errors);
	if (!topics) return undefined;
	return {
		operations: operations.map((op) => ({ ...op, policyValidationParameter: { ignorablePolicyTopics: topics } })),
		note: { policyExemptionRequested: topics },
	};
}
