/**
 * Google Ads through the platform port: one GAQL read per customer and level,
 * one `googleAds:mutate` per customer with Partial Failure (each operation's
 * error mapped back to its change), Validate Only for plans, and the
 * customer's `change_event` history for cooldowns.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { budgetAmountOperation } from '../../GoogleAds/actions/common/budget';
import { microsString } from '../../GoogleAds/actions/common/money';
import { statusOperation } from '../../GoogleAds/actions/common/status';
import { describeErrors, mutate, search, type GoogleAdsErrorDetail } from '../../GoogleAds/transport';
import type { EntityLevel } from '../contracts/metricRow';
import { fromGoogleMicros } from '../money';
import { epochToWallTime, wallTimeToEpoch } from './timeZone';
import { resultError, type ApplyOptions, type Change, type ChangeResult, type EntityRef, type EntityState, type EntityStatus, type HistoryEvent, type PlatformPort } from './platform';

const STATUS: Record<string, EntityStatus> = { ENABLED: 'active', PAUSED: 'paused', REMOVED: 'removed' };

interface LevelQuery {
	/** GAQL for some ids of one customer. */
	query: (ids: string[]) => string;
	/** The id a row is for, the mutate key of its resource and the state it describes. */
	read: (row: IDataObject) => { id: string; resourceName: string; name: string | null; status: string; budgets?: EntityState['budgets']; bid?: number | null; budgetResource?: string; budgetShared?: boolean };
	/** The googleAds:mutate key for this level's own resource. */
	operationKey: string;
}

const obj = (value: unknown): IDataObject => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});
const micros = (value: unknown): number | null => (value === undefined || value === null || value === '' || Number(value) <= 0 ? null : fromGoogleMicros(value as string));
const idList = (ids: string[]) => ids.map((id) => (/^\d+$/.test(id) ? id : '0')).join(', ');

/** Only the levels Ads Apply changes on Google; keywords are paused/enabled, never budgeted. */
const LEVELS: Partial<Record<EntityLevel, LevelQuery>> = {
	campaign: {
		query: (ids) =>
			'SELECT campaign.id, campaign.name, campaign.status, campaign.resource_name, campaign_budget.resource_name, ' +
			'campaign_budget.amount_micros, campaign_budget.explicitly_shared, campaign_budget.reference_count, customer.currency_code, customer.time_zone ' +
			`FROM campaign WHERE campaign.id IN (${idList(ids)})`,
		read: (row) => {
			const campaign = obj(row.campaign);
			const budget = obj(row.campaignBudget);
			return {
				id: String(campaign.id), resourceName: String(campaign.resourceName), name: campaign.name === undefined ? null : String(campaign.name),
				status: String(campaign.status ?? ''),
				budgets: { daily: micros(budget.amountMicros), lifetime: micros(budget.totalAmountMicros) },
				budgetResource: budget.resourceName === undefined ? undefined : String(budget.resourceName),
				budgetShared: budget.explicitlyShared === true || Number(budget.referenceCount ?? 1) > 1,
			};
		},
		operationKey: 'campaignOperation',
	},
	adSet: {
		query: (ids) => `SELECT ad_group.id, ad_group.name, ad_group.status, ad_group.resource_name, ad_group.cpc_bid_micros, customer.currency_code, customer.time_zone FROM ad_group WHERE ad_group.id IN (${idList(ids)})`,
		read: (row) => {
			const group = obj(row.adGroup);
			return { id: String(group.id), resourceName: String(group.resourceName), name: group.name === undefined ? null : String(group.name), status: String(group.status ?? ''), bid: micros(group.cpcBidMicros) };
		},
		operationKey: 'adGroupOperation',
	},
	ad: {
		query: (ids) => `SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, ad_group_ad.status, ad_group_ad.resource_name, customer.currency_code, customer.time_zone FROM ad_group_ad WHERE ad_group_ad.ad.id IN (${idList(ids)})`,
		read: (row) => {
			const adGroupAd = obj(row.adGroupAd);
			const ad = obj(adGroupAd.ad);
			return { id: String(ad.id), resourceName: String(adGroupAd.resourceName), name: ad.name === undefined ? null : String(ad.name), status: String(adGroupAd.status ?? '') };
		},
		operationKey: 'adGroupAdOperation',
	},
	keyword: {
		query: (ids) =>
			'SELECT ad_group_criterion.criterion_id, ad_group_criterion.keyword.text, ad_group_criterion.status, ad_group_criterion.resource_name, customer.currency_code, customer.time_zone ' +
			`FROM ad_group_criterion WHERE ad_group_criterion.criterion_id IN (${idList(ids)})`,
		read: (row) => {
			const criterion = obj(row.adGroupCriterion);
			return { id: String(criterion.criterionId), resourceName: String(criterion.resourceName), name: obj(criterion.keyword).text === undefined ? null : String(obj(criterion.keyword).text), status: String(criterion.status ?? '') };
		},
		operationKey: 'adGroupCriterionOperation',
	},
};

