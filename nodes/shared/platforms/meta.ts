/**
 * Meta through the platform port: every read and write goes through the
 * Graph Batch API (50 sub-requests per call, each answer mapped back,
 * transient sub-failures retried by `graphBatch`), or, with `oneByOne`,
 * one plain request per change. Validate-only writes carry
 * `execution_options=["validate_only"]`, so Meta checks them and changes nothing.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { graphBatch, graphPaginate, graphRequest, type BatchResult, type BatchSubRequest } from '../../MetaAds/transport';
import type { EntityLevel } from '../contracts/metricRow';
import { fromMetaMinorUnits, toMetaMinorUnits } from '../money';
import { resultError, type ApplyOptions, type Change, type ChangeResult, type EntityRef, type EntityState, type EntityStatus, type HistoryEvent, type PlatformPort } from './platform';

const FIELDS: Partial<Record<EntityLevel, string>> = {
	campaign: 'id,name,account_id,status,daily_budget,lifetime_budget',
	adSet: 'id,name,account_id,campaign_id,status,daily_budget,lifetime_budget,bid_amount',
	ad: 'id,name,account_id,status',
};

const STATUS: Record<string, EntityStatus> = { ACTIVE: 'active', PAUSED: 'paused', DELETED: 'removed', ARCHIVED: 'other' };

function bareAccount(accountId: string): string {
	return accountId.replace(/^act_/, '');
}

/** Meta reports "no budget of this kind" as a missing field or "0". */
function majorOrNull(minor: unknown, currency: string): number | null {
	const n = Number(minor);
	return minor === undefined || minor === null || minor === '' || !Number.isFinite(n) || n <= 0 ? null : fromMetaMinorUnits(n, currency);
}

function failure(ctx: IExecuteFunctions, message: string): Error {
	return new NodeOperationError(ctx.getNode(), message);
}

function toState(ctx: IExecuteFunctions, ref: EntityRef, body: IDataObject, currency: string | Error | undefined): EntityState | Error {
	if (currency instanceof Error) return currency;
	if (!currency) return failure(ctx, `Could not read the currency of ad account act_${bareAccount(ref.accountId)}`);
	const owner = bareAccount(String(body.account_id ?? ''));
	if (owner !== bareAccount(ref.accountId)) {
		return failure(ctx, `Meta ${ref.level} ${ref.entityId} belongs to ad account ${owner || 'unknown'}, not ${bareAccount(ref.accountId)}`);
	}
	const platformStatus = String(body.status ?? '');
	return {
		ref,
		name: body.name === undefined ? null : String(body.name),
		status: STATUS[platformStatus] ?? 'other',
		platformStatus,
		currency,
		budgets: { daily: majorOrNull(body.daily_budget, currency), lifetime: majorOrNull(body.lifetime_budget, currency) },
		bid: majorOrNull(body.bid_amount, currency),
	};
}

async function batchOrThrowAll(ctx: IExecuteFunctions, requests: BatchSubRequest[], itemIndex?: number): Promise<Array<BatchResult | Error>> {
	try {
		return await graphBatch(ctx, requests, { itemIndex });
	} catch (error) {
		// The whole call failed (expired token, network): every sub-request shares the error.
		return requests.map(() => error as Error);
	}
}

function answerOf(result: BatchResult | Error): IDataObject | Error {
	if (result instanceof Error) return result;
	if (!result.ok) return result.error;
	return (typeof result.body === 'object' && result.body !== null ? result.body : {}) as IDataObject;
}

async function readStates(ctx: IExecuteFunctions, refs: EntityRef[], opts: { itemIndex?: number } = {}): Promise<Array<EntityState | Error>> {
	const accounts = [...new Set(refs.map((r) => bareAccount(r.accountId)))];
	const requests: BatchSubRequest[] = accounts.map((a) => ({ method: 'GET', relativeUrl: `act_${a}?fields=currency` }));
	const readable = refs.map((ref) => FIELDS[ref.level]);
	refs.forEach((ref, i) => {
		if (readable[i]) requests.push({ method: 'GET', relativeUrl: `${encodeURIComponent(ref.entityId)}?fields=${readable[i]}` });
	});
	const answers = (await batchOrThrowAll(ctx, requests, opts.itemIndex)).map(answerOf);
	const currencies = new Map<string, string | Error>();
	accounts.forEach((a, i) => {
		const answer = answers[i];
		currencies.set(a, answer instanceof Error ? failure(ctx, `ad account act_${a} cannot be read with this credential (${answer.message})`) : String(answer.currency ?? '').toUpperCase());
	});
	let next = accounts.length;
	return refs.map((ref, i) => {
		if (!readable[i]) return failure(ctx, `Meta has no ${ref.level} that Ads Apply can change (use campaign, adSet or ad)`);
		const answer = answers[next++];
		if (answer instanceof Error) return answer;
		return toState(ctx, ref, answer, currencies.get(bareAccount(ref.accountId)));
	});
}

