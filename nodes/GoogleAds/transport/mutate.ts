import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { GoogleAdsContext } from './credentials';
import { normalizeCustomerId } from './customerId';
import { parseGoogleAdsFailure, type GoogleAdsErrorDetail } from './errors';
import { googleAdsRequest, type GoogleAdsTransportOptions } from './request';

/** Google refuses more than this per request (TOO_MANY_MUTATE_OPERATIONS). */
export const MAX_MUTATE_OPERATIONS = 10_000;

export type MutateResource =
	| 'googleAds'
	| 'campaigns'
	| 'campaignBudgets'
	| 'adGroups'
	| 'adGroupAds'
	| 'adGroupCriteria'
	| 'campaignCriteria'
	| (string & {});

export interface MutateRequest {
	resource: MutateResource;
	/** For 'googleAds': MutateOperation objects ({campaignOperation:{...}}); otherwise the resource's operations. */
	operations: IDataObject[];
	validateOnly?: boolean;
	partialFailure?: boolean;
	itemIndex?: number;
	options?: GoogleAdsTransportOptions;
}

export interface MutateOperationError {
	operationIndex: number;
	error: GoogleAdsErrorDetail;
}

export interface MutateOutcome {
	/** One entry per operation, in order; null when it failed or nothing was applied (validateOnly). */
	results: Array<IDataObject | null>;
	/** Partial-failure errors mapped back to the index in `operations`. */
	operationErrors: MutateOperationError[];
}

interface MutateAnswer {
	results?: IDataObject[];
	mutateOperationResponses?: IDataObject[];
	partialFailureError?: IDataObject;
}

/** googleAds:mutate wraps each result as {campaignResult:{...}}; unwrap to the inner object. */
function unwrap(entry: IDataObject | undefined, mixed: boolean): IDataObject | null {
	if (!entry || Object.keys(entry).length === 0) return null;
	if (!mixed) return entry;
	const inner = Object.values(entry)[0];
	return inner && typeof inner === 'object' && Object.keys(inner).length ? (inner as IDataObject) : null;
}

async function mutateChunk(
	ctx: GoogleAdsContext,
	cid: string,
	req: MutateRequest,
	operations: IDataObject[],
	offset: number,
): Promise<MutateOutcome> {
	const mixed = req.resource === 'googleAds';
	const body: IDataObject = mixed ? { mutateOperations: operations } : { operations };
	if (req.partialFailure) body.partialFailure = true;
	if (req.validateOnly) body.validateOnly = true;
	const answer = await googleAdsRequest<MutateAnswer>(ctx, {
		method: 'POST',
		path: `customers/${cid}/${req.resource}:mutate`,
		body,
		itemIndex: req.itemIndex,
		options: req.options,
	});
	const raw = (mixed ? answer.mutateOperationResponses : answer.results) ?? [];
	const operationErrors: MutateOperationError[] = parseGoogleAdsFailure(answer.partialFailureError).map((error) => ({
		operationIndex: (error.operationIndex ?? 0) + offset,
		error: error.operationIndex === undefined ? error : { ...error, operationIndex: error.operationIndex + offset },
	}));
	const failed = new Set(operationErrors.map((e) => e.operationIndex));
	const results = operations.map((_, i) => (failed.has(i + offset) ? null : unwrap(raw[i], mixed)));
	return { results, operationErrors };
}

/**
 * Mutates through `googleAds:mutate` (mutateOperations, atomic across
 * resources) or `<resource>:mutate` (operations). Without partialFailure a
 * failure throws and nothing is applied; with it, failed operations come back
 * in `operationErrors` by index. More than 10,000 operations are split only
 * under partialFailure, since splitting would break atomicity.
 */
export async function mutate(ctx: GoogleAdsContext, customerId: string, req: MutateRequest): Promise<MutateOutcome> {
	const itemIndex = req.itemIndex ?? 0;
	const cid = normalizeCustomerId(customerId, itemIndex, ctx.getNode());
	if (req.operations.length === 0) return { results: [], operationErrors: [] };
	if (req.operations.length > MAX_MUTATE_OPERATIONS && !req.partialFailure) {
		throw new NodeOperationError(ctx.getNode(), `Too many operations for one atomic mutate: ${req.operations.length}`, {
			itemIndex,
			description: `Google accepts at most ${MAX_MUTATE_OPERATIONS} per request. Enable partial failure to send them in several requests.`,
		});
	}
	const outcome: MutateOutcome = { results: [], operationErrors: [] };
	for (let offset = 0; offset < req.operations.length; offset += MAX_MUTATE_OPERATIONS) {
		const chunk = req.operations.slice(offset, offset + MAX_MUTATE_OPERATIONS);
		const part = await mutateChunk(ctx, cid, req, chunk, offset);
		outcome.results.push(...part.results);
		outcome.operationErrors.push(...part.operationErrors);
	}
	return outcome;
}