/** Resource names by entity, so writes need no second read. Kept on the state object, not in memory between runs. */
const RESOURCE = Symbol('googleResourceName');
const TIME_ZONE = Symbol('googleTimeZone');
type GoogleState = EntityState & { [RESOURCE]?: string; [TIME_ZONE]?: string };

function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
	return groups;
}

async function readGroup(ctx: IExecuteFunctions, customerId: string, level: EntityLevel, refs: EntityRef[], itemIndex?: number): Promise<Map<string, GoogleState> | Error> {
	const spec = LEVELS[level]!;
	try {
		const byId = new Map(refs.map((r) => [r.entityId, r]));
		const rows = await search<IDataObject>(ctx, customerId, spec.query([...byId.keys()]), { itemIndex });
		const states = new Map<string, GoogleState>();
		for (const row of rows) {
			const read = spec.read(row);
			const currency = String(obj(row.customer).currencyCode ?? '');
			const ref = byId.get(read.id) ?? { accountId: customerId, level, entityId: read.id };
			states.set(read.id, {
				ref, name: read.name, status: STATUS[read.status] ?? 'other', platformStatus: read.status, currency,
				budgets: read.budgets ?? { daily: null, lifetime: null }, bid: read.bid ?? null,
				...(read.budgetResource ? { budgetResource: read.budgetResource, budgetShared: read.budgetShared } : {}),
				[RESOURCE]: read.resourceName,
				[TIME_ZONE]: obj(row.customer).timeZone === undefined ? undefined : String(obj(row.customer).timeZone),
			});
		}
		return states;
	} catch (error) {
		return error as Error;
	}
}

async function readStates(ctx: IExecuteFunctions, refs: EntityRef[], opts: { itemIndex?: number } = {}): Promise<Array<EntityState | Error>> {
	const found = new Map<string, GoogleState | Error>();
	const supported = refs.filter((r) => LEVELS[r.level]);
	for (const [key, group] of groupBy(supported, (r) => `${r.accountId}|${r.level}`)) {
		const [customerId, level] = key.split('|') as [string, EntityLevel];
		const answer = await readGroup(ctx, customerId, level, group, opts.itemIndex);
		for (const ref of group) found.set(`${key}|${ref.entityId}`, answer instanceof Error ? answer : (answer.get(ref.entityId) ?? notFound(ctx, ref)));
		// (answer is keyed by id, so this stays linear in the number of refs)
	}
	return refs.map((ref) =>
		LEVELS[ref.level]
			? found.get(`${ref.accountId}|${ref.level}|${ref.entityId}`)!
			: new NodeOperationError(ctx.getNode(), `Google Ads has no ${ref.level} that Ads Apply can change (use campaign, adSet, ad or keyword)`),
	);
}

function notFound(ctx: IExecuteFunctions, ref: EntityRef): Error {
	return new NodeOperationError(ctx.getNode(), `Google Ads ${ref.level} ${ref.entityId} was not found in customer ${ref.accountId}, or the credential cannot reach it`);
}

/** One mutate operation for a change, keyed for googleAds:mutate. */
export function googleOperation(change: Change, state: EntityState): IDataObject {
	const resourceName = (state as GoogleState)[RESOURCE] ?? '';
	if (change.kind === 'status') {
		return { [LEVELS[change.ref.level]!.operationKey]: statusOperation(resourceName, change.status === 'active' ? 'ENABLED' : 'PAUSED') };
	}
	if (change.kind === 'bid') {
		return { adGroupOperation: { update: { resourceName, cpcBidMicros: microsString(change.amount) }, updateMask: 'cpcBidMicros' } };
	}
	const budget = state.budgetResource ?? '';
	return {
		campaignBudgetOperation: change.budgetType === 'daily'
			? budgetAmountOperation(budget, change.amount)
			: { update: { resourceName: budget, totalAmountMicros: microsString(change.amount) }, updateMask: 'totalAmountMicros' },
	};
}