function historyKind(eventType: string): HistoryEvent['what'] {
	if (eventType.endsWith('_budget')) return 'budget';
	if (eventType.endsWith('_run_status')) return 'status';
	if (eventType.endsWith('_bid_amount') || eventType.endsWith('_bid')) return 'bid';
	return 'other';
}

/** The ad account's `activities` edge: Meta's own list of changes with their times. */
async function readHistory(ctx: IExecuteFunctions, accountIds: string[], sinceMs: number): Promise<HistoryEvent[]> {
	const events: HistoryEvent[] = [];
	for (const account of new Set(accountIds.map(bareAccount))) {
		const rows = await graphPaginate<IDataObject>(ctx, {
			path: `/act_${account}/activities`,
			qs: { fields: 'event_type,event_time,object_id', since: Math.floor(sinceMs / 1000) },
			pageSize: 500,
			returnAll: true,
		});
		for (const row of rows) {
			const at = Date.parse(String(row.event_time ?? '').replace(/\+0000$/, 'Z'));
			if (!Number.isNaN(at) && row.object_id !== undefined) events.push({ entityId: String(row.object_id), at, what: historyKind(String(row.event_type ?? '')) });
		}
	}
	return events;
}

/** The Graph body for one change: status word, or an amount in the account's minor units. */
export function metaChangeBody(change: Change): IDataObject {
	if (change.kind === 'status') return { status: change.status === 'active' ? 'ACTIVE' : 'PAUSED' };
	const minor = toMetaMinorUnits(change.amount, change.currency);
	if (change.kind === 'bid') return { bid_amount: minor };
	return { [change.budgetType === 'daily' ? 'daily_budget' : 'lifetime_budget']: minor };
}

/** One change as one plain request, Meta's error kept whole (the nodes' Set Budget reports it as is). */
async function applyOne(ctx: IExecuteFunctions, change: Change, opts: ApplyOptions): Promise<ChangeResult> {
	try {
		const body = { ...metaChangeBody(change), ...(opts.validateOnly ? { execution_options: ['validate_only'] } : {}) };
		const answer = await graphRequest<IDataObject>(ctx, { method: 'POST', path: `/${encodeURIComponent(change.ref.entityId)}`, body, itemIndex: opts.itemIndexes?.[0] });
		const response = typeof answer === 'object' && answer !== null ? answer : {};
		return { ok: response.success !== false, validateOnly: opts.validateOnly, response: { id: change.ref.entityId, ...response } };
	} catch (error) {
		return { ok: false, validateOnly: opts.validateOnly, error: resultError(error), cause: error as Error };
	}
}

async function applyChanges(ctx: IExecuteFunctions, changes: Change[], opts: ApplyOptions): Promise<ChangeResult[]> {
	if (opts.oneByOne) {
		const results: ChangeResult[] = [];
		for (const [i, change] of changes.entries()) results.push(await applyOne(ctx, change, { ...opts, itemIndexes: opts.itemIndexes && [opts.itemIndexes[i]] }));
		return results;
	}
	const requests: BatchSubRequest[] = changes.map((change, i) => ({
		...(opts.itemIndexes ? { itemIndex: opts.itemIndexes[i] } : {}),
		method: 'POST',
		relativeUrl: encodeURIComponent(change.ref.entityId),
		body: { ...metaChangeBody(change), ...(opts.validateOnly ? { execution_options: ['validate_only'] } : {}) },
	}));
	if (requests.length === 0) return [];
	const answers = (await batchOrThrowAll(ctx, requests, opts.itemIndexes?.[0])).map(answerOf);
	return answers.map((answer, i) =>
		answer instanceof Error
			? { ok: false, validateOnly: opts.validateOnly, error: resultError(answer), cause: answer }
			: { ok: answer.success !== false, validateOnly: opts.validateOnly, response: { id: changes[i].ref.entityId, ...answer } },
	);
}

export const metaPort: PlatformPort = {
	platform: 'meta',
	readStates,
	readHistory: (ctx, accountIds, sinceMs) => readHistory(ctx, accountIds, sinceMs),
	applyChanges,
};
