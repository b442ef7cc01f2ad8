import { NodeOperationError, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';

/**
 * A setting every credential of AdPilot carries (base URL, API version).
 * n8n fills a credential's defaults, so an empty value was cleared on
 * purpose: say so instead of guessing a host.
 */
export function credentialSetting(node: INode, credentials: ICredentialDataDecryptedObject, field: string, label: string, credentialName: string): string {
	const value = String(credentials[field] ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(node, `The ${credentialName} credential has no ${label}`, {
			description: `Open the credential and fill in "${label}"; its default is the platform's own.`,
		});
	}
	return value;
}