function operationFailure(details: GoogleAdsErrorDetail[]): ChangeResult['error'] {
	return { message: describeErrors(details), code: details[0]?.code };
}

async function applyForCustomer(ctx: IExecuteFunctions, customerId: string, entries: Array<{ index: number; change: Change; state: EntityState }>, validateOnly: boolean, out: ChangeResult[]) {
	try {
		const answer = await mutate(ctx, customerId, {
			resource: 'googleAds',
			operations: entries.map((e) => googleOperation(e.change, e.state)),
			partialFailure: true,
			validateOnly,
		});
		entries.forEach((entry, position) => {
			const errors = answer.operationErrors.filter((e) => e.operationIndex === position).map((e) => e.error);
			out[entry.index] = errors.length
				? { ok: false, validateOnly, error: operationFailure(errors) }
				: { ok: true, validateOnly, response: { customerId, ...(answer.results[position] ?? {}) } };
		});
	} catch (error) {
		for (const entry of entries) out[entry.index] = { ok: false, validateOnly, error: resultError(error), cause: error as Error };
	}
}

async function applyChanges(ctx: IExecuteFunctions, changes: Change[], opts: ApplyOptions): Promise<ChangeResult[]> {
	const out: ChangeResult[] = new Array(changes.length);
	const key = (ref: EntityRef) => `${ref.accountId}|${ref.level}|${ref.entityId}`;
	const states = new Map((opts.states ?? []).map((s) => [key(s.ref), s]));
	const byCustomer = new Map<string, Array<{ index: number; change: Change; state: EntityState }>>();
	changes.forEach((change, index) => {
		const state = states.get(key(change.ref));
		if (!state || !(state as GoogleState)[RESOURCE]) {
			out[index] = { ok: false, validateOnly: opts.validateOnly, error: { message: `Google Ads ${change.ref.level} ${change.ref.entityId} was not read before the change; nothing was sent` } };
			return;
		}
		byCustomer.set(change.ref.accountId, [...(byCustomer.get(change.ref.accountId) ?? []), { index, change, state }]);
	});
	for (const [customerId, entries] of byCustomer) await applyForCustomer(ctx, customerId, entries, opts.validateOnly, out);
	return out;
}


function whatChanged(fields: string): HistoryEvent['what'] {
	if (/amountMicros|amount_micros/.test(fields)) return 'budget';
	if (/cpcBidMicros|cpc_bid_micros/.test(fields)) return 'bid';
	if (/status/.test(fields)) return 'status';
	return 'other';
}

/**
 * The customer's `change_event` history (Google keeps 30 days). Budget events
 * name the budget, so they are mapped to the campaigns read on it. Times are
 * on the account's wall clock (customer.time_zone, read with the states).
 */
async function readHistory(ctx: IExecuteFunctions, accountIds: string[], sinceMs: number, states: EntityState[]): Promise<HistoryEvent[]> {
	const events: HistoryEvent[] = [];
	const from = Math.max(sinceMs, Date.now() - 29 * 86_400_000);
	for (const customerId of new Set(accountIds)) {
		const mine = states.filter((s) => s.ref.accountId === customerId) as GoogleState[];
		const timeZone = mine[0]?.[TIME_ZONE];
		// A change names a budget or the entity's own resource: both lead to the entities read.
		const owners = new Map<string, GoogleState[]>();
		for (const state of mine) {
			for (const name of [state.budgetResource, state[RESOURCE]]) if (name) owners.set(name, [...(owners.get(name) ?? []), state]);
		}
		const rows = await search<IDataObject>(
			ctx,
			customerId,
			'SELECT change_event.change_date_time, change_event.change_resource_type, change_event.change_resource_name, change_event.changed_fields, change_event.campaign ' +
				`FROM change_event WHERE change_event.change_date_time >= '${epochToWallTime(from, timeZone)}' ORDER BY change_event.change_date_time DESC LIMIT 10000`,
		);
		for (const row of rows) {
			const event = obj(row.changeEvent);
			const at = wallTimeToEpoch(String(event.changeDateTime ?? ''), timeZone);
			const resourceName = String(event.changeResourceName ?? '');
			const what = whatChanged(String(event.changedFields ?? ''));
			for (const owner of owners.get(resourceName) ?? []) if (!Number.isNaN(at)) events.push({ entityId: owner.ref.entityId, at, what });
		}
	}
	return events;
}

export const googlePort: PlatformPort = { platform: 'google', readStates, readHistory, applyChanges };
