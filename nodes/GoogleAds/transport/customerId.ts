import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * '123-456-7890' or '1234567890' → '1234567890'. Also accepts
 * 'customers/1234567890' (a resource name). Anything else is a clear error
 * naming the value and the item; with `node` it is a NodeOperationError.
 */
export function normalizeCustomerId(raw: string, itemIndex?: number, node?: INode): string {
	const text = String(raw ?? '').trim().replace(/^customers\//, '');
	const digits = text.replace(/-/g, '');
	const dashedOk = /^\d{3}-\d{3}-\d{4}$/.test(text) || !text.includes('-');
	if (/^\d{10}$/.test(digits) && dashedOk) return digits;
	const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
	const message = `Customer ID "${String(raw ?? '')}" is not valid${where}`;
	const description = 'A Google Ads customer ID has 10 digits, written 123-456-7890 or 1234567890.';
	if (node) throw new NodeOperationError(node, message, { itemIndex, description });
	throw Object.assign(new Error(message), { description });
}
