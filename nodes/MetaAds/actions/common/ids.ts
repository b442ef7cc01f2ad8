import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { getLocatorValue } from '../../../shared/n8n/parameters';
import { withArticle } from '../../../shared/text';
import { normalizeAdAccountId } from '../../transport';

// Meta object ids are decimal strings; anything else would become a confusing Graph 404 or, worse, a different path.
const META_ID = /^\d{1,32}$/;

/** Reads an id locator and insists on a numeric Meta id, naming the field and the item otherwise. */
export function getObjectId(ctx: IExecuteFunctions, param: string, label: string, itemIndex: number): string {
	let raw: string;
	try {
		raw = getLocatorValue(ctx, param, itemIndex);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${label} ID is missing on item ${itemIndex}`, {
			itemIndex,
			description: `Choose ${withArticle(label.toLowerCase())} from the list or enter its numeric ID.`,
		});
	}
	return assertMetaId(ctx, raw, label, itemIndex);
}

export function assertMetaId(ctx: IExecuteFunctions, raw: string, label: string, itemIndex: number): string {
	const id = raw.trim();
	if (!META_ID.test(id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} ID on item ${itemIndex} must be a numeric Meta ID, got ${JSON.stringify(raw)}`,
			{ itemIndex },
		);
	}
	return id;
}

/** The ad account as `act_<digits>`, with an error naming the item when it is missing or malformed. */
export function getAdAccountId(ctx: IExecuteFunctions, itemIndex: number, param = 'adAccountId'): string {
	let raw: string;
	try {
		raw = getLocatorValue(ctx, param, itemIndex);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Ad Account is missing on item ${itemIndex}`, {
			itemIndex,
			description: 'Choose an ad account from the list or enter its ID (act_123…).',
		});
	}
	return normalizeAdAccountId(raw, itemIndex, ctx.getNode());
}
